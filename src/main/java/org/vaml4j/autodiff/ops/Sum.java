package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/** Sum over all values (a rank-0 result, accumulated in double) or over one axis. */
public final class Sum {

    private Sum() {}

    /** {@code y = sum_i x[i]}, shape []. */
    public static Tensor apply(Tape tape, Tensor x) {
        return Reduce.all(tape, x, 1f);
    }

    /** Sum over {@code axis} (negative counts from the end); the axis stays with length 1 when keepDims. */
    public static Tensor apply(Tape tape, Tensor x, int axis, boolean keepDims) {
        return Reduce.axis("sum", tape, x, axis, keepDims, 1f);
    }
}
