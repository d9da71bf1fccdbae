package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.ScalarKernels;

class ValueGradientCacheTest {

    private final ScalarKernels kn = new ScalarKernels();

    @Test
    void linearValuesHaveTheirWeightsAsGradient() {
        LinearValues vf = new LinearValues(new float[][] {{1, 2}, {-3, 0.5f}}, new float[] {0, 1});
        float[] out = new float[2 * 3 * 2];
        new ValueGradientCache(kn, 10).gradients(vf, new float[] {9, 9, 1, 2, 3, 4, 5, 6}, 2, 3, null, out);
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2, -3, 0.5f, -3, 0.5f, -3, 0.5f}, out);
    }

    @Test
    void mlpGradientsMatchFiniteDifferences() {
        MlpValues vf = new MlpValues(new SplittableRandom(1), 4, 3, 2, 8, 0.2f);
        float[] s = {0.3f, -0.7f, 1.1f, -0.2f, 0.5f, 0.9f};   // 2 rows
        float[] out = new float[4 * 2 * 3];
        new ValueGradientCache(kn, 10).gradients(vf, s, 0, 2, null, out);
        Tape t = new Tape(kn, false);
        double h = 1e-2;
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 6; i++) {
                float[] plus = s.clone(), minus = s.clone();
                plus[i] += (float) h;
                minus[i] -= (float) h;
                t.reset();
                // the partial derivative: the action stays the one chosen at s
                Tensor at = Tensor.constant(s, 2, 3);
                double fp = vf.valueWithActionAt(t, k, Tensor.constant(plus, 2, 3), at).get(i / 3);
                double fm = vf.valueWithActionAt(t, k, Tensor.constant(minus, 2, 3), at).get(i / 3);
                assertEquals((fp - fm) / (2 * h), out[k * 6 + i], 2e-3, "k " + k + " i " + i);
            }
        }
    }

    @Test
    void cachesByIdUntilInvalidated() {
        MlpValues vf = new MlpValues(new SplittableRandom(2), 4, 2, 1, 8, 0.2f);
        ValueGradientCache cache = new ValueGradientCache(kn, 100);
        float[] s = {0.1f, 0.2f, 0.3f, 0.4f};
        float[] first = new float[4 * 2 * 2], second = new float[4 * 2 * 2];
        cache.gradients(vf, s, 0, 2, new long[] {7, 8}, first);
        assertEquals(2, cache.misses());
        assertEquals(2, cache.size());
        // same ids, other states: served from the cache (the id is the key)
        cache.gradients(vf, new float[] {5, 5, 5, 5}, 0, 2, new long[] {8, 7}, second);
        assertEquals(2, cache.hits());
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(new float[] {first[k * 4 + 2], first[k * 4 + 3], first[k * 4], first[k * 4 + 1]},
                    java.util.Arrays.copyOfRange(second, k * 4, k * 4 + 4));
        }
        cache.invalidate();
        assertEquals(0, cache.size());
        cache.gradients(vf, s, 0, 2, new long[] {7, 8}, second);
        assertEquals(4, cache.misses());
        assertArrayEquals(first, second);
        // other value functions: cleared automatically
        MlpValues other = new MlpValues(new SplittableRandom(3), 4, 2, 1, 8, 0.2f);
        cache.gradients(other, s, 0, 2, new long[] {7, 8}, second);
        assertEquals(6, cache.misses());
    }

    @Test
    void respectsTheCapacityAndRejectsBadSizes() {
        LinearValues vf = new LinearValues(new float[][] {{1}}, new float[] {0});
        ValueGradientCache cache = new ValueGradientCache(kn, 1);
        cache.gradients(vf, new float[] {1, 2, 3}, 0, 3, new long[] {1, 2, 3}, new float[3]);
        assertEquals(1, cache.size());
        assertThrows(IllegalArgumentException.class, () -> cache.gradients(vf, new float[] {1}, 0, 2, null, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> new ValueGradientCache(kn, -1));
    }

    @Test
    void slotIndexAgreesWithAMapThroughGrowthAndClear() {
        ValueGradientCache.SlotIndex index = new ValueGradientCache.SlotIndex();
        java.util.Map<Long, Integer> map = new java.util.HashMap<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5000; i++) {
                // consecutive ids (replay positions), negatives, and ids 2^k apart (same low bits)
                long id = switch (i % 3) {
                    case 0 -> 1_000_000L + i;
                    case 1 -> -rng.nextLong(1, 1L << 40);
                    default -> (long) (i % 97) << 32;
                };
                if (!map.containsKey(id)) {
                    assertEquals(-1, index.get(id));
                    map.put(id, map.size());
                    index.put(id, map.size() - 1);
                }
                assertEquals(map.get(id), index.get(id));
            }
            assertEquals(map.size(), index.size());
            for (var e : map.entrySet()) assertEquals(e.getValue(), index.get(e.getKey()));
            index.clear();
            map.clear();
            assertEquals(0, index.size());
            assertEquals(-1, index.get(1_000_000L));
        }
    }
}
