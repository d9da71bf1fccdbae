package org.vaml4j.autodiff.ops;

import java.util.Arrays;
import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/**
 * {@code y[i] = x[rows[from + i]]} for i in [0, count): picks rows (slices along axis 0) of
 * x [N, ...] into y [count, ...]. A row may be picked several times; its gradients add up.
 * The index array is read again by the backward rule: do not change it before backward has run.
 */
public final class GatherRows {

    private GatherRows() {}

    /** All of {@code rows}. */
    public static Tensor apply(Tape tape, Tensor x, int[] rows) {
        return apply(tape, x, rows, 0, rows.length);
    }

    /** {@code rows[from .. from + count)}. */
    public static Tensor apply(Tape tape, Tensor x, int[] rows, int from, int count) {
        if (x.rank() < 1) throw new IllegalArgumentException("gather rows: needs rank >= 1, got shape []");
        if (from < 0 || count < 0 || from + count > rows.length) {
            throw new IllegalArgumentException("gather rows: index range [" + from + ", " + (from + count)
                    + ") outside an index array of length " + rows.length);
        }
        int[] xs = x.shape();
        int n = xs[0];
        int width = Shapes.product(xs, 1, xs.length);   // values per row
        for (int i = from; i < from + count; i++) {
            if (rows[i] < 0 || rows[i] >= n) {
                throw new IllegalArgumentException("gather rows: index " + rows[i] + " at position " + i
                        + " outside [0, " + n + ") for shape " + Arrays.toString(xs));
            }
        }
        int[] shape = xs.clone();
        shape[0] = count;
        Tensor y = tape.output(x.requiresGrad(), shape);   // (count x width)
        for (int i = 0; i < count; i++) {
            System.arraycopy(x.data(), x.offset() + rows[from + i] * width, y.data(), y.offset() + i * width, width);
        }
        if (y.requiresGrad()) {
            Kernels kn = tape.kernels();
            tape.record(() -> {
                // dx[rows[i]] += dy[i]
                for (int i = 0; i < count; i++) {
                    kn.axpy(width, 1f, y.grad(), y.gradOffset() + i * width, x.grad(), x.gradOffset() + rows[from + i] * width);
                }
            });
        }
        return y;
    }
}
