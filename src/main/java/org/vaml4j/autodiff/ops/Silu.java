package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Unary;

/** {@code y = x sigmoid(x)} (swish); {@code dy/dx = s (1 + x (1 - s))} with s = sigmoid(x). */
public final class Silu {

    private Silu() {}

    public static Tensor apply(Tape tape, Tensor x) {
        return Pointwise.activation(tape, x, Unary.SILU, Activation.SILU);
    }
}
