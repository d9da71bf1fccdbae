package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * Stops the gradient: a constant view of x's values (no copy). Used for targets, e.g. the SAC
 * critic target or the entropy term of the temperature loss.
 */
public final class Detach {

    private Detach() {}

    public static Tensor apply(Tape tape, Tensor x) {
        return Tensor.view(x.data(), x.offset(), null, 0, x.shape());
    }
}
