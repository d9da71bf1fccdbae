package org.vaml4j.kernel;

/**
 * The engine's one definition of exp, log, tanh and the functions built on them (sigmoid, SiLU,
 * softplus and their derivatives) for single floats: the scalar twin of {@link VectorMath},
 * operation for operation (same constants, same fma, add, mul and div in the same order), so a
 * lane of a SIMD loop and the scalar tail or reference loop give the same bits.
 *
 * <p>Why not {@code Math.exp/log/tanh}: HotSpot replaces them by intrinsics whose last bits
 * differ between JDK versions and CPUs ({@code Math.tanh} became one in JDK 24), so one seed gave
 * different trainings on JDK 17 and 25. Every operation used here is exactly rounded by IEEE 754
 * (add, mul, div, fma, compare, integer bit operations), so the results are the same on every
 * JVM, CPU and execution mode (interpreter, C1, C2). Accuracy against the double-precision
 * functions: exp, log, tanh within 1 ulp, sigmoid and SiLU within 4, softplus within 3
 * (VectorMathTest, FloatMathTest).
 */
public final class FloatMath {

    private FloatMath() {}

    // ---- exp: 2^n e^r, n = rint(x log2 e), r = x - n ln2, |r| <= ln2/2 (Cephes expf) ----

    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f;          // ln 2 = LN2_HI + LN2_LO,
    static final float LN2_LO = -2.12194440e-4f;       // LN2_HI exact in few bits
    static final float ROUND = 12582912f;              // 1.5 * 2^23: v + ROUND - ROUND = rint(v)
    static final float EXP_MIN = -104f, EXP_MAX = 89f; // beyond, exp is 0 or +inf anyway
    // e^r = 1 + r + r^2 P(r), P(r) = E0 r^5 + E1 r^4 + ... + E5
    static final float E0 = 1.9875691500e-4f, E1 = 1.3981999507e-3f, E2 = 8.3334519073e-3f,
            E3 = 4.1665795894e-2f, E4 = 1.6666665459e-1f, E5 = 5.0000001201e-1f;

    /** exp(x), ~1 ulp; overflows to +inf, underflows to 0, NaN stays NaN. */
    public static float exp(float x) {
        if (x != x) return x;
        float xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float n = (xc * LOG2E + ROUND) - ROUND;
        float r = Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, xc));
        float p = Math.fma(r, E0, E1);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E5);
        float e = p * (r * r) + r + 1f;
        // e 2^n as e 2^n1 2^(n - n1): each factor is a normal float for n in [-150, 128]
        int k = (int) n, k1 = k >> 1;
        return e * pow2(k1) * pow2(k - k1);
    }

    /** 2^k for integer k in [-126, 127]: the exponent field k + 127. */
    private static float pow2(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }

    // ---- log: e ln2 + log(1 + f), 1 + f in [sqrt(1/2), sqrt(2)) (Cephes logf) ----

    static final float SQRT_HALF = 0.707106781186547524f;
    static final float SUBNORMAL_SCALE = 33554432f;    // 2^25
    // log(1 + f) = f - f^2 / 2 + f^3 P(f), P(f) = L0 f^8 + L1 f^7 + ... + L8
    static final float L0 = 7.0376836292e-2f, L1 = -1.1514610310e-1f, L2 = 1.1676998740e-1f,
            L3 = -1.2420140846e-1f, L4 = 1.4249322787e-1f, L5 = -1.6668057665e-1f,
            L6 = 2.0000714765e-1f, L7 = -2.4999993993e-1f, L8 = 3.3333331174e-1f;

    /** log(x), ~1 ulp; log(+inf) = +inf, log(0) = -inf, log(x &lt; 0) = log(NaN) = NaN. */
    public static float log(float x) {
        if (!(x >= 0f)) return Float.NaN;
        if (x == 0f) return Float.NEGATIVE_INFINITY;
        if (x == Float.POSITIVE_INFINITY) return x;
        boolean subnormal = x < Float.MIN_NORMAL;
        int bits = Float.floatToRawIntBits(subnormal ? x * SUBNORMAL_SCALE : x);
        float m = Float.intBitsToFloat(bits & 0x807fffff | 0x3f000000);          // x = m 2^e, m in [0.5, 1)
        float e = (float) ((bits >>> 23 & 0xff) - 126) - (subnormal ? 25f : 0f);
        boolean low = m < SQRT_HALF;                                              // then f = 2m - 1, e - 1
        float f = (m + (low ? m : 0f)) - 1f;
        e = e - (low ? 1f : 0f);
        float z = f * f;
        float p = Math.fma(f, L0, L1);
        p = Math.fma(p, f, L2);
        p = Math.fma(p, f, L3);
        p = Math.fma(p, f, L4);
        p = Math.fma(p, f, L5);
        p = Math.fma(p, f, L6);
        p = Math.fma(p, f, L7);
        p = Math.fma(p, f, L8);
        float lowPart = Math.fma(e, LN2_LO, p * f * z);                           // e LN2_LO + f z P(f)
        return f + Math.fma(z, -0.5f, lowPart) + e * LN2_HI;
    }

    /**
     * log1p(t) for t in [0, 1]: log(u) t / (u - 1) with u = 1 + t rounded; the quotient undoes
     * the rounding of u (Goldberg). Where u == 1, log1p(t) = t to float precision.
     */
    static float log1p01(float t) {
        float u = t + 1f, um1 = u - 1f;
        return um1 == 0f ? t : log(u) * (t / um1);
    }

    // ---- tanh: odd polynomial for |x| < 0.625, else sign(x) (1 - 2 / (exp(2|x|) + 1)) (Cephes tanhf) ----

    static final float TANH_SMALL = 0.625f;
    // tanh(x) = x + x z P(z), z = x^2, P(z) = T0 z^4 + T1 z^3 + ... + T4
    static final float T0 = -5.70498872745e-3f, T1 = 2.06390887954e-2f, T2 = -5.37397155531e-2f,
            T3 = 1.33314422036e-1f, T4 = -3.33332819422e-1f;

    /** tanh(x), ~1 ulp. */
    public static float tanh(float x) {
        if (Math.abs(x) < TANH_SMALL) {
            float z = x * x;
            float p = Math.fma(z, T0, T1);
            p = Math.fma(p, z, T2);
            p = Math.fma(p, z, T3);
            p = Math.fma(p, z, T4);
            return Math.fma(p * z, x, x);
        }
        float t = 1f - 2f / (exp(Math.abs(x) * 2f) + 1f);
        return x < 0f ? -t : t;
    }

    // ---- composites (the same formulas as VectorMath) ----

    /** 1 / (1 + exp(-x)). */
    public static float sigmoid(float x) {
        return 1f / (exp(-x) + 1f);
    }

    /** x / (1 + exp(-x)). */
    public static float silu(float x) {
        return x / (exp(-x) + 1f);
    }

    /** silu'(x) = s (1 + x (1 - s)), s = sigmoid(x). */
    public static float siluDerivative(float x) {
        float s = sigmoid(x);
        return s * (x * (1f - s) + 1f);
    }

    /** max(x, 0) + log1p(exp(-|x|)), stable for large |x|. */
    public static float softplus(float x) {
        return Math.max(x, 0f) + log1p01(exp(-Math.abs(x)));
    }
}
