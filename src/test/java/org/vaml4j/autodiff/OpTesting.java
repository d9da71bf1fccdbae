package org.vaml4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;

/** Helpers of the known-value tests (hand-computed forward values and gradients). */
public final class OpTesting {

    private OpTesting() {}

    /** A leaf with a gradient over a copy of {@code values}. */
    public static Tensor var(float[] values, int... shape) {
        return Tensor.variable(values.clone(), shape);
    }

    public static float[] ones(int n) {
        float[] v = new float[n];
        Arrays.fill(v, 1f);
        return v;
    }

    /** Asserts an IllegalArgumentException whose message contains every fragment. */
    public static void assertRejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    public static void assertClose(float[] expected, float[] actual) {
        assertArrayEquals(expected, actual, 1e-5f);
    }
}
