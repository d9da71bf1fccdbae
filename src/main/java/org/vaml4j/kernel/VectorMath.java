package org.vaml4j.kernel;

import static org.vaml4j.kernel.FloatMath.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The transcendental elementwise functions of {@link Unary} and {@link Activation} on whole
 * registers, plus the activation derivatives (the formulas of {@link Activation#derivative}).
 *
 * <p>Every lane gives the same bits as the scalar reference: exp, log and tanh are the polynomial
 * approximations of {@link FloatMath} (the Cephes single-precision ones: Cody-Waite range
 * reduction, minimax polynomials, constants shared from there), computed lane-wise with the same
 * operations in the same order, within an ulp of the exact functions.
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

    // Every method here is at most 35 bytes of bytecode (HotSpot's MaxInlineSize), so C2 inlines
    // it into the loop that calls it and keeps the vectors in registers, but only while that
    // compilation is below C2's node-count cutoff; past it, a helper is called and its FloatVector
    // result boxed on every call. So the loops in VectorLoops call the Vector API directly (exp
    // written out there); these helpers serve the loops that never run vectorized and the tests.

    private static FloatVector c(float value) {
        return FloatVector.broadcast(S, value);
    }

    /** 1 / (1 + exp(-x)). */
    static FloatVector sigmoid(FloatVector x) {
        return c(1f).div(exp(x.neg()).add(1f));
    }

    /** x / (1 + exp(-x)). */
    static FloatVector silu(FloatVector x) {
        return x.div(exp(x.neg()).add(1f));
    }

    /** silu'(x) = s (1 + x (1 - s)), s = sigmoid(x). */
    static FloatVector siluDerivative(FloatVector x) {
        return siluDerivative(x, sigmoid(x));
    }

    private static FloatVector siluDerivative(FloatVector x, FloatVector s) {
        return s.mul(x.mul(c(1f).sub(s)).add(1f));
    }

    /** max(x, 0) + log1p(exp(-|x|)), stable for large |x|. */
    static FloatVector softplus(FloatVector x) {
        return x.max(0f).add(log1p01(exp(x.abs().neg())));
    }

    /**
     * log1p(t) for t in [0, 1]: log(u) t / (u - 1) with u = 1 + t rounded; the quotient undoes
     * the rounding of u (Goldberg). Where u == 1, log1p(t) = t to float precision.
     */
    private static FloatVector log1p01(FloatVector t) {
        FloatVector u = t.add(1f);
        return log1pFix(t, u, u.sub(1f));
    }

    private static FloatVector log1pFix(FloatVector t, FloatVector u, FloatVector um1) {
        return log1pFix(t, u, um1, um1.compare(VectorOperators.EQ, 0f));
    }

    private static FloatVector log1pFix(FloatVector t, FloatVector u, FloatVector um1, VectorMask<Float> tiny) {
        return log(u).mul(t.div(um1.blend(1f, tiny))).blend(t, tiny);
    }

    // ---- exp: 2^n e^r, n = rint(x log2 e), r = x - n ln2, |r| <= ln2/2 (Cephes expf) ----


    /** exp(x), ~1 ulp; overflows to +inf, underflows to 0, NaN stays NaN. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = clampExp(x);
        FloatVector n = rint(xc.mul(LOG2E));
        return keepNaN(x, scaleByPow2(expPoly(reduce(xc, n)), n));
    }

    /** Beyond [-104, 89] exp is 0 or +inf anyway; the clamp keeps n within the exponent range. */
    private static FloatVector clampExp(FloatVector x) {
        return x.max(EXP_MIN).min(EXP_MAX);
    }

    private static FloatVector rint(FloatVector v) {
        return v.add(ROUND).sub(ROUND);
    }

    /** x - n ln2 with ln2 in two parts, so the product n LN2_HI is exact. */
    private static FloatVector reduce(FloatVector x, FloatVector n) {
        return n.fma(c(-LN2_LO), n.fma(c(-LN2_HI), x));
    }

    /** e^r = 1 + r + r^2 P(r) on |r| <= ln2/2. */
    private static FloatVector expPoly(FloatVector r) {
        return expPoly2(r.fma(E0, E1), r).mul(r.mul(r)).add(r).add(1f);
    }

    private static FloatVector expPoly2(FloatVector p, FloatVector r) {
        return expPoly4(p.fma(r, c(E2)).fma(r, c(E3)), r);
    }

    private static FloatVector expPoly4(FloatVector p, FloatVector r) {
        return p.fma(r, c(E4)).fma(r, c(E5));
    }

    /** v 2^n as v 2^n1 2^n2 (n1 = n >> 1): each factor is a normal float for n in [-150, 128]. */
    private static FloatVector scaleByPow2(FloatVector v, FloatVector n) {
        return scaleByPow2(v, (IntVector) n.convert(VectorOperators.F2I, 0));
    }

    private static FloatVector scaleByPow2(FloatVector v, IntVector n) {
        IntVector n1 = n.lanewise(VectorOperators.ASHR, 1);
        return v.mul(pow2(n1)).mul(pow2(n.sub(n1)));
    }

    /** 2^k for integer k in [-126, 127]: the exponent field k + 127. */
    private static FloatVector pow2(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    private static FloatVector keepNaN(FloatVector x, FloatVector y) {
        return y.blend(x, x.compare(VectorOperators.NE, x));
    }

    /** v where the mask is set, else 0. */
    private static FloatVector where(VectorMask<Float> m, FloatVector v) {
        return FloatVector.zero(S).blend(v, m);
    }

    private static FloatVector where(VectorMask<Float> m, float v) {
        return FloatVector.zero(S).blend(v, m);
    }

    // ---- log: e ln2 + log(1 + f), 1 + f in [sqrt(1/2), sqrt(2)) (Cephes logf) ----


    /** log(x), ~1 ulp; log(+inf) = +inf, log(0) = -inf, log(x < 0) = log(NaN) = NaN. */
    static FloatVector log(FloatVector x) {
        return log(x, x.compare(VectorOperators.LT, Float.MIN_NORMAL));
    }

    /** Subnormals (mask) are scaled by 2^25 first so the exponent field is meaningful. */
    private static FloatVector log(FloatVector x, VectorMask<Float> subnormal) {
        return logSpecial(x, logBits((IntVector) x.blend(x.mul(SUBNORMAL_SCALE), subnormal).reinterpretAsInts(), subnormal));
    }

    private static FloatVector logBits(IntVector bits, VectorMask<Float> scaled) {
        return logMantissa(mantissa(bits), exponent(bits, scaled));
    }

    /** m in [0.5, 1) with x = m 2^e. */
    private static FloatVector mantissa(IntVector bits) {
        return bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
    }

    /** e with x = m 2^e, m in [0.5, 1); minus 25 where x was scaled up. */
    private static FloatVector exponent(IntVector bits, VectorMask<Float> scaled) {
        return toFloat(bits.lanewise(VectorOperators.LSHR, 23).and(0xff).sub(126)).sub(where(scaled, 25f));
    }

    private static FloatVector toFloat(IntVector v) {
        return (FloatVector) v.convert(VectorOperators.I2F, 0);
    }

    private static FloatVector logMantissa(FloatVector m, FloatVector e) {
        return logMantissa(m, e, m.compare(VectorOperators.LT, SQRT_HALF));
    }

    /** below sqrt(1/2): f = 2m - 1 and e - 1, else f = m - 1. */
    private static FloatVector logMantissa(FloatVector m, FloatVector e, VectorMask<Float> low) {
        return logSum(m.add(where(low, m)).sub(1f), e.sub(where(low, 1f)));
    }

    private static FloatVector logSum(FloatVector f, FloatVector e) {
        return logSum(f, e, f.mul(f));
    }

    /** f + (e LN2_LO - z / 2 + f z P(f)) + e LN2_HI, z = f^2. */
    private static FloatVector logSum(FloatVector f, FloatVector e, FloatVector z) {
        return f.add(z.fma(c(-0.5f), logLow(f, e, z))).add(e.mul(LN2_HI));
    }

    private static FloatVector logLow(FloatVector f, FloatVector e, FloatVector z) {
        return e.fma(c(LN2_LO), logPoly(f).mul(f).mul(z));
    }

    private static FloatVector logPoly(FloatVector f) {
        return logPoly3(f.fma(L0, L1).fma(f, c(L2)), f);
    }

    private static FloatVector logPoly3(FloatVector p, FloatVector f) {
        return logPoly5(p.fma(f, c(L3)).fma(f, c(L4)), f);
    }

    private static FloatVector logPoly5(FloatVector p, FloatVector f) {
        return logPoly7(p.fma(f, c(L5)).fma(f, c(L6)), f);
    }

    private static FloatVector logPoly7(FloatVector p, FloatVector f) {
        return p.fma(f, c(L7)).fma(f, c(L8));
    }

    /** log(+inf) = +inf, log(0) = -inf. */
    private static FloatVector logSpecial(FloatVector x, FloatVector y) {
        return nanBelowZero(x, infinityStays(x, y).blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f)));
    }

    private static FloatVector infinityStays(FloatVector x, FloatVector y) {
        return y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
    }

    /** log(x < 0) = log(NaN) = NaN. */
    private static FloatVector nanBelowZero(FloatVector x, FloatVector y) {
        return y.blend(Float.NaN, x.compare(VectorOperators.GE, 0f).not());
    }

    // ---- tanh: odd polynomial for |x| < 0.625, else sign(x) (1 - 2 / (exp(2|x|) + 1)) (Cephes tanhf) ----

    /** tanh(x), ~1 ulp. */
    static FloatVector tanh(FloatVector x) {
        return tanhLarge(x).blend(tanhSmall(x), x.abs().compare(VectorOperators.LT, TANH_SMALL));
    }

    private static FloatVector tanhLarge(FloatVector x) {
        return withSignOf(x, c(1f).sub(c(2f).div(exp(x.abs().mul(2f)).add(1f))));
    }

    private static FloatVector withSignOf(FloatVector x, FloatVector t) {
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
    }

    private static FloatVector tanhSmall(FloatVector x) {
        return tanhSmall(x, x.mul(x));
    }

    /** x + x z P(z), z = x^2. */
    private static FloatVector tanhSmall(FloatVector x, FloatVector z) {
        return tanhPoly(z).mul(z).fma(x, x);
    }

    private static FloatVector tanhPoly(FloatVector z) {
        return tanhPoly3(z.fma(T0, T1).fma(z, c(T2)), z);
    }

    private static FloatVector tanhPoly3(FloatVector p, FloatVector z) {
        return p.fma(z, c(T3)).fma(z, c(T4));
    }
}
