package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;

/**
 * {@code y = a / b} elementwise with broadcasting of either operand over the leading axes of the
 * other (see {@link Add}); {@code y = x / c} and {@code y = c / x} for a constant c.
 */
public final class Div {

    private Div() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of("div", a, b);
        Kernels kn = tape.kernels();
        Tensor y = tape.output(a.requiresGrad() || b.requiresGrad(), bc.outShape);
        bc.forward(kn, Binary.DIV, a, b, y);
        if (y.requiresGrad()) {
            tape.record(() -> {
                float[] s = tape.scratch(bc.size());
                // s = dy / b ; da += s ; db -= s * y   (d(a/b)/db = -a/b^2 = -y/b)
                bc.binary(kn, Binary.DIV, y.grad(), y.gradOffset(), false, b.data(), b.offset(), bc.bSmall, s, 0);
                if (a.requiresGrad()) bc.accumulate(kn, s, 0, a, bc.aSmall);
                if (b.requiresGrad()) {
                    kn.binary(Binary.MUL, bc.size(), s, 0, y.data(), y.offset(), s, 0);
                    kn.scale(bc.size(), -1f, s, 0);
                    bc.accumulate(kn, s, 0, b, bc.bSmall);
                }
            });
        }
        return y;
    }

    /** {@code y = x / c}, computed as x * (1/c). */
    public static Tensor apply(Tape tape, Tensor x, float c) {
        return Mul.apply(tape, x, 1f / c);
    }

    /** {@code y = c / x}; {@code c = 1} gives the reciprocal. */
    public static Tensor apply(Tape tape, float c, Tensor x) {
        int n = x.size();
        float[] xd = x.data();
        int xo = x.offset();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        float[] yd = y.data();
        int yo = y.offset();
        for (int i = 0; i < n; i++) yd[yo + i] = c / xd[xo + i];
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx += dy * (-c / x^2) = -dy * y / x
                float[] dy = y.grad(), dx = x.grad();
                int dyo = y.gradOffset(), dxo = x.gradOffset();
                for (int i = 0; i < n; i++) dx[dxo + i] -= dy[dyo + i] * yd[yo + i] / xd[xo + i];
            });
        }
        return y;
    }
}
