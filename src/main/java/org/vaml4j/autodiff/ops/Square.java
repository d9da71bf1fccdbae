package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.Unary;

/** {@code y = x^2}. */
public final class Square {

    private Square() {}

    public static Tensor apply(Tape tape, Tensor x) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        kn.unary(Unary.SQUARE, n, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx += 2 x dy
                float[] s = tape.scratch(n);
                kn.binary(Binary.MUL, n, y.grad(), y.gradOffset(), x.data(), x.offset(), s, 0);
                kn.axpy(n, 2f, s, 0, x.grad(), x.gradOffset());
            });
        }
        return y;
    }
}
