package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.Unary;

/** {@code y = log(x)} (natural log; NaN for x &lt; 0, -inf at 0). */
public final class Log {

    private Log() {}

    public static Tensor apply(Tape tape, Tensor x) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        kn.unary(Unary.LOG, n, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx += dy / x
                float[] s = tape.scratch(n);
                kn.binary(Binary.DIV, n, y.grad(), y.gradOffset(), x.data(), x.offset(), s, 0);
                kn.axpy(n, 1f, s, 0, x.grad(), x.gradOffset());
            });
        }
        return y;
    }
}
