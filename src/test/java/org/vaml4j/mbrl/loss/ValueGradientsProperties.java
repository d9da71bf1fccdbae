package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ValueGradientsProperties {

    /** The percentile clip changes exactly the rows whose norm is above the percentile, to norm = percentile. */
    @Property(tries = 200)
    void clipChangesExactlyTheRowsAboveThePercentile(@ForAll @IntRange(min = 1, max = 60) int rows,
                                                     @ForAll @IntRange(min = 1, max = 6) int d,
                                                     @ForAll @DoubleRange(min = 0.01, max = 1.0) double p,
                                                     @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] g = new float[rows * d + 3];
        for (int i = 0; i < g.length; i++) g[i] = (float) (rng.nextGaussian() * Math.exp(2 * rng.nextGaussian()));
        float[] before = g.clone();
        double[] norms = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += (double) before[3 + i * d + j] * before[3 + i * d + j];
            norms[i] = (float) Math.sqrt(s);
        }
        // the quantile with numpy's linear interpolation
        double[] sorted = norms.clone();
        Arrays.sort(sorted);
        double pos = p * (rows - 1);
        int lo = (int) Math.floor(pos);
        double q = lo >= rows - 1 ? sorted[rows - 1] : sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);

        ValueGradients.clipRows(g, 3, rows, d, p, new float[2 * rows]);

        assertEquals(before[0], g[0]);
        int changed = 0, above = 0;
        for (int i = 0; i < rows; i++) {
            boolean isAbove = norms[i] > (float) q;
            boolean same = true;
            for (int j = 0; j < d; j++) same &= before[3 + i * d + j] == g[3 + i * d + j];
            if (isAbove) {
                above++;
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (double) g[3 + i * d + j] * g[3 + i * d + j];
                    // same direction: scaled by q / n < 1
                    assertEquals(before[3 + i * d + j] * q / norms[i], g[3 + i * d + j], 1e-5 * Math.abs(before[3 + i * d + j]) + 1e-30);
                }
                assertEquals(q, Math.sqrt(s), 1e-5 * q);
            } else {
                assertTrue(same, "row " + i + " (norm " + norms[i] + " <= quantile " + q + ") changed");
            }
            if (!same) changed++;
        }
        assertEquals(above, changed);
        assertTrue(above <= Math.ceil((1 - p) * rows), above + " of " + rows + " rows above the " + p + " quantile");
    }
}
