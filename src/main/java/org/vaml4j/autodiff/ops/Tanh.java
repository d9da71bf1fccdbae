package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Unary;

/** {@code y = tanh(x)}; {@code dy/dx = 1 - y^2}. */
public final class Tanh {

    private Tanh() {}

    public static Tensor apply(Tape tape, Tensor x) {
        return Pointwise.activation(tape, x, Unary.TANH, Activation.TANH);
    }
}
