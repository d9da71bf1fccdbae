package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;

/**
 * {@code y = a * b} elementwise with broadcasting of either operand over the leading axes of the
 * other (see {@link Add}); {@code y = c * x} for a constant c.
 */
public final class Mul {

    private Mul() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of("mul", a, b);
        Kernels kn = tape.kernels();
        Tensor y = tape.output(a.requiresGrad() || b.requiresGrad(), bc.outShape);
        bc.forward(kn, Binary.MUL, a, b, y);
        if (y.requiresGrad()) {
            tape.record(() -> {
                float[] s = tape.scratch(bc.size());
                if (a.requiresGrad()) {
                    // da += dy * b
                    bc.binary(kn, Binary.MUL, y.grad(), y.gradOffset(), false, b.data(), b.offset(), bc.bSmall, s, 0);
                    bc.accumulate(kn, s, 0, a, bc.aSmall);
                }
                if (b.requiresGrad()) {
                    // db += dy * a
                    bc.binary(kn, Binary.MUL, y.grad(), y.gradOffset(), false, a.data(), a.offset(), bc.aSmall, s, 0);
                    bc.accumulate(kn, s, 0, b, bc.bSmall);
                }
            });
        }
        return y;
    }

    /** {@code y = c * x}. */
    public static Tensor apply(Tape tape, Tensor x, float c) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        System.arraycopy(x.data(), x.offset(), y.data(), y.offset(), n);
        kn.scale(n, c, y.data(), y.offset());
        if (y.requiresGrad()) {
            // dx += c dy
            tape.record(() -> kn.axpy(n, c, y.grad(), y.gradOffset(), x.grad(), x.gradOffset()));
        }
        return y;
    }
}
