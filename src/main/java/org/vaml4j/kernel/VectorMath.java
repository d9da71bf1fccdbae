package org.vaml4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise functions of {@link Unary}, {@link Binary} and {@link Activation} on whole
 * registers. Every operator is a constant at its call site (a non-constant operator would fall
 * off the Vector API intrinsics onto its slow Java path).
 *
 * <p>Exact lanes: NEG, ABS, SQUARE, SQRT, RELU, IDENTITY and every {@link Binary} give the same
 * bits as the scalar reference. exp, log and tanh are our own polynomial approximations (the
 * Cephes single-precision ones: Cody-Waite range reduction, minimax polynomials), a few ulps from
 * {@code Math}; the tolerance is documented in {@code VectorKernelsProperties}.
 *
 * <p>Why not {@code VectorOperators.EXP/LOG/TANH}: C2 compiles them to SVML stubs, but interpreted
 * or C1 code falls back to {@code Math} per lane, so the same call gives different bits before
 * and after JIT compilation (caught by the thread-independence test). The code here uses only
 * lane operations that IEEE 754 defines exactly (add, mul, fma, div, compare, integer bit
 * operations), so every execution mode gives the same bits.
 */
final class VectorMath {

    static final VectorSpecies<Float> S = PackedGemm.S;

    private VectorMath() {}

    /** f(x) lane by lane. */
    static FloatVector unary(Unary f, FloatVector x) {
        return switch (f) {
            case NEG -> x.neg();
            case ABS -> x.abs();
            case SQUARE -> x.mul(x);
            case SQRT -> x.sqrt();
            case EXP -> exp(x);
            case LOG -> log(x);
            case RELU -> relu(x);
            case SILU -> silu(x);
            case TANH -> tanh(x);
            case SIGMOID -> sigmoid(x);
            case SOFTPLUS -> softplus(x);
        };
    }

    /** act(x) lane by lane. */
    static FloatVector activation(Activation act, FloatVector x) {
        return switch (act) {
            case IDENTITY -> x;
            case RELU -> relu(x);
            case SILU -> silu(x);
            case TANH -> tanh(x);
            case SIGMOID -> sigmoid(x);
            case SOFTPLUS -> softplus(x);
        };
    }

    /** act'(x) given input x and output y = act(x), the same formulas as {@link Activation#derivative}. */
    static FloatVector derivative(Activation act, FloatVector x, FloatVector y) {
        FloatVector one = c(1f);
        return switch (act) {
            case IDENTITY -> one;
            case RELU -> FloatVector.zero(S).blend(one, x.compare(VectorOperators.GT, 0f));
            case SILU -> {
                FloatVector s = sigmoid(x);
                yield s.mul(one.add(x.mul(one.sub(s))));          // s (1 + x (1 - s))
            }
            case TANH -> one.sub(y.mul(y));                        // 1 - y^2
            case SIGMOID -> y.mul(one.sub(y));                     // y (1 - y)
            case SOFTPLUS -> sigmoid(x);                           // softplus' = sigmoid
        };
    }

