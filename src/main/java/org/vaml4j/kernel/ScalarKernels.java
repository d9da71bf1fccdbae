package org.vaml4j.kernel;

/**
 * The reference backend: plain loops, one thread, the specification every other backend is
 * tested against. Never deleted, never optimized beyond loop order.
 */
public final class ScalarKernels implements Kernels {

    @Override public String name() { return "scalar"; }

    @Override public int lanes() { return 1; }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, float[] b, int bOff,
                     float beta, float[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float acc = 0f;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                    float bpj = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
                    acc += aip * bpj;
                }
                int ij = cOff + i * n + j;
                c[ij] = beta == 0f ? alpha * acc : alpha * acc + beta * c[ij];
            }
        }
    }

    @Override
    public void gemmBatched(int batch, boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                            float beta, float[] c, int cOff, int cStride) {
        for (int e = 0; e < batch; e++) {
            gemm(transA, transB, m, n, k, alpha, a, aOff + e * aStride, b, bOff + e * bStride,
                    beta, c, cOff + e * cStride);
        }
    }

    @Override
    public void biasActivation(Activation act, int rows, int cols,
                               float[] x, int xOff, float[] bias, int biasOff, float[] y, int yOff) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                y[yOff + r * cols + j] = act.apply(x[xOff + r * cols + j] + bias[biasOff + j]);
            }
        }
    }

    @Override
    public void unary(Unary f, int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) y[yOff + i] = f.apply(x[xOff + i]);
    }

    @Override
    public void binary(Binary f, int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < n; i++) z[zOff + i] = f.apply(x[xOff + i], y[yOff + i]);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        for (int i = 0; i < n; i++) x[xOff + i] *= alpha;
    }

    @Override
    public void fill(int n, float value, float[] x, int xOff) {
        for (int i = 0; i < n; i++) x[xOff + i] = value;
    }

    @Override
    public void activationBackward(Activation act, int n, float[] x, int xOff, float[] y, int yOff,
                                   float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < n; i++) {
            dx[dxOff + i] += dy[dyOff + i] * act.derivative(x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void columnSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate) {
        for (int j = 0; j < cols; j++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) s += x[xOff + r * cols + j];
            out[outOff + j] = accumulate ? out[outOff + j] + s : s;
        }
    }

    @Override
    public void rowSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            float s = 0f;
            for (int j = 0; j < cols; j++) s += x[xOff + r * cols + j];
            out[outOff + r] = accumulate ? out[outOff + r] + s : s;
        }
    }

    @Override
    public double sum(int n, float[] x, int xOff) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOff + i];
        return s;
    }

    @Override
    public double dot(int n, float[] x, int xOff, float[] y, int yOff) {
        double s = 0;
        for (int i = 0; i < n; i++) s += (double) x[xOff + i] * y[yOff + i];
        return s;
    }
}
