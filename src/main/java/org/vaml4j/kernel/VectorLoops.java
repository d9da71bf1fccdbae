package org.vaml4j.kernel;

import static org.vaml4j.kernel.FloatMath.E0;
import static org.vaml4j.kernel.FloatMath.E1;
import static org.vaml4j.kernel.FloatMath.E2;
import static org.vaml4j.kernel.FloatMath.E3;
import static org.vaml4j.kernel.FloatMath.E4;
import static org.vaml4j.kernel.FloatMath.E5;
import static org.vaml4j.kernel.FloatMath.EXP_MAX;
import static org.vaml4j.kernel.FloatMath.EXP_MIN;
import static org.vaml4j.kernel.FloatMath.LN2_HI;
import static org.vaml4j.kernel.FloatMath.LN2_LO;
import static org.vaml4j.kernel.FloatMath.LOG2E;
import static org.vaml4j.kernel.FloatMath.ROUND;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-threaded SIMD loops behind {@link VectorKernels}: each runs whole registers, then the
 * scalar reference finishes the tail (the MuJoCo {@code mju_addTo_avx} idiom). Ranges are given
 * explicitly so a caller can hand disjoint pieces to different threads; a piece that starts on
 * a multiple of the lane count computes every element exactly as the whole call would.
 *
 * <p><b>No helper method takes or returns a vector here</b>: every loop body calls the Vector API
 * directly. C2 keeps a FloatVector in registers only when every method it flows through is
 * inlined; the Vector API's own methods are force-inlined, ours are not. Once a compilation has
 * parsed ~18 000 nodes (NodeCountInliningCutoff; one Vector API operation parses to several
 * hundred, the exp polynomial alone to ~15 000), C2 stops inlining ordinary methods bigger than
 * 6 bytes, so a helper reached after that point is called and its vectors are boxed on every
 * iteration. That happened in the two-pass SiLU backward (sigmoid loop + derivative loop inlined
 * into {@link #activationBackward}; a {@code load} helper cut off): 192 bytes per 16 floats,
 * 17 MB per ENSEMBLE_TRAIN step, depending on compilation order. A loop method (arrays in, arrays
 * out) that is not inlined is harmless: it is compiled on its own. {@link VectorMath} keeps the
 * same functions as lane helpers (tested one by one; the log, tanh and softplus loops use them,
 * which never run a vector iteration, see {@link #simdUnary}).
 */
final class VectorLoops {

    private static final VectorSpecies<Float> S = PackedGemm.S;
    private static final int L = PackedGemm.L;

    /**
     * Whether the exp-based SIMD loops (exp, SiLU, sigmoid and the SiLU and softplus derivatives)
     * run vectorized. Measured with ThreadMXBean allocation counters: on JDK 25 C2 keeps them in
     * registers; on JDK 17 C2 lacks intrinsics they need (float-to-int lane casts on AVX2) and
     * boxes every vector (~300 B per 8 floats), so there the exact scalar loop is used. log, tanh
     * and softplus box on both (C2's node-count inlining cutoff within their helpers), so they
     * stay scalar. The scalar loop ({@link FloatMath}) gives the same bits as the SIMD one, so
     * this choice changes speed only, never results (a run is the same on JDK 17 and 25).
     */
    static final boolean SIMD_EXP = Runtime.version().feature() >= 25;

    /** What {@link #expFamily} computes from e = exp(x) or exp(-x). */
    private static final int EXP = 0, SIGMOID = 1, SILU = 2, SILU_BACKWARD = 3, SOFTPLUS_BACKWARD = 4;

    private VectorLoops() {}

    /**
     * y[i] = f(x[i]). Each function has its own small loop method (the exp-based ones share one,
     * called from one place): one method holding all the loops would exceed C2's inlining budget.
     */
    static void unary(Unary f, int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = simdUnary(f) ? S.loopBound(n) : 0;
        switch (f) {
            case NEG -> neg(bound, x, xOff, y, yOff);
            case ABS -> abs(bound, x, xOff, y, yOff);
            case SQUARE -> square(bound, x, xOff, y, yOff);
            case SQRT -> sqrt(bound, x, xOff, y, yOff);
            case EXP, SIGMOID, SILU -> expFamily(f == Unary.EXP ? EXP : f == Unary.SIGMOID ? SIGMOID : SILU,
                    bound, x, xOff, null, 0, y, yOff);
            case LOG -> log(bound, x, xOff, y, yOff);
            case RELU -> relu(bound, x, xOff, y, yOff);
            case TANH -> tanh(bound, x, xOff, y, yOff);
            case SOFTPLUS -> softplus(bound, x, xOff, y, yOff);
        }
        for (int i = bound; i < n; i++) y[yOff + i] = f.apply(x[xOff + i]);
    }

    private static void neg(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) FloatVector.fromArray(S, x, xOff + i).neg().intoArray(y, yOff + i);
    }

    private static void abs(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) FloatVector.fromArray(S, x, xOff + i).abs().intoArray(y, yOff + i);
    }

    private static void square(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            v.mul(v).intoArray(y, yOff + i);
        }
    }

    private static void sqrt(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) FloatVector.fromArray(S, x, xOff + i).sqrt().intoArray(y, yOff + i);
    }

    /** x > 0 ? x : 0 (NaN maps to 0, as in the scalar reference). */
    private static void relu(int bound, float[] x, int xOff, float[] y, int yOff) {
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i);
        }
    }

    // never run a vector iteration (simdUnary): their VectorMath helpers would box
    private static void log(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.log(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void tanh(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void softplus(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.softplus(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
    }

    /**
     * The exp-based functions, whole registers [0, bound): e = exp(a) with a = x ({@code EXP}) or
     * a = -x (the others), then
     * <pre>
     *   EXP                out = e
     *   SIGMOID            out = 1 / (e + 1)
     *   SILU               out = x / (e + 1)
     *   SILU_BACKWARD      out += dy * (s (x (1 - s) + 1)),  s = 1 / (e + 1)
     *   SOFTPLUS_BACKWARD  out += dy * s
     * </pre>
     * exp is {@link VectorMath#exp} operation for operation (so {@link FloatMath}'s bits), written
     * out here rather than called (see the class comment). One method for all five, so the exp
     * polynomial exists once and each dispatcher inlines it at most once; the kind only picks the
     * final store, so no vector value merges across branches (that would box it too).
     */
    private static void expFamily(int kind, int bound, float[] x, int xOff, float[] dy, int dyOff, float[] out, int outOff) {
        // bound 0 (JDK 17, see SIMD_EXP): no broadcasts either, which stay boxed until C2 compiles this
        if (bound <= 0) return;
        VectorMask<Float> negate = S.maskAll(kind != EXP);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector minusLn2Hi = FloatVector.broadcast(S, -LN2_HI), minusLn2Lo = FloatVector.broadcast(S, -LN2_LO);
        FloatVector e2 = FloatVector.broadcast(S, E2), e3 = FloatVector.broadcast(S, E3);
        FloatVector e4 = FloatVector.broadcast(S, E4), e5 = FloatVector.broadcast(S, E5);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector a = v.blend(v.neg(), negate);
            // exp(a) = 2^n e^r, n = rint(a log2 e), r = a - n ln2 (ln2 in two parts), e^r = 1 + r + r^2 P(r)
            FloatVector ac = a.max(EXP_MIN).min(EXP_MAX);
            FloatVector n = ac.mul(LOG2E).add(ROUND).sub(ROUND);
            FloatVector r = n.fma(minusLn2Lo, n.fma(minusLn2Hi, ac));
            FloatVector p = r.fma(E0, E1).fma(r, e2).fma(r, e3).fma(r, e4).fma(r, e5);
            FloatVector er = p.mul(r.mul(r)).add(r).add(1f);
            // e^r 2^n as e^r 2^k1 2^(k - k1), k1 = k >> 1: each factor a normal float; 2^j = bits (j + 127) << 23
            IntVector k = (IntVector) n.convert(VectorOperators.F2I, 0);
            IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
            FloatVector scaled = er.mul(k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
                    .mul(k.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            FloatVector e = scaled.blend(a, a.compare(VectorOperators.NE, a));   // NaN stays NaN
            int o = outOff + i;
            if (kind == EXP) {
                e.intoArray(out, o);
            } else if (kind == SIGMOID) {
                one.div(e.add(1f)).intoArray(out, o);
            } else if (kind == SILU) {
                v.div(e.add(1f)).intoArray(out, o);
            } else if (kind == SILU_BACKWARD) {
                FloatVector s = one.div(e.add(1f));
                FloatVector d = s.mul(v.mul(one.sub(s)).add(one));
                FloatVector.fromArray(S, dy, dyOff + i).mul(d).add(FloatVector.fromArray(S, out, o)).intoArray(out, o);
            } else {
                FloatVector s = one.div(e.add(1f));
                FloatVector.fromArray(S, dy, dyOff + i).mul(s).add(FloatVector.fromArray(S, out, o)).intoArray(out, o);
            }
        }
    }

    /** Whether f has an allocation-free SIMD loop on this JVM (see {@link #SIMD_EXP}). */
    private static boolean simdUnary(Unary f) {
        return switch (f) {
            case NEG, ABS, SQUARE, SQRT, RELU -> true;
            case EXP, SILU, SIGMOID -> SIMD_EXP;
            case LOG, TANH, SOFTPLUS -> false;
        };
    }

    /** z[i] = f(x[i], y[i]); MIN/MAX follow Math.min/max (NaN wins, -0 < +0). One loop method per f. */
    static void binary(Binary f, int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        int bound = S.loopBound(n);
        switch (f) {
            case ADD -> add(bound, x, xOff, y, yOff, z, zOff);
            case SUB -> sub(bound, x, xOff, y, yOff, z, zOff);
            case MUL -> mul(bound, x, xOff, y, yOff, z, zOff);
            case DIV -> div(bound, x, xOff, y, yOff, z, zOff);
            case MIN -> min(bound, x, xOff, y, yOff, z, zOff);
            case MAX -> max(bound, x, xOff, y, yOff, z, zOff);
        }
        for (int i = bound; i < n; i++) z[zOff + i] = f.apply(x[xOff + i], y[yOff + i]);
    }

    private static void add(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).add(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
    }

    private static void sub(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).sub(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
    }

    private static void mul(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
    }

    private static void div(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).div(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
    }

    private static void min(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).min(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
    }

    private static void max(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).max(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
    }

    /** y[i] += alpha x[i], rounded as alpha*x then + y (bit-equal to the scalar reference). */
    static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        FloatVector va = FloatVector.broadcast(S, alpha);
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector vx = FloatVector.fromArray(S, x, xOff + i);
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            vx.mul(va).add(vy).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    /** x[i] *= alpha. */
    static void scale(int n, float alpha, float[] x, int xOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) x[xOff + i] *= alpha;
    }

    /** x[i] = value. */
    static void fill(int n, float value, float[] x, int xOff) {
        int i = 0;
        FloatVector v = FloatVector.broadcast(S, value);
        for (int bound = S.loopBound(n); i < bound; i += L) v.intoArray(x, xOff + i);
        for (; i < n; i++) x[xOff + i] = value;
    }

    /**
     * dx[i] += dy[i] * act'(x[i]) given y = act(x), rounded as dy * f' then + dx, like the reference.
     * SiLU and softplus compute sigmoid(x) in the same loop ({@link #expFamily}), the same
     * roundings as the reference's single expression.
     */
    static void activationBackward(Activation act, int n, float[] x, int xOff, float[] y, int yOff,
                                   float[] dy, int dyOff, float[] dx, int dxOff) {
        boolean viaSigmoid = act == Activation.SILU || act == Activation.SOFTPLUS;
        int bound = viaSigmoid && !SIMD_EXP ? 0 : S.loopBound(n);
        switch (act) {
            case IDENTITY -> add(bound, dy, dyOff, dx, dxOff, dx, dxOff);
            case RELU -> reluBackward(bound, x, xOff, dy, dyOff, dx, dxOff);
            case TANH -> tanhBackward(bound, y, yOff, dy, dyOff, dx, dxOff);
            case SIGMOID -> sigmoidBackward(bound, y, yOff, dy, dyOff, dx, dxOff);
            case SILU, SOFTPLUS -> expFamily(act == Activation.SILU ? SILU_BACKWARD : SOFTPLUS_BACKWARD,
                    bound, x, xOff, dy, dyOff, dx, dxOff);
        }
        for (int i = bound; i < n; i++) dx[dxOff + i] += dy[dyOff + i] * act.derivative(x[xOff + i], y[yOff + i]);
    }

    /** relu' = 1 where x > 0, else 0. */
    private static void reluBackward(int bound, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < bound; i += L) {
            FloatVector d = zero.blend(1f, FloatVector.fromArray(S, x, xOff + i).compare(VectorOperators.GT, 0f));
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(d);
            g.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
    }

    /** tanh' = 1 - y^2. */
    private static void tanhBackward(int bound, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, yOff + i);
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(FloatVector.broadcast(S, 1f).sub(v.mul(v)));
            g.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
    }

    /** sigmoid' = y (1 - y). */
    private static void sigmoidBackward(int bound, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, yOff + i);
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(v.mul(FloatVector.broadcast(S, 1f).sub(v)));
            g.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
    }

    /**
     * Rows [r0, r1) of y = act(x + bias) over a (rows x cols) matrix: per row, y = x + bias, then
     * y = act(y) in place (the row is still in L1). The same roundings as act(x + bias) at once.
     */
    static void biasActivation(Activation act, int r0, int r1, int cols, float[] x, int xOff,
                               float[] bias, int biasOff, float[] y, int yOff) {
        Unary f = act.asUnary();
        for (int r = r0; r < r1; r++) {
            int xr = xOff + r * cols, yr = yOff + r * cols;
            binary(Binary.ADD, cols, x, xr, bias, biasOff, y, yr);
            if (f != null) unary(f, cols, y, yr, y, yr);
        }
    }

    /**
     * Columns [j0, j1) of out[j] (+)= sum_r x[r, j] over a (rows x cols) matrix. Each column is
     * summed over r in order, as in the scalar reference, so the result is bit-equal to it.
     */
    static void columnSums(int rows, int cols, int j0, int j1, float[] x, int xOff, float[] out, int outOff,
                           boolean accumulate) {
        int j = j0;
        for (int bound = j0 + S.loopBound(j1 - j0); j < bound; j += L) {
            FloatVector s = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) s = s.add(FloatVector.fromArray(S, x, xOff + r * cols + j));
            if (accumulate) s = s.add(FloatVector.fromArray(S, out, outOff + j));
            s.intoArray(out, outOff + j);
        }
        for (; j < j1; j++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) s += x[xOff + r * cols + j];
            out[outOff + j] = accumulate ? out[outOff + j] + s : s;
        }
    }

    /**
     * Rows [r0, r1) of out[r] (+)= sum_j x[r, j]: L partial sums per row (lane l takes columns
     * j = l mod L), added lane 0..L-1 in order, then the tail columns in order.
     */
    static void rowSums(int r0, int r1, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate) {
        int bound = S.loopBound(cols);
        for (int r = r0; r < r1; r++) {
            int xr = xOff + r * cols;
            float s = 0f;
            if (bound > 0) {
                FloatVector acc = FloatVector.zero(S);
                for (int j = 0; j < bound; j += L) acc = acc.add(FloatVector.fromArray(S, x, xr + j));
                for (int l = 0; l < L; l++) s += acc.lane(l);   // fixed order (reduceLanes' is unspecified)
            }
            for (int j = bound; j < cols; j++) s += x[xr + j];
            out[outOff + r] = accumulate ? out[outOff + r] + s : s;
        }
    }
}
