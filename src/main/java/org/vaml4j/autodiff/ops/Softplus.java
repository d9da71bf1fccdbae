package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Unary;

/** {@code y = log(1 + exp(x))}, evaluated as {@code max(x, 0) + log1p(exp(-|x|))}; {@code dy/dx = sigmoid(x)}. */
public final class Softplus {

    private Softplus() {}

    public static Tensor apply(Tape tape, Tensor x) {
        return Pointwise.activation(tape, x, Unary.SOFTPLUS, Activation.SOFTPLUS);
    }
}
