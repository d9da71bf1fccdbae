package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    /** Transition i has obs (i, -i), action (10 i), reward i, next obs (i + 1, -i - 1). */
    private static void addNumbered(ReplayBuffer b, int i) {
        float[] s = {i, -i}, a = {10f * i}, s2 = {i + 1, -i - 1};
        b.add(s, 0, a, 0, i, s2, 0, i % 3 == 0);
    }

    @Test
    void chronologicalRowsFollowTheRingAfterWrapping() {
        ReplayBuffer b = new ReplayBuffer(4, 2, 1);
        for (int i = 0; i < 6; i++) addNumbered(b, i);
        // rows hold 4, 5, 2, 3; the oldest is transition 2 in storage row 2
        assertEquals(4, b.size());
        for (int age = 0; age < 4; age++) {
            int row = b.chronologicalRow(age);
            assertEquals(2 + age, b.rewardArray()[row], 0f);
            assertEquals(2 + age, b.obsArray()[2 * row], 0f);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> b.chronologicalRow(4));
    }

    @Test
    void floatRowsStoreTheSameAsDoubleRows() {
        ReplayBuffer f = new ReplayBuffer(3, 2, 1), d = new ReplayBuffer(3, 2, 1);
        f.add(new float[] {9, 1.5f, -2f, 7}, 1, new float[] {0.25f}, 0, 3f, new float[] {4, 5}, 0, true);
        d.add(new double[] {1.5, -2}, new double[] {0.25}, 3, new double[] {4, 5}, true);
        Batch bf = new Batch(1, 2, 1), bd = new Batch(1, 2, 1);
        f.copyRow(0, bf, 0);
        d.copyRow(0, bd, 0);
        assertArrayEquals(bd.obs, bf.obs);
        assertArrayEquals(bd.nextObs, bf.nextObs);
        assertArrayEquals(bd.act, bf.act);
        assertArrayEquals(bd.reward, bf.reward);
        assertArrayEquals(bd.notDone, bf.notDone);
        assertThrows(IllegalArgumentException.class,
                () -> f.add(new float[] {Float.NaN, 0}, 0, new float[] {0}, 0, 0, new float[] {0, 0}, 0, false));
    }

    @Test
    void resizedKeepsTheNewestRowsInOrder() {
        ReplayBuffer b = new ReplayBuffer(5, 2, 1);
        for (int i = 0; i < 7; i++) addNumbered(b, i);   // holds 2..6
        ReplayBuffer small = b.resized(3);
        assertEquals(3, small.size());
        for (int age = 0; age < 3; age++) {
            int row = small.chronologicalRow(age);
            assertEquals(4 + age, small.rewardArray()[row], 0f);
            assertEquals((4 + age) % 3 == 0 ? 0f : 1f, small.notDoneArray()[row], 0f);
        }
        ReplayBuffer big = b.resized(10);
        assertEquals(5, big.size());
        assertEquals(2f, big.rewardArray()[big.chronologicalRow(0)], 0f);
        assertEquals(b.added(), big.added());
        big.clear();
        assertEquals(0, big.size());
    }
}
