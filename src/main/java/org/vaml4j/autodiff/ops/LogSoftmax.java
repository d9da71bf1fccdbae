package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * Log-softmax over the last axis: {@code y[r, j] = x[r, j] - logsumexp_k x[r, k]}, with the row
 * maximum subtracted before exponentiating (stable for large logits). The log-probabilities of a
 * categorical policy. {@code dx[r, j] += dy[r, j] - softmax[r, j] sum_k dy[r, k]}.
 */
public final class LogSoftmax {

    private LogSoftmax() {}

    public static Tensor apply(Tape tape, Tensor x) {
        if (x.rank() < 1) throw new IllegalArgumentException("log softmax: needs rank >= 1, got shape []");
        int[] xs = x.shape();
        int c = xs[xs.length - 1];
        int rows = Shapes.product(xs, 0, xs.length - 1);
        float[] xd = x.data();
        int xo = x.offset();
        Tensor y = tape.output(x.requiresGrad(), xs);   // (rows x c)
        float[] yd = y.data();
        int yo = y.offset();
        for (int r = 0; r < rows; r++) {
            int row = r * c;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, xd[xo + row + j]);
            double s = 0;
            for (int j = 0; j < c; j++) s += StrictMath.exp(xd[xo + row + j] - max);
            float lse = max + (float) StrictMath.log(s);
            for (int j = 0; j < c; j++) yd[yo + row + j] = xd[xo + row + j] - lse;
        }
        if (y.requiresGrad()) {
            tape.record(() -> {
                float[] dy = y.grad(), dx = x.grad();
                int dyo = y.gradOffset(), dxo = x.gradOffset();
                for (int r = 0; r < rows; r++) {
                    int row = r * c;
                    double g = 0;
                    for (int j = 0; j < c; j++) g += dy[dyo + row + j];
                    for (int j = 0; j < c; j++) {
                        dx[dxo + row + j] += dy[dyo + row + j] - (float) (StrictMath.exp(yd[yo + row + j]) * g);
                    }
                }
            });
        }
        return y;
    }
}
