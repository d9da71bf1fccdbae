package org.vaml4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The SIMD exp/log/tanh and the functions built on them, called directly (so they are checked on
 * every JDK, also where {@link VectorLoops#SIMD_EXP} routes the kernels to the scalar loop):
 * error against the double-precision function over a dense grid, in float ulps of the result,
 * and the special values.
 */
class VectorMathTest {

    private static final int L = PackedGemm.L;

    /** Max error in ulps of the exact (double) value over x = lo + i (hi - lo) / count. */
    private static double maxUlps(UnaryOperator<FloatVector> f, DoubleUnaryOperator exact, double lo, double hi) {
        int count = 200_000;
        float[] in = new float[L];
        float[] out = new float[L];
        double worst = 0;
        for (int i = 0; i < count; i += L) {
            for (int l = 0; l < L; l++) in[l] = (float) (lo + (i + l) * (hi - lo) / count);
            f.apply(FloatVector.fromArray(PackedGemm.S, in, 0)).intoArray(out, 0);
            for (int l = 0; l < L; l++) {
                double e = exact.applyAsDouble(in[l]);
                double ulp = Math.ulp((float) Math.max(Math.abs(e), Float.MIN_NORMAL));
                worst = Math.max(worst, Math.abs(out[l] - e) / ulp);
            }
        }
        return worst;
    }

    @Test
    void accuracyInUlps() {
        assertTrue(maxUlps(VectorMath::exp, Math::exp, -87, 88) <= 2, "exp");
        assertTrue(maxUlps(VectorMath::log, Math::log, 1e-30, 10) <= 2, "log small");
        assertTrue(maxUlps(VectorMath::log, Math::log, 10, 3e38) <= 2, "log large");
        assertTrue(maxUlps(VectorMath::tanh, Math::tanh, -10, 10) <= 2, "tanh");
        assertTrue(maxUlps(VectorMath::sigmoid, x -> 1 / (1 + Math.exp(-x)), -30, 30) <= 4, "sigmoid");
        assertTrue(maxUlps(VectorMath::silu, x -> x / (1 + Math.exp(-x)), -30, 30) <= 4, "silu");
        assertTrue(maxUlps(VectorMath::softplus, x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), -30, 30) <= 4,
                "softplus");
    }

    private static float one(UnaryOperator<FloatVector> f, float x) {
        return f.apply(FloatVector.broadcast(PackedGemm.S, x)).lane(0);
    }

    @Test
    void specialValues() {
        assertEquals(Float.POSITIVE_INFINITY, one(VectorMath::exp, 100f));
        assertEquals(0f, one(VectorMath::exp, -200f));
        assertEquals(Float.POSITIVE_INFINITY, one(VectorMath::exp, Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(one(VectorMath::exp, Float.NaN)));
        assertEquals(Float.NEGATIVE_INFINITY, one(VectorMath::log, 0f));
        assertEquals(Float.POSITIVE_INFINITY, one(VectorMath::log, Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(one(VectorMath::log, -1f)));
        assertTrue(Float.isNaN(one(VectorMath::log, Float.NaN)));
        assertEquals(Math.log(Float.MIN_VALUE), one(VectorMath::log, Float.MIN_VALUE), 1e-5);   // subnormal
        assertEquals(1f, one(VectorMath::tanh, 50f));
        assertEquals(-1f, one(VectorMath::tanh, -50f));
        assertEquals(0f, one(VectorMath::sigmoid, -200f));
        assertEquals(-0f, one(VectorMath::silu, -200f));
        assertEquals(100f, one(VectorMath::softplus, 100f));
    }
}
