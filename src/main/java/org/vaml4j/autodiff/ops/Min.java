package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;

/**
 * {@code y = min(a, b)} elementwise, with broadcasting of either operand over the leading axes of
 * the other (see {@link Add}). The gradient flows to the smaller operand; on a tie it goes to a.
 */
public final class Min {

    private Min() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        return Selection.apply("min", Binary.MIN, tape, a, b);
    }
}
