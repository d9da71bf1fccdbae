package org.vaml4j.kernel;

/**
 * gemm for small products (below {@link VectorKernels#PACKED_GEMM_MACS}): plain loops in an order
 * C2 auto-vectorizes (row of C += a_ip * row of op(B)), no packing. Packing and the Vector API
 * micro-kernel do not pay off here, and plain loops allocate nothing even before the JIT has
 * compiled them (interpreted or C1 code boxes every Vector API value).
 */
final class SmallGemm {

    private SmallGemm() {}

    /** Same contract as {@link Kernels#gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                     float[] b, int bOff, float beta, float[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            // C[i, :] = beta C[i, :]
            if (beta == 0f) {
                for (int j = 0; j < n; j++) c[ci + j] = 0f;
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) c[ci + j] *= beta;
            }
            if (transB) {
                // C[i, j] += alpha * dot(op(A)[i, :], B[j, :]), B stored (n x k)
                for (int j = 0; j < n; j++) {
                    float acc = 0f;
                    int bj = bOff + j * k;
                    for (int p = 0; p < k; p++) acc += elementA(transA, a, aOff, m, k, i, p) * b[bj + p];
                    c[ci + j] += alpha * acc;
                }
            } else {
                // C[i, :] += (alpha * op(A)[i, p]) * B[p, :]
                for (int p = 0; p < k; p++) {
                    float aip = alpha * elementA(transA, a, aOff, m, k, i, p);
                    int bp = bOff + p * n;
                    for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /** op(A)[i, p]: A stored (m x k), or (k x m) when transA. */
    private static float elementA(boolean transA, float[] a, int aOff, int m, int k, int i, int p) {
        return transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
    }
}
