package org.vaml4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-threaded SIMD loops behind {@link VectorKernels}: each runs whole registers, then the
 * scalar reference finishes the tail (the MuJoCo {@code mju_addTo_avx} idiom). Ranges are given
 * explicitly so a caller can hand disjoint pieces to different threads; a piece that starts on
 * a multiple of the lane count computes every element exactly as the whole call would.
 */
final class VectorLoops {

    private static final VectorSpecies<Float> S = PackedGemm.S;
    private static final int L = PackedGemm.L;

    /**
     * Whether the exp-based SIMD loops (exp, SiLU, sigmoid) run vectorized. Measured with
     * ThreadMXBean allocation counters: on JDK 25 C2 keeps them in registers; on JDK 17 C2 lacks
     * intrinsics they need (float-to-int lane casts on AVX2) and boxes every vector (~300 B per
     * 8 floats), so there the exact scalar loop is used. log, tanh and softplus box on both (C2's
     * node-count inlining cutoff), so they stay scalar; the SiLU and softplus derivatives run
     * SIMD on JDK 25 in two passes (see {@link #activationBackward}).
     * The scalar loop ({@link FloatMath}) gives the same bits as the SIMD one, so this choice
     * changes speed only, never results (a run is the same on JDK 17 and 25).
     */
    static final boolean SIMD_EXP = Runtime.version().feature() >= 25;

    private VectorLoops() {}

    private static FloatVector load(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /**
     * y[i] = f(x[i]). Each function has its own small loop method: one method holding all the
     * loops would exceed C2's inlining budget and box the vectors of some of them.
     */
    static void unary(Unary f, int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = simdUnary(f) ? S.loopBound(n) : 0;
        switch (f) {
            case NEG -> neg(bound, x, xOff, y, yOff);
            case ABS -> abs(bound, x, xOff, y, yOff);
            case SQUARE -> square(bound, x, xOff, y, yOff);
            case SQRT -> sqrt(bound, x, xOff, y, yOff);
            case EXP -> exp(bound, x, xOff, y, yOff);
            case LOG -> log(bound, x, xOff, y, yOff);
            case RELU -> relu(bound, x, xOff, y, yOff);
            case SILU -> silu(bound, x, xOff, y, yOff);
            case TANH -> tanh(bound, x, xOff, y, yOff);
            case SIGMOID -> sigmoid(bound, x, xOff, y, yOff);
            case SOFTPLUS -> softplus(bound, x, xOff, y, yOff);
        }
        for (int i = bound; i < n; i++) y[yOff + i] = f.apply(x[xOff + i]);
    }

    private static void neg(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).neg().intoArray(y, yOff + i);
    }

    private static void abs(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).abs().intoArray(y, yOff + i);
    }

    private static void square(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector v = load(x, xOff + i);
            v.mul(v).intoArray(y, yOff + i);
        }
    }

    private static void sqrt(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).sqrt().intoArray(y, yOff + i);
    }

    private static void exp(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.exp(load(x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void log(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.log(load(x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void relu(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.relu(load(x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void silu(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.silu(load(x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void tanh(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.tanh(load(x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void sigmoid(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.sigmoid(load(x, xOff + i)).intoArray(y, yOff + i);
    }

    private static void softplus(int bound, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < bound; i += L) VectorMath.softplus(load(x, xOff + i)).intoArray(y, yOff + i);
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
        for (int i = 0; i < bound; i += L) load(x, xOff + i).add(load(y, yOff + i)).intoArray(z, zOff + i);
    }

    private static void sub(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).sub(load(y, yOff + i)).intoArray(z, zOff + i);
    }

    private static void mul(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).mul(load(y, yOff + i)).intoArray(z, zOff + i);
    }

    private static void div(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).div(load(y, yOff + i)).intoArray(z, zOff + i);
    }

    private static void min(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).min(load(y, yOff + i)).intoArray(z, zOff + i);
    }

    private static void max(int bound, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < bound; i += L) load(x, xOff + i).max(load(y, yOff + i)).intoArray(z, zOff + i);
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

    /** Floats of scratch {@link #activationBackward} needs: one chunk of sigmoid values. */
    static final int BACKWARD_SCRATCH = 512;

    /**
     * dx[i] += dy[i] * act'(x[i]) given y = act(x), rounded as dy * f' then + dx, like the reference.
     * SiLU and softplus need sigmoid(x): one loop computing it and the derivative at once is
     * beyond C2's inlining budget and boxes, so they go chunk by chunk through {@code scratch}
     * (at least {@link #BACKWARD_SCRATCH} floats): first sigmoid, then the rest (the same
     * roundings as the reference's single expression).
     */
    static void activationBackward(Activation act, int n, float[] x, int xOff, float[] y, int yOff,
                                   float[] dy, int dyOff, float[] dx, int dxOff, float[] scratch) {
        boolean viaSigmoid = act == Activation.SILU || act == Activation.SOFTPLUS;
        int bound = viaSigmoid && !SIMD_EXP ? 0 : S.loopBound(n);
        switch (act) {
            case IDENTITY -> add(bound, dy, dyOff, dx, dxOff, dx, dxOff);
            case RELU -> reluBackward(bound, x, xOff, dy, dyOff, dx, dxOff);
            case TANH -> tanhBackward(bound, y, yOff, dy, dyOff, dx, dxOff);
            case SIGMOID -> sigmoidBackward(bound, y, yOff, dy, dyOff, dx, dxOff);
            case SILU, SOFTPLUS -> {
                for (int c = 0; c < bound; c += BACKWARD_SCRATCH) {
                    int len = Math.min(BACKWARD_SCRATCH, bound - c);
                    sigmoid(len, x, xOff + c, scratch, 0);
                    if (act == Activation.SILU) siluBackward(len, x, xOff + c, scratch, dy, dyOff + c, dx, dxOff + c);
                    else softplusBackward(len, scratch, dy, dyOff + c, dx, dxOff + c);
                }
            }
        }
        for (int i = bound; i < n; i++) dx[dxOff + i] += dy[dyOff + i] * act.derivative(x[xOff + i], y[yOff + i]);
    }

    private static void reluBackward(int bound, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector g = load(dy, dyOff + i).mul(VectorMath.reluDerivative(load(x, xOff + i)));
            g.add(load(dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
    }

    /** silu' = s (1 + x (1 - s)) with s = sigmoid(x) given in {@code sig}. */
    private static void siluBackward(int bound, float[] x, int xOff, float[] sig, float[] dy, int dyOff,
                                     float[] dx, int dxOff) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < bound; i += L) {
            FloatVector s = load(sig, i);
            FloatVector d = s.mul(load(x, xOff + i).mul(one.sub(s)).add(one));
            load(dy, dyOff + i).mul(d).add(load(dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
    }

    /** tanh' = 1 - y^2. */
    private static void tanhBackward(int bound, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector v = load(y, yOff + i);
            FloatVector g = load(dy, dyOff + i).mul(FloatVector.broadcast(S, 1f).sub(v.mul(v)));
            g.add(load(dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
    }

    /** sigmoid' = y (1 - y). */
    private static void sigmoidBackward(int bound, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < bound; i += L) {
            FloatVector v = load(y, yOff + i);
            FloatVector g = load(dy, dyOff + i).mul(v.mul(FloatVector.broadcast(S, 1f).sub(v)));
            g.add(load(dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
    }

    /** softplus' = sigmoid(x), given in {@code sig}. */
    private static void softplusBackward(int bound, float[] sig, float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < bound; i += L) {
            load(dy, dyOff + i).mul(load(sig, i)).add(load(dx, dxOff + i)).intoArray(dx, dxOff + i);
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
