package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/** {@code C = A B} for A (m x k) and B (k x n). */
public final class MatMul {

    private MatMul() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        Shapes.requireRank("matmul", a, 2);
        Shapes.requireRank("matmul", b, 2);
        int m = a.dim(0), k = a.dim(1), n = b.dim(1);
        if (b.dim(0) != k) throw Shapes.mismatch("matmul", a, b, "inner dimensions differ");
        Kernels kn = tape.kernels();
        Tensor c = tape.output(a.requiresGrad() || b.requiresGrad(), m, n);
        kn.gemm(false, false, m, n, k, 1f, a.data(), a.offset(), b.data(), b.offset(), 0f, c.data(), c.offset());
        if (c.requiresGrad()) {
            tape.record(() -> {
                // dA += dC B^T ; dB += A^T dC
                if (a.requiresGrad()) {
                    kn.gemm(false, true, m, k, n, 1f, c.grad(), c.gradOffset(), b.data(), b.offset(),
                            1f, a.grad(), a.gradOffset());
                }
                if (b.requiresGrad()) {
                    kn.gemm(true, false, k, n, m, 1f, a.data(), a.offset(), c.grad(), c.gradOffset(),
                            1f, b.grad(), b.gradOffset());
                }
            });
        }
        return c;
    }
}
