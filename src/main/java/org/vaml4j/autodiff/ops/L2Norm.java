package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * Euclidean norm over the last axis: {@code y[r] = sqrt(sum_j x[r, j]^2)}, x [..., D] to
 * y [...] (or [..., 1] with keepDims); the squares are summed in double.
 * {@code dx += dy x / y}; at a zero row the gradient is taken as 0 (a kink).
 */
public final class L2Norm {

    private L2Norm() {}

    public static Tensor apply(Tape tape, Tensor x, boolean keepDims) {
        if (x.rank() < 1) throw new IllegalArgumentException("l2 norm: needs rank >= 1, got shape []");
        int[] xs = x.shape();
        int d = xs[xs.length - 1];
        int rows = Shapes.product(xs, 0, xs.length - 1);
        int[] shape;
        if (keepDims) {
            shape = xs.clone();
            shape[shape.length - 1] = 1;
        } else {
            shape = java.util.Arrays.copyOf(xs, xs.length - 1);
        }
        float[] xd = x.data();
        int xo = x.offset();
        Tensor y = tape.output(x.requiresGrad(), shape);   // (rows)
        float[] yd = y.data();
        int yo = y.offset();
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += (double) xd[xo + r * d + j] * xd[xo + r * d + j];
            yd[yo + r] = (float) Math.sqrt(s);
        }
        if (y.requiresGrad()) {
            tape.record(() -> {
                float[] dy = y.grad(), dx = x.grad();
                for (int r = 0; r < rows; r++) {
                    float norm = yd[yo + r];
                    if (norm == 0f) continue;
                    float g = dy[y.gradOffset() + r] / norm;
                    for (int j = 0; j < d; j++) dx[x.gradOffset() + r * d + j] += g * xd[xo + r * d + j];
                }
            });
        }
        return y;
    }
}
