package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelBatchTest {

    @Test
    void transitionsAreStepZeroOfAOneStepBatch() {
        // E = 2, B = 1, ds = 2, da = 1
        ModelBatch b = ModelBatch.transitions(2, 1, 2, 1, new float[] {1, 2, 3, 4}, new float[] {5, 6},
                new float[] {7, 8}, new float[] {9, 10, 11, 12}, new float[] {0, 1}, new long[] {3, 4});
        assertEquals(1, b.horizon());
        assertArrayEquals(new float[] {1, 2, 3, 4}, b.states(0).toArray());
        assertArrayEquals(new float[] {9, 10, 11, 12}, b.states(1).toArray());
        assertArrayEquals(new int[] {2, 1, 2}, b.states(1).shape());
        assertArrayEquals(new float[] {7, 8}, b.rewards(0).toArray());
        assertArrayEquals(new float[] {0, 1}, b.dones(0).toArray());
        assertTrue(b.allValid());
    }

    @Test
    void segmentsViewEachStep() {
        // E = 1, B = 2, H = 2, ds = 1, da = 1; row 1 ends after step 0
        float[] obs = {0, 10, 1, 11, 2, 0};
        ModelBatch b = new ModelBatch(1, 2, 2, 1, 1, obs, new float[] {5, 6, 7, 0}, new float[] {1, 2, 3, 0},
                new float[] {0, 1, 0, 0}, new float[] {1, 1, 1, 0}, null);
        assertArrayEquals(new float[] {1, 11}, b.states(1).toArray());
        assertArrayEquals(new float[] {7, 0}, b.actions(1).toArray());
        assertArrayEquals(new float[] {1, 0}, b.valid(1).toArray());
        assertTrue(!b.allValid());
    }

    @Test
    void rejectsBadInput() {
        float[] obs = {0, 10, 1, 11, 2, 0};
        // valid after a terminal step
        assertThrows(IllegalArgumentException.class, () -> new ModelBatch(1, 2, 2, 1, 1, obs, new float[4],
                new float[4], new float[] {0, 1, 0, 0}, new float[] {1, 1, 1, 1}, null));
        // NaN state
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBatch.transitions(1, 1, 1, 1,
                new float[] {Float.NaN}, new float[1], new float[1], new float[1], new float[1], null));
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
        // wrong length
        assertThrows(IllegalArgumentException.class, () -> ModelBatch.transitions(1, 2, 1, 1,
                new float[2], new float[1], new float[2], new float[2], new float[2], null));
        // step outside the horizon
        ModelBatch b = ModelBatch.transitions(1, 1, 1, 1, new float[1], new float[1], new float[1], new float[1], new float[1], null);
        assertThrows(IllegalArgumentException.class, () -> b.actions(1));
    }
}
