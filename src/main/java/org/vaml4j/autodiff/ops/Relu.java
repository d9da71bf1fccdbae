package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Unary;

/** {@code y = max(x, 0)}; the derivative at 0 is taken as 0. */
public final class Relu {

    private Relu() {}

    public static Tensor apply(Tape tape, Tensor x) {
        return Pointwise.activation(tape, x, Unary.RELU, Activation.RELU);
    }
}
