package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

class ReplayBufferTest {

    static void add(ReplayBuffer b, int i, boolean terminal) {
        b.add(new double[] {i, -i}, new double[] {0.5 * i}, i * 10, new double[] {i + 1, -i - 1}, terminal);
    }

    @Test
    void ringOverwritesTheOldestAndSamplesOnlyStoredRows() {
        ReplayBuffer b = new ReplayBuffer(3, 2, 1);
        for (int i = 0; i < 5; i++) add(b, i, i == 4);
        assertEquals(3, b.size());
        assertEquals(5, b.added());
        Batch batch = new Batch(200, 2, 1);
        b.sample(new Rng(1), batch);
        boolean[] seen = new boolean[5];
        for (int r = 0; r < 200; r++) {
            int i = (int) batch.obs[2 * r];
            assertTrue(i >= 2, "row " + i + " was overwritten");
            seen[i] = true;
            assertEquals(-i, batch.obs[2 * r + 1]);
            assertEquals(0.5f * i, batch.act[r]);
            assertEquals(10f * i, batch.reward[r]);
            assertEquals(i + 1f, batch.nextObs[2 * r]);
            assertEquals(i == 4 ? 0f : 1f, batch.notDone[r]);
        }
        assertTrue(seen[2] && seen[3] && seen[4]);
    }

    @Test
    void rejectsBadTransitions() {
        ReplayBuffer b = new ReplayBuffer(3, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> b.add(new double[] {1}, new double[] {0}, 0, new double[] {1, 2}, false));
        assertThrows(IllegalArgumentException.class, () -> b.add(new double[] {1, Double.NaN}, new double[] {0}, 0, new double[] {1, 2}, false));
        assertThrows(IllegalArgumentException.class, () -> b.add(new double[] {1, 2}, new double[] {0}, Double.POSITIVE_INFINITY, new double[] {1, 2}, false));
        assertThrows(IllegalStateException.class, () -> b.sample(new Rng(1), new Batch(1, 2, 1)));
    }

    @Test
    void checkpointRoundTripContinuesTheRing(@TempDir Path dir) throws Exception {
        ReplayBuffer a = new ReplayBuffer(4, 2, 1);
        for (int i = 0; i < 6; i++) add(a, i, false);
        Path f = dir.resolve("b.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "buf")) {
            a.write(w, "buffer.");
            w.commit();
        }
        ReplayBuffer b = new ReplayBuffer(4, 2, 1);
        b.read(ArchiveReader.open(f, "buf"), "buffer.");
        add(a, 6, true);
        add(b, 6, true);
        Batch x = new Batch(50, 2, 1), y = new Batch(50, 2, 1);
        a.sample(new Rng(9), x);
        b.sample(new Rng(9), y);
        assertArrayEquals(x.obs, y.obs);
        assertArrayEquals(x.notDone, y.notDone);
        var e = assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(5, 2, 1).read(ArchiveReader.open(f, "buf"), "buffer."));
        assertTrue(e.getMessage().contains("capacity 4"), e.getMessage());
    }

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
