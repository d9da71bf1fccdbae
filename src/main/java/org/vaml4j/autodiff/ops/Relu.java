package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Unary;

/** {@code y = max(x, 0)}; the derivative at 0 is taken as 0. */
public final class Relu {

    private Relu() {}

    public static Tensor apply(Tape tape, Tensor x) {
        Tensor y = tape.output(x.requiresGrad(), x.shape());
        tape.kernels().unary(Unary.RELU, x.size(), x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            tape.record(() -> tape.kernels().activationBackward(Activation.RELU, x.size(),
                    x.data(), x.offset(), y.data(), y.offset(), y.grad(), y.gradOffset(), x.grad(), x.gradOffset()));
        }
        return y;
    }
}
