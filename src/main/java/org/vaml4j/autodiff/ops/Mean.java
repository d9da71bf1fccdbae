package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/** Mean over all values (a rank-0 result) or over one axis; the mean of nothing is NaN. */
public final class Mean {

    private Mean() {}

    /** {@code y = (1/n) sum_i x[i]}, shape []. */
    public static Tensor apply(Tape tape, Tensor x) {
        return Reduce.all(tape, x, 1f / x.size());
    }

    /** Mean over {@code axis} (negative counts from the end); the axis stays with length 1 when keepDims. */
    public static Tensor apply(Tape tape, Tensor x, int axis, boolean keepDims) {
        int ax = axis < 0 ? x.rank() + axis : axis;
        float scale = ax >= 0 && ax < x.rank() ? 1f / x.dim(ax) : 1f;   // a bad axis is reported by Reduce
        return Reduce.axis("mean", tape, x, axis, keepDims, scale);
    }
}
