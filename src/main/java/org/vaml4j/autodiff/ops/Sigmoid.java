package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Unary;

/** {@code y = 1 / (1 + exp(-x))}; {@code dy/dx = y (1 - y)}. */
public final class Sigmoid {

    private Sigmoid() {}

    public static Tensor apply(Tape tape, Tensor x) {
        return Pointwise.activation(tape, x, Unary.SIGMOID, Activation.SIGMOID);
    }
}
