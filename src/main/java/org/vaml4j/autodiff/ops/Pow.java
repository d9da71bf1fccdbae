package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * {@code y = x^p} for a constant exponent p (NaN for negative x unless p is an integer, as
 * {@link Math#pow}). For p = 2, 0.5, -1 prefer {@link Square}, {@link Sqrt}, {@code Div.apply(tape, 1, x)}.
 */
public final class Pow {

    private Pow() {}

    public static Tensor apply(Tape tape, Tensor x, float p) {
        int n = x.size();
        float[] xd = x.data();
        int xo = x.offset();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        float[] yd = y.data();
        int yo = y.offset();
        for (int i = 0; i < n; i++) yd[yo + i] = (float) StrictMath.pow(xd[xo + i], p);
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx += p x^(p-1) dy
                float[] dy = y.grad(), dx = x.grad();
                int dyo = y.gradOffset(), dxo = x.gradOffset();
                for (int i = 0; i < n; i++) {
                    dx[dxo + i] += (float) (p * StrictMath.pow(xd[xo + i], p - 1.0)) * dy[dyo + i];
                }
            });
        }
        return y;
    }
}
