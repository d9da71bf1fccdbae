package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Unary;

/** {@code y = |x|}; the derivative at 0 is taken as 0. */
public final class Abs {

    private Abs() {}

    public static Tensor apply(Tape tape, Tensor x) {
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        tape.kernels().unary(Unary.ABS, n, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx += sign(x) dy
                float[] xd = x.data(), dy = y.grad(), dx = x.grad();
                int xo = x.offset(), dyo = y.gradOffset(), dxo = x.gradOffset();
                for (int i = 0; i < n; i++) dx[dxo + i] += Math.signum(xd[xo + i]) * dy[dyo + i];
            });
        }
        return y;
    }
}
