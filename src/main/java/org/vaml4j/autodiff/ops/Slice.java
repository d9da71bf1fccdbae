package org.vaml4j.autodiff.ops;

import java.util.Arrays;
import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/**
 * The indices {@code [from, to)} of one axis, copied: with x seen as [outer, len, inner] around
 * the axis, {@code y[o, j, i] = x[o, from + j, i]}.
 */
public final class Slice {

    private Slice() {}

    /** Columns {@code [from, to)} of the last axis, e.g. the mean half of a [B, 2n] head. */
    public static Tensor apply(Tape tape, Tensor x, int from, int to) {
        return apply(tape, x, -1, from, to);
    }

    /** Indices {@code [from, to)} of {@code axis} (negative counts from the end). */
    public static Tensor apply(Tape tape, Tensor x, int axis, int from, int to) {
        int[] xs = x.shape();
        int ax = axis < 0 ? xs.length + axis : axis;
        if (ax < 0 || ax >= xs.length) {
            throw new IllegalArgumentException("slice: axis " + axis + " out of range for shape " + Arrays.toString(xs));
        }
        if (from < 0 || to > xs[ax] || from > to) {
            throw new IllegalArgumentException("slice: [" + from + ", " + to + ") is not within axis " + ax
                    + " of length " + xs[ax] + " (shape " + Arrays.toString(xs) + ")");
        }
        int outer = Shapes.product(xs, 0, ax), inner = Shapes.product(xs, ax + 1, xs.length);
        int rowIn = xs[ax] * inner;          // values per row of x
        int rowOut = (to - from) * inner;    // values per row of y
        int start = from * inner;
        int[] shape = xs.clone();
        shape[ax] = to - from;
        Tensor y = tape.output(x.requiresGrad(), shape);   // (outer x rowOut)
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x.data(), x.offset() + o * rowIn + start, y.data(), y.offset() + o * rowOut, rowOut);
        }
        if (y.requiresGrad()) {
            Kernels kn = tape.kernels();
            tape.record(() -> {
                // dx[o, from + j, i] += dy[o, j, i]
                for (int o = 0; o < outer; o++) {
                    kn.axpy(rowOut, 1f, y.grad(), y.gradOffset() + o * rowOut, x.grad(), x.gradOffset() + o * rowIn + start);
                }
            });
        }
        return y;
    }
}
