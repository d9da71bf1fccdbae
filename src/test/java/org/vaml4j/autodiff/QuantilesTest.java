package org.vaml4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaml4j.autodiff.OpTesting.assertRejects;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void linearInterpolationLikeNumpy() {
        float[] v = {5, 1, 4, 2, 3};
        float[] scratch = new float[5];
        assertEquals(4.8f, Quantiles.of(v, 0, 5, 0.95, scratch), 1e-6f);   // pos 3.8 between 4 and 5
        assertEquals(1f, Quantiles.of(v, 0, 5, 0, scratch));
        assertEquals(5f, Quantiles.of(v, 0, 5, 1, scratch));
        assertEquals(3f, Quantiles.of(v, 0, 5, 0.5, scratch));
        assertEquals(4f, Quantiles.of(v, 2, 1, 0.3, scratch));
        assertArrayEquals(new float[] {5, 1, 4, 2, 3}, v);   // input untouched
    }

    @Test
    void rejectsBadArguments() {
        float[] v = {1, Float.NaN};
        assertRejects(() -> Quantiles.of(v, 0, 1, 1.5, new float[2]), "quantile", "1.5");
        assertRejects(() -> Quantiles.of(v, 0, 0, 0.5, new float[2]), "quantile", "at least one");
        assertRejects(() -> Quantiles.of(v, 0, 2, 0.5, new float[1]), "quantile", "scratch");
        assertRejects(() -> Quantiles.of(v, 0, 2, 0.5, new float[2]), "quantile", "NaN");
    }

    /**
     * The selection gives the bits of the sorted formula (Arrays.sort, the implementation before)
     * on data with many duplicates, signed zeros, infinities and sorted or reversed runs.
     */
    @Test
    void selectionGivesTheBitsOfSorting() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] ps = {0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.999, 1};
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(trial < 200 ? 40 : 3000);
            float[] v = new float[n];
            int kind = trial % 5;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> (float) rng.nextGaussian();
                    case 1 -> rng.nextInt(4) - 1.5f;                                   // few distinct values
                    case 2 -> rng.nextBoolean() ? 0f : -0f;                              // signed zeros only
                    case 3 -> i % 7 == 0 ? Float.POSITIVE_INFINITY : i % 11 == 0 ? Float.NEGATIVE_INFINITY : i;
                    default -> n - i + (rng.nextInt(10) == 0 ? 0.5f : 0f);             // nearly reversed
                };
            }
            float[] sorted = v.clone();
            Arrays.sort(sorted);
            for (double p : ps) {
                double pos = p * (n - 1);
                int lo = (int) Math.floor(pos);
                float expect = lo >= n - 1 ? sorted[n - 1]
                        : (float) (sorted[lo] + (pos - lo) * ((double) sorted[lo + 1] - sorted[lo]));
                float got = Quantiles.of(v, 0, n, p, new float[n]);
                assertEquals(Float.floatToRawIntBits(expect), Float.floatToRawIntBits(got),
                        "trial " + trial + " n " + n + " p " + p + ": " + expect + " vs " + got);
            }
        }
    }
}
