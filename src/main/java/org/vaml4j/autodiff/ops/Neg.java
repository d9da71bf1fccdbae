package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.Unary;

/** {@code y = -x}. */
public final class Neg {

    private Neg() {}

    public static Tensor apply(Tape tape, Tensor x) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        kn.unary(Unary.NEG, n, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            // dx -= dy
            tape.record(() -> kn.axpy(n, -1f, y.grad(), y.gradOffset(), x.grad(), x.gradOffset()));
        }
        return y;
    }
}
