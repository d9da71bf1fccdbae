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

    private VectorLoops() {}

    /** y[i] = f(x[i]). */
    static void unary(Unary f, int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMath.unary(f, FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = f.apply(x[xOff + i]);
    }

    /** z[i] = f(x[i], y[i]). */
    static void binary(Binary f, int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector vx = FloatVector.fromArray(S, x, xOff + i);
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            VectorMath.binary(f, vx, vy).intoArray(z, zOff + i);
        }
        for (; i < n; i++) z[zOff + i] = f.apply(x[xOff + i], y[yOff + i]);
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

    /** dx[i] += dy[i] * act'(x[i]) given y = act(x). */
    static void activationBackward(Activation act, int n, float[] x, int xOff, float[] y, int yOff,
                                   float[] dy, int dyOff, float[] dx, int dxOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector vx = FloatVector.fromArray(S, x, xOff + i);
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(VectorMath.derivative(act, vx, vy));
            g.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        for (; i < n; i++) dx[dxOff + i] += dy[dyOff + i] * act.derivative(x[xOff + i], y[yOff + i]);
    }

    /** Rows [r0, r1) of y = act(x + bias) over a (rows x cols) matrix. */
    static void biasActivation(Activation act, int r0, int r1, int cols, float[] x, int xOff,
                               float[] bias, int biasOff, float[] y, int yOff) {
        int bound = S.loopBound(cols);
        for (int r = r0; r < r1; r++) {
            int xr = xOff + r * cols, yr = yOff + r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector v = FloatVector.fromArray(S, x, xr + j).add(FloatVector.fromArray(S, bias, biasOff + j));
                VectorMath.activation(act, v).intoArray(y, yr + j);
            }
            for (; j < cols; j++) y[yr + j] = act.apply(x[xr + j] + bias[biasOff + j]);
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
