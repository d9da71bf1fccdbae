package org.vaml4j.autodiff.ops;

import java.util.Arrays;
import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/** The shared body of {@link Sum} and {@link Mean}: {@code scale * sum} over all values or one axis. */
final class Reduce {

    private Reduce() {}

    /** {@code y = scale * sum_i x[i]}, shape [] (rank 0). */
    static Tensor all(Tape tape, Tensor x, float scale) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.output(x.requiresGrad());
        y.data()[y.offset()] = (float) (scale * kn.sum(n, x.data(), x.offset()));
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx[i] += scale dy
                float g = scale * y.grad()[y.gradOffset()];
                float[] dx = x.grad();
                int dxo = x.gradOffset();
                for (int i = 0; i < n; i++) dx[dxo + i] += g;
            });
        }
        return y;
    }

    /**
     * {@code y[o, i] = scale * sum_l x[o, l, i]} with x seen as [outer, len, inner] around the
     * reduced axis; y keeps the axis with length 1 when keepDims.
     */
    static Tensor axis(String op, Tape tape, Tensor x, int axis, boolean keepDims, float scale) {
        int r = x.rank();
        int ax = axis < 0 ? r + axis : axis;
        if (ax < 0 || ax >= r) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + Arrays.toString(x.shape()));
        }
        int[] xs = x.shape();
        int outer = Shapes.product(xs, 0, ax), len = xs[ax], inner = Shapes.product(xs, ax + 1, r);
        int[] shape = reducedShape(xs, ax, keepDims);
        Kernels kn = tape.kernels();
        Tensor y = tape.output(x.requiresGrad(), shape);   // (outer x inner)
        float[] xd = x.data(), yd = y.data();
        int xo = x.offset(), yo = y.offset();
        if (inner == 1) {
            kn.rowSums(outer, len, xd, xo, yd, yo, false);
        } else {
            for (int o = 0; o < outer; o++) kn.columnSums(len, inner, xd, xo + o * len * inner, yd, yo + o * inner, false);
        }
        if (scale != 1f) kn.scale(outer * inner, scale, yd, yo);
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx[o, l, i] += scale dy[o, i]
                float[] dx = x.grad(), dy = y.grad();
                int dxo = x.gradOffset(), dyo = y.gradOffset();
                for (int o = 0; o < outer; o++) {
                    if (inner == 1) {
                        float g = scale * dy[dyo + o];
                        for (int l = 0; l < len; l++) dx[dxo + o * len + l] += g;
                    } else {
                        for (int l = 0; l < len; l++) kn.axpy(inner, scale, dy, dyo + o * inner, dx, dxo + (o * len + l) * inner);
                    }
                }
            });
        }
        return y;
    }

    private static int[] reducedShape(int[] xs, int ax, boolean keepDims) {
        if (keepDims) {
            int[] s = xs.clone();
            s[ax] = 1;
            return s;
        }
        int[] s = new int[xs.length - 1];
        for (int i = 0, j = 0; i < xs.length; i++) if (i != ax) s[j++] = xs[i];
        return s;
    }
}
