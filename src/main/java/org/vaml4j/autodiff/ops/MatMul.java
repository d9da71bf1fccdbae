package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/**
 * {@code C = op(A) op(B)} with op(X) = X or its transpose: op(A) is (m x k), op(B) is (k x n),
 * C is (m x n). A is stored (m x k), or (k x m) when transA; B is stored (k x n), or (n x k) when
 * transB (the BLAS convention of {@link Kernels#gemm}).
 */
public final class MatMul {

    private MatMul() {}

    /** {@code C = A B} for A (m x k) and B (k x n). */
    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        return apply(tape, a, b, false, false);
    }

    public static Tensor apply(Tape tape, Tensor a, Tensor b, boolean transA, boolean transB) {
        Shapes.requireRank("matmul", a, 2);
        Shapes.requireRank("matmul", b, 2);
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (kb != k) {
            throw Shapes.mismatch("matmul", a, b, "inner dimensions differ (transA=" + transA
                    + ", transB=" + transB + ")");
        }
        Kernels kn = tape.kernels();
        Tensor c = tape.output(a.requiresGrad() || b.requiresGrad(), m, n);
        kn.gemm(transA, transB, m, n, k, 1f, a.data(), a.offset(), b.data(), b.offset(), 0f, c.data(), c.offset());
        if (c.requiresGrad()) {
            tape.record(() -> {
                float[] dc = c.grad();
                int dco = c.gradOffset();
                // d op(A) = dC op(B)^T (m x k) ; d op(B) = op(A)^T dC (k x n)
                if (a.requiresGrad()) {
                    if (!transA) {
                        kn.gemm(false, !transB, m, k, n, 1f, dc, dco, b.data(), b.offset(), 1f, a.grad(), a.gradOffset());
                    } else { // dA = (dC op(B)^T)^T = op(B) dC^T (k x m)
                        kn.gemm(transB, true, k, m, n, 1f, b.data(), b.offset(), dc, dco, 1f, a.grad(), a.gradOffset());
                    }
                }
                if (b.requiresGrad()) {
                    if (!transB) {
                        kn.gemm(!transA, false, k, n, m, 1f, a.data(), a.offset(), dc, dco, 1f, b.grad(), b.gradOffset());
                    } else { // dB = (op(A)^T dC)^T = dC^T op(A) (n x k)
                        kn.gemm(true, transA, n, k, m, 1f, dc, dco, a.data(), a.offset(), 1f, b.grad(), b.gradOffset());
                    }
                }
            });
        }
        return c;
    }
}
