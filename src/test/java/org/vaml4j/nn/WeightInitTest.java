package org.vaml4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightInitTest {

    @Test
    void truncatedNormalStaysWithinTwoStdWithTheRightScale() {
        int in = 200, out = 300;
        float[] w = new float[in * out];
        new TruncatedNormalInit().fill(w, 0, in, out, new SplittableRandom(1));
        double std = 1 / (2 * Math.sqrt(in)), s2 = 0;
        for (float v : w) {
            assertTrue(Math.abs(v) <= 2 * std + 1e-7);
            s2 += v * v;
        }
        // variance of N(0,1) truncated to [-2, 2] is 0.7737413
        assertEquals(0.7737413 * std * std, s2 / w.length, 0.02 * std * std);
    }

    @Test
    void orthogonalHasOrthonormalRowsOrColumns() {
        for (int[] s : new int[][] {{3, 8}, {8, 3}, {5, 5}}) {
            int in = s[0], out = s[1];
            float[] w = new float[in * out];
            new OrthogonalInit(1.0).fill(w, 0, in, out, new SplittableRandom(7));
            int small = Math.min(in, out);
            for (int a = 0; a < small; a++) {
                for (int b = 0; b < small; b++) {
                    double d = 0;
                    for (int k = 0; k < Math.max(in, out); k++) {
                        d += in <= out ? w[a * out + k] * w[b * out + k] : w[k * out + a] * w[k * out + b];
                    }
                    assertEquals(a == b ? 1 : 0, d, 1e-5);
                }
            }
        }
    }

    @Test
    void xavierIsWithinItsBound() {
        float[] w = new float[64 * 32];
        new XavierUniformInit().fill(w, 0, 64, 32, new SplittableRandom(2));
        double a = Math.sqrt(6.0 / 96);
        for (float v : w) assertTrue(Math.abs(v) <= a);
    }

    @Test
    void unknownNameListsChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> WeightInit.byName("he"));
        assertTrue(e.getMessage().contains("orthogonal"));
        assertEquals("orthogonal", WeightInit.byName("orthogonal").name());
    }
}
