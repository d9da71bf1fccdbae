package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/**
 * {@code C[e] = A[e] B[e]} for e in [0, E): A [E, m, k] (or [m, k], shared by every e),
 * B [E, k, n], C [E, m, n]. One {@link Kernels#gemmBatched} call; an ensemble layer without bias.
 */
public final class BatchedMatMul {

    private BatchedMatMul() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        Shapes.requireRank("batched matmul", b, 3);
        boolean shared = a.rank() == 2;
        if (!shared && a.rank() != 3) throw Shapes.mismatch("batched matmul", a, b, "A must be [E, m, k] or [m, k]");
        int e = b.dim(0), k = b.dim(1), n = b.dim(2);
        int m = a.dim(-2);
        if (a.dim(-1) != k) throw Shapes.mismatch("batched matmul", a, b, "inner dimensions differ");
        if (!shared && a.dim(0) != e) throw Shapes.mismatch("batched matmul", a, b, "batch (ensemble) sizes differ");
        Kernels kn = tape.kernels();
        int aStride = shared ? 0 : m * k;   // A[e] (m x k)
        int bStride = k * n;                // B[e] (k x n)
        int cStride = m * n;                // C[e] (m x n)
        Tensor c = tape.output(a.requiresGrad() || b.requiresGrad(), e, m, n);
        kn.gemmBatched(e, false, false, m, n, k, 1f, a.data(), a.offset(), aStride, b.data(), b.offset(), bStride,
                0f, c.data(), c.offset(), cStride);
        if (c.requiresGrad()) {
            tape.record(() -> {
                float[] dc = c.grad();
                int dco = c.gradOffset();
                if (a.requiresGrad()) {
                    if (shared) { // dA += sum_e dC[e] B[e]^T, in a fixed order
                        for (int i = 0; i < e; i++) {
                            kn.gemm(false, true, m, k, n, 1f, dc, dco + i * cStride, b.data(), b.offset() + i * bStride,
                                    1f, a.grad(), a.gradOffset());
                        }
                    } else { // dA[e] += dC[e] B[e]^T
                        kn.gemmBatched(e, false, true, m, k, n, 1f, dc, dco, cStride, b.data(), b.offset(), bStride,
                                1f, a.grad(), a.gradOffset(), aStride);
                    }
                }
                if (b.requiresGrad()) { // dB[e] += A[e]^T dC[e]
                    kn.gemmBatched(e, true, false, k, n, m, 1f, a.data(), a.offset(), aStride, dc, dco, cStride,
                            1f, b.grad(), b.gradOffset(), bStride);
                }
            });
        }
        return c;
    }
}
