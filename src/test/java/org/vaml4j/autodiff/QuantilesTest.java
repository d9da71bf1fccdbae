package org.vaml4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaml4j.autodiff.OpTesting.assertRejects;

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
}
