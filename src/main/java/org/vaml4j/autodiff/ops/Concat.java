package org.vaml4j.autodiff.ops;

import java.util.Arrays;
import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/**
 * Joins tensors along one axis; all other axes must agree. Each part p is seen as
 * [outer, chunk_p] with outer the product of the axes before the joined one; the result row o is
 * the parts' rows o one after another.
 */
public final class Concat {

    private Concat() {}

    /** {@code [a, b]} along the last axis, e.g. obs [B, n] and action [B, m] into [B, n + m]. */
    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        return apply(tape, -1, a, b);
    }

    /** The parts joined along {@code axis} (negative counts from the end). */
    public static Tensor apply(Tape tape, int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat: needs at least one tensor");
        int[] first = parts[0].shape();
        int ax = axis < 0 ? first.length + axis : axis;
        if (ax < 0 || ax >= first.length) {
            throw new IllegalArgumentException("concat: axis " + axis + " out of range for shape " + Arrays.toString(first));
        }
        int[] shape = first.clone();
        shape[ax] = 0;
        boolean grad = false;
        for (Tensor p : parts) {
            int[] s = p.shape();
            boolean ok = s.length == first.length;
            for (int i = 0; ok && i < s.length; i++) ok = i == ax || s[i] == first[i];
            if (!ok) {
                throw new IllegalArgumentException("concat: shapes must agree except on axis " + ax + "; got "
                        + Arrays.toString(first) + " and " + Arrays.toString(s));
            }
            shape[ax] += s[ax];
            grad |= p.requiresGrad();
        }
        int outer = Shapes.product(first, 0, ax);
        int inner = Shapes.product(first, ax + 1, first.length);
        int width = shape[ax] * inner;   // values per row of y
        Tensor y = tape.output(grad, shape);   // (outer x width)
        // y[o, off_p + j] = p[o, j]
        for (int o = 0, off = 0; o < outer; o++) {
            for (Tensor p : parts) {
                int chunk = p.dim(ax) * inner;
                System.arraycopy(p.data(), p.offset() + o * chunk, y.data(), y.offset() + off, chunk);
                off += chunk;
            }
        }
        if (y.requiresGrad()) {
            Kernels kn = tape.kernels();
            tape.record(() -> {
                // dp[o, j] += dy[o, off_p + j]
                for (int o = 0; o < outer; o++) {
                    int off = o * width;
                    for (Tensor p : parts) {
                        int chunk = p.dim(ax) * inner;
                        if (p.requiresGrad()) {
                            kn.axpy(chunk, 1f, y.grad(), y.gradOffset() + off, p.grad(), p.gradOffset() + o * chunk);
                        }
                        off += chunk;
                    }
                }
            });
        }
        return y;
    }
}
