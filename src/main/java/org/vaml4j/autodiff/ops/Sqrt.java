package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.Unary;

/** {@code y = sqrt(x)}; the gradient is infinite at x = 0. */
public final class Sqrt {

    private Sqrt() {}

    public static Tensor apply(Tape tape, Tensor x) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        kn.unary(Unary.SQRT, n, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx += dy / (2 y)
                float[] s = tape.scratch(n);
                kn.binary(Binary.DIV, n, y.grad(), y.gradOffset(), y.data(), y.offset(), s, 0);
                kn.axpy(n, 0.5f, s, 0, x.grad(), x.gradOffset());
            });
        }
        return y;
    }
}