    /** f(x, y) lane by lane; MIN/MAX follow Math.min/max (NaN wins, -0 < +0). */
    static FloatVector binary(Binary f, FloatVector x, FloatVector y) {
        return switch (f) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            case MIN -> x.min(y);
            case MAX -> x.max(y);
        };
    }

    /** x > 0 ? x : 0 (NaN maps to 0, as in the scalar reference). */
    private static FloatVector relu(FloatVector x) {
        VectorMask<Float> positive = x.compare(VectorOperators.GT, 0f);
        return FloatVector.zero(S).blend(x, positive);
    }

    /** 1 / (1 + exp(-x)). */
    private static FloatVector sigmoid(FloatVector x) {
        FloatVector one = c(1f);
        return one.div(one.add(exp(x.neg())));
    }

    /** x / (1 + exp(-x)). */
    private static FloatVector silu(FloatVector x) {
        return x.div(exp(x.neg()).add(1f));
    }

    /** max(x, 0) + log1p(exp(-|x|)), stable for large |x|. */
    private static FloatVector softplus(FloatVector x) {
        FloatVector t = exp(x.abs().neg());                    // t in [0, 1]
        // log1p(t) = log(u) * t / (u - 1) with u = 1 + t rounded: the quotient undoes the
        // rounding of u (Goldberg); where u == 1, log1p(t) = t to float precision
        FloatVector u = t.add(1f);
        FloatVector um1 = u.sub(1f);
        VectorMask<Float> tiny = um1.compare(VectorOperators.EQ, 0f);
        FloatVector log1p = log(u).mul(t.div(um1.blend(1f, tiny))).blend(t, tiny);
        return x.max(0f).add(log1p);
    }

    // ---- exp, log, tanh from exact lane operations (Cephes expf/logf/tanhf constants) ----

    private static FloatVector c(float value) {
        return FloatVector.broadcast(S, value);
    }

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;          // ln 2 = LN2_HI + LN2_LO,
    private static final float LN2_LO = -2.12194440e-4f;       // LN2_HI exact in few bits
    private static final float ROUND = 12582912f;              // 1.5 * 2^23: x + ROUND - ROUND = rint(x)

    /** exp(x) = 2^n e^r, n = rint(x log2 e), |r| <= ln2 / 2; ~1 ulp. Overflows to +inf, underflows to 0. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(-104f).min(89f);                // beyond these exp is 0 / +inf anyway
        FloatVector n = xc.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = n.fma(c(-LN2_LO), n.fma(c(-LN2_HI), xc));    // x - n ln2, ln2 in two parts
        // e^r = 1 + r + r^2 P(r)
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
        p = p.fma(r, c(8.3334519073e-3f));
        p = p.fma(r, c(4.1665795894e-2f));
        p = p.fma(r, c(1.6666665459e-1f));
        p = p.fma(r, c(5.0000001201e-1f));
        FloatVector er = p.mul(r.mul(r)).add(r).add(1f);
        // 2^n as two factors 2^n1 2^n2 (n1 = n >> 1), each a normal float for n in [-150, 128]
        IntVector ni = (IntVector) n.convert(VectorOperators.F2I, 0);
        IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
        IntVector n2 = ni.sub(n1);
        FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector y = er.mul(s1).mul(s2);
        return y.blend(x, x.compare(VectorOperators.NE, x));     // NaN stays NaN
    }

    private static final float SQRT_HALF = 0.707106781186547524f;

    /** log(x) = e ln2 + log(m), m in [sqrt(1/2), sqrt(2)); ~1 ulp; log(0) = -inf, log(x < 0) = NaN. */
    static FloatVector log(FloatVector x) {
        // subnormals: scale by 2^25 so the exponent field is meaningful
        VectorMask<Float> sub = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
        FloatVector xs = x.blend(x.mul(33554432f), sub);
        IntVector bits = (IntVector) xs.reinterpretAsInts();
        IntVector e = bits.lanewise(VectorOperators.LSHR, 23).and(0xff).sub(126);   // m in [0.5, 1)
        FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
        FloatVector fe = ((FloatVector) e.convert(VectorOperators.I2F, 0)).sub(FloatVector.zero(S).blend(25f, sub));
        VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
        fe = fe.sub(FloatVector.zero(S).blend(1f, low));
        m = m.add(FloatVector.zero(S).blend(m, low)).sub(1f);    // m < sqrt(1/2): 2m - 1, else m - 1
        FloatVector z = m.mul(m);
        FloatVector p = m.fma(7.0376836292e-2f, -1.1514610310e-1f);
        p = p.fma(m, c(1.1676998740e-1f));
        p = p.fma(m, c(-1.2420140846e-1f));
        p = p.fma(m, c(1.4249322787e-1f));
        p = p.fma(m, c(-1.6668057665e-1f));
        p = p.fma(m, c(2.0000714765e-1f));
        p = p.fma(m, c(-2.4999993993e-1f));
        p = p.fma(m, c(3.3333331174e-1f));
        FloatVector y = p.mul(m).mul(z);
        y = fe.fma(c(LN2_LO), y);
        y = z.fma(c(-0.5f), y);
        FloatVector result = m.add(y).add(fe.mul(LN2_HI));
        // special values: log(+inf) = +inf, log(0) = -inf, log(negative or NaN) = NaN
        result = result.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        result = result.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f));
        return result.blend(Float.NaN, x.compare(VectorOperators.GE, 0f).not());
    }

    /** tanh(x): odd polynomial for |x| < 0.625, else sign(x) (1 - 2 / (exp(2|x|) + 1)); ~2 ulps. */
    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector big = c(1f).sub(c(2f).div(exp(ax.add(ax)).add(1f)));
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        FloatVector z = x.mul(x);
        FloatVector p = z.fma(-5.70498872745e-3f, 2.06390887954e-2f);
        p = p.fma(z, c(-5.37397155531e-2f));
        p = p.fma(z, c(1.33314422036e-1f));
        p = p.fma(z, c(-3.33332819422e-1f));
        FloatVector small = p.mul(z).fma(x, x);                 // x + x z P(z)
        return big.blend(small, ax.compare(VectorOperators.LT, 0.625f));
    }
}
