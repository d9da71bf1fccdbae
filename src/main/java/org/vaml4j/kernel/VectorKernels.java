package org.vaml4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD backend on {@code jdk.incubator.vector}. Each method runs the vector loop over whole
 * registers and hands the tail to the scalar loop (the MuJoCo {@code mju_addTo_avx} idiom).
 * Operations without a SIMD version yet delegate to {@link ScalarKernels}.
 */
public final class VectorKernels implements Kernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private final ScalarKernels scalar = new ScalarKernels();
    private final int threads;

    public VectorKernels(int threads) {
        this.threads = threads;
    }

    @Override public String name() { return "vector"; }

    @Override public int lanes() { return S.length(); }

    /** Worker threads this backend may use. */
    public int threads() { return threads; }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                     float[] b, int bOff, float beta, float[] c, int cOff) {
        if (transB) {
            scalar.gemm(transA, true, m, n, k, alpha, a, aOff, b, bOff, beta, c, cOff);
            return;
        }
        // C[i,:] = beta C[i,:] + alpha * sum_p A[i,p] B[p,:]
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            if (beta == 0f) scalar.fill(n, 0f, c, ci);
            else if (beta != 1f) scalar.scale(n, beta, c, ci);
            for (int p = 0; p < k; p++) {
                float aip = alpha * (transA ? a[aOff + p * m + i] : a[aOff + i * k + p]);
                axpy(n, aip, b, bOff + p * n, c, ci);
            }
        }
    }

    @Override
    public void gemmBatched(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float beta,
                            float[] c, int cOff, int cStride) {
        for (int e = 0; e < batch; e++) {
            gemm(transA, transB, m, n, k, alpha, a, aOff + e * aStride, b, bOff + e * bStride, beta, c, cOff + e * cStride);
        }
    }

    @Override
    public void biasActivation(Activation act, int rows, int cols, float[] x, int xOff, float[] bias, int biasOff,
                               float[] y, int yOff) {
        scalar.biasActivation(act, rows, cols, x, xOff, bias, biasOff, y, yOff);
    }

    @Override
    public void unary(Unary f, int n, float[] x, int xOff, float[] y, int yOff) {
        scalar.unary(f, n, x, xOff, y, yOff);
    }

    @Override
    public void binary(Binary f, int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        scalar.binary(f, n, x, xOff, y, yOff, z, zOff);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector va = FloatVector.broadcast(S, alpha);
        for (; i < bound; i += S.length()) {
            FloatVector vx = FloatVector.fromArray(S, x, xOff + i);
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            vx.fma(va, vy).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        scalar.scale(n, alpha, x, xOff);
    }

    @Override
    public void fill(int n, float value, float[] x, int xOff) {
        scalar.fill(n, value, x, xOff);
    }

    @Override
    public void activationBackward(Activation act, int n, float[] x, int xOff, float[] y, int yOff, float[] dy,
                                   int dyOff, float[] dx, int dxOff) {
        scalar.activationBackward(act, n, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
    }

    @Override
    public void columnSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate) {
        scalar.columnSums(rows, cols, x, xOff, out, outOff, accumulate);
    }

    @Override
    public void rowSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate) {
        scalar.rowSums(rows, cols, x, xOff, out, outOff, accumulate);
    }

    @Override
    public double sum(int n, float[] x, int xOff) {
        return scalar.sum(n, x, xOff);
    }

    @Override
    public double dot(int n, float[] x, int xOff, float[] y, int yOff) {
        // reduceLanes(ADD) order is implementation-defined, so the double-accumulated scalar loop stays
        return scalar.dot(n, x, xOff, y, yOff);
    }

}
