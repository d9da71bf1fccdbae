package org.vaml4j.autodiff.ops;

import java.util.Arrays;
import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * One value per row: {@code y[r, 0] = x[r, cols[from + r]]} for x [R, C], y [R, 1]; e.g. the
 * log-probability of the action taken, from a [B, actions] log-softmax. The index array is read
 * again by the backward rule: do not change it before backward has run.
 */
public final class GatherColumns {

    private GatherColumns() {}

    /** {@code cols[0 .. R)}. */
    public static Tensor apply(Tape tape, Tensor x, int[] cols) {
        return apply(tape, x, cols, 0);
    }

    /** {@code cols[from .. from + R)}. */
    public static Tensor apply(Tape tape, Tensor x, int[] cols, int from) {
        Shapes.requireRank("gather columns", x, 2);
        int rows = x.dim(0), c = x.dim(1);
        if (from < 0 || from + rows > cols.length) {
            throw new IllegalArgumentException("gather columns: needs " + rows + " indices from position " + from
                    + ", the index array has length " + cols.length);
        }
        for (int r = 0; r < rows; r++) {
            int j = cols[from + r];
            if (j < 0 || j >= c) {
                throw new IllegalArgumentException("gather columns: index " + j + " at position " + (from + r)
                        + " outside [0, " + c + ") for shape " + Arrays.toString(x.shape()));
            }
        }
        Tensor y = tape.output(x.requiresGrad(), rows, 1);   // (rows x 1)
        for (int r = 0; r < rows; r++) y.data()[y.offset() + r] = x.data()[x.offset() + r * c + cols[from + r]];
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx[r, cols[r]] += dy[r]
                float[] dy = y.grad(), dx = x.grad();
                for (int r = 0; r < rows; r++) dx[x.gradOffset() + r * c + cols[from + r]] += dy[y.gradOffset() + r];
            });
        }
        return y;
    }
}
