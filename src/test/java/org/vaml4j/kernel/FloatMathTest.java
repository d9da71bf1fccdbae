package org.vaml4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatMath} gives, for every input, the bits of the SIMD {@link VectorMath} lane (the
 * property the kernels' scalar tails and the JDK-17 scalar loops rely on), and its accuracy and
 * special values (accuracy of the same functions over dense grids: {@link VectorMathTest}).
 */
class FloatMathTest {

    private static final int L = PackedGemm.L;

    interface ScalarFn {
        float apply(float x);
    }

    /** Inputs: a dense grid over [-120, 120], random bit patterns (subnormals, inf, NaN), specials. */
    private static float[] inputs() {
        int grid = 240_000, random = 200_000;
        float[] specials = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1f, 0.625f,
            -0.625f, 88.7f, 89f, -103.9f, -104f, 0.70710677f, 1e-30f, 1e30f};
        int n = grid + random + specials.length;
        float[] x = new float[(n + L - 1) / L * L];
        for (int i = 0; i < grid; i++) x[i] = -120f + 240f * i / grid;
        SplittableRandom rng = new SplittableRandom(6);
        for (int i = 0; i < random; i++) x[grid + i] = Float.intBitsToFloat(rng.nextInt());
        System.arraycopy(specials, 0, x, grid + random, specials.length);
        return x;
    }

    private static void assertSameBits(ScalarFn scalar, UnaryOperator<FloatVector> vector, String what) {
        float[] x = inputs();
        float[] lanes = new float[L];
        for (int i = 0; i < x.length; i += L) {
            vector.apply(FloatVector.fromArray(PackedGemm.S, x, i)).intoArray(lanes, 0);
            for (int l = 0; l < L; l++) {
                float s = scalar.apply(x[i + l]);
                if (Float.floatToIntBits(s) != Float.floatToIntBits(lanes[l])) {
                    fail(what + "(" + x[i + l] + "): scalar " + s + ", SIMD lane " + lanes[l]);
                }
            }
        }
    }

    @Test
    void sameBitsAsTheSimdLanes() {
        assertSameBits(FloatMath::exp, VectorMath::exp, "exp");
        assertSameBits(FloatMath::log, VectorMath::log, "log");
        assertSameBits(FloatMath::tanh, VectorMath::tanh, "tanh");
        assertSameBits(FloatMath::sigmoid, VectorMath::sigmoid, "sigmoid");
        assertSameBits(FloatMath::silu, VectorMath::silu, "silu");
        assertSameBits(FloatMath::siluDerivative, VectorMath::siluDerivative, "siluDerivative");
        assertSameBits(FloatMath::softplus, VectorMath::softplus, "softplus");
    }

    @Test
    void closeToStrictMath() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) (rng.nextDouble() * 20 - 10);
            assertEquals(StrictMath.exp(x), FloatMath.exp(x), 2 * Math.ulp((float) StrictMath.exp(x)), "exp " + x);
            assertEquals(StrictMath.tanh(x), FloatMath.tanh(x), 2 * Math.ulp((float) StrictMath.tanh(x)), "tanh " + x);
            float p = Math.abs(x) * 1e3f + 1e-6f;
            assertEquals(StrictMath.log(p), FloatMath.log(p), 2 * Math.ulp((float) StrictMath.log(p)), "log " + p);
        }
    }

    @Test
    void specialValues() {
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(0f, FloatMath.log(1f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(100f));
        assertEquals(0f, FloatMath.exp(-200f));
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.log(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FloatMath.log(-1f)));
        assertEquals(StrictMath.log(Float.MIN_VALUE), FloatMath.log(Float.MIN_VALUE), 1e-5);   // subnormal
        assertEquals(1f, FloatMath.tanh(50f));
        assertEquals(-1f, FloatMath.tanh(-50f));
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(100f, FloatMath.softplus(100f));
    }
}
