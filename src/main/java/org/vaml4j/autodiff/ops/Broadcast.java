package org.vaml4j.autodiff.ops;

import java.util.Arrays;
import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;

/**
 * How the two operands of an elementwise binary op line up. Either both have the same shape, or
 * the shape of one (the "small" operand) is a suffix of the other's and it repeats over the
 * leading axes: the big operand is seen as a (rows x cols) matrix and the small one as a row of
 * cols values, e.g. b [out] against a [B, out], or a rank-0 scalar against anything.
 */
final class Broadcast {

    /** Repetitions of the small operand (1 when the shapes are equal). */
    final int rows;
    /** Values of the small operand (the whole size when the shapes are equal). */
    final int cols;
    final boolean aSmall;
    final boolean bSmall;
    /** Shape of the result: the shape of the big operand. */
    final int[] outShape;

    private Broadcast(int rows, int cols, boolean aSmall, boolean bSmall, int[] outShape) {
        this.rows = rows;
        this.cols = cols;
        this.aSmall = aSmall;
        this.bSmall = bSmall;
        this.outShape = outShape;
    }

    static Broadcast of(String op, Tensor a, Tensor b) {
        int[] sa = a.shape(), sb = b.shape();
        if (Arrays.equals(sa, sb)) return new Broadcast(1, a.size(), false, false, sa);
        if (Shapes.isSuffix(a, b)) return new Broadcast(Shapes.product(sa, 0, sa.length - sb.length), b.size(), false, true, sa);
        if (Shapes.isSuffix(b, a)) return new Broadcast(Shapes.product(sb, 0, sb.length - sa.length), a.size(), true, false, sb);
        throw Shapes.mismatch(op, a, b, "shapes must be equal or one must be a suffix of the other "
                + "(broadcast over leading axes)");
    }

    /** Size of the result. */
    int size() { return rows * cols; }

    /**
     * {@code z = f(x, y)} over the (rows x cols) result, where x and y are each either big
     * (rows x cols) or small (cols, repeated per row).
     */
    void binary(Kernels kn, Binary f, float[] x, int xo, boolean xSmall, float[] y, int yo, boolean ySmall,
                float[] z, int zo) {
        if (!xSmall && !ySmall) {
            kn.binary(f, rows * cols, x, xo, y, yo, z, zo);
        } else if (cols == 1) {
            // one value repeated: a plain loop beats one kernel call per element
            for (int r = 0; r < rows; r++) {
                z[zo + r] = f.apply(x[xo + (xSmall ? 0 : r)], y[yo + (ySmall ? 0 : r)]);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                int rc = r * cols;
                kn.binary(f, cols, x, xo + (xSmall ? 0 : rc), y, yo + (ySmall ? 0 : rc), z, zo + rc);
            }
        }
    }

    /** {@code out = f(a, b)} with this layout. */
    void forward(Kernels kn, Binary f, Tensor a, Tensor b, Tensor out) {
        binary(kn, f, a.data(), a.offset(), aSmall, b.data(), b.offset(), bSmall, out.data(), out.offset());
    }

    /**
     * Adds a big (rows x cols) contribution {@code src} into the gradient of {@code target}:
     * elementwise when target is big, summed over the rows when target is the small operand.
     */
    void accumulate(Kernels kn, float[] src, int so, Tensor target, boolean targetSmall) {
        if (targetSmall) {
            kn.columnSums(rows, cols, src, so, target.grad(), target.gradOffset(), true);
        } else {
            kn.axpy(rows * cols, 1f, src, so, target.grad(), target.gradOffset());
        }
    }
}
