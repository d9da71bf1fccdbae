package org.vaml4j.kernel;

/**
 * The numeric kernels every higher layer runs on: dense row-major {@code float[]} arrays addressed
 * by an offset, sizes passed explicitly, outputs passed in (nothing is allocated here).
 *
 * <p>{@link ScalarKernels} is the readable reference and the oracle of every other backend's tests.
 * Implementations must give results that do not depend on the number of threads they use.
 */
public interface Kernels {

    /** Short backend name for logs and {@code vaml4j info}, e.g. {@code "scalar"}, {@code "vector"}. */
    String name();

    /** float lanes of one SIMD register (1 for the scalar backend). */
    int lanes();

    // ---- matrix products ----

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, all row-major and contiguous.
     * op(A) is (m x k): A is stored (m x k), or (k x m) when {@code transA}.
     * op(B) is (k x n): B is stored (k x n), or (n x k) when {@code transB}. C is (m x n).
     * When beta == 0, C is overwritten (NaN in C does not propagate).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int aOff, float[] b, int bOff,
              float beta, float[] c, int cOff);

    /**
     * {@code batch} independent gemms: matrix i of A starts at {@code aOff + i*aStride}, likewise
     * B and C. A stride of 0 broadcasts one matrix to every batch entry (only for A or B).
     * An ensemble forward [E,B,in] x [E,in,out] is one call with batch = E.
     */
    void gemmBatched(int batch, boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                     float beta, float[] c, int cOff, int cStride);

    // ---- fused forward of a dense layer ----

    /**
     * {@code y[r, j] = act(x[r, j] + bias[j])} for r in [0, rows), j in [0, cols); x and y may alias.
     */
    void biasActivation(Activation act, int rows, int cols,
                        float[] x, int xOff, float[] bias, int biasOff, float[] y, int yOff);

    // ---- elementwise ----

    /** {@code y[i] = f(x[i])}; x and y may alias. */
    void unary(Unary f, int n, float[] x, int xOff, float[] y, int yOff);

    /** {@code z[i] = f(x[i], y[i])}; z may alias x or y. */
    void binary(Binary f, int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff);

    /** {@code y[i] += alpha * x[i]}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** {@code x[i] *= alpha}. */
    void scale(int n, float alpha, float[] x, int xOff);

    /** {@code x[i] = value}. */
    void fill(int n, float value, float[] x, int xOff);

    /** {@code dx[i] += dy[i] * f'(x[i])} given the forward input x and output y (either may be used). */
    void activationBackward(Activation act, int n, float[] x, int xOff, float[] y, int yOff,
                            float[] dy, int dyOff, float[] dx, int dxOff);

    // ---- reductions (fixed order: results are independent of the thread count) ----

    /** {@code out[j] (+)= sum_r x[r, j]}: one sum per column of a (rows x cols) matrix. */
    void columnSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate);

    /** {@code out[r] (+)= sum_j x[r, j]}: one sum per row of a (rows x cols) matrix. */
    void rowSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate);

    /** {@code sum_i x[i]}, accumulated in double. */
    double sum(int n, float[] x, int xOff);

    /** {@code sum_i x[i] * y[i]}, accumulated in double. */
    double dot(int n, float[] x, int xOff, float[] y, int yOff);
}
