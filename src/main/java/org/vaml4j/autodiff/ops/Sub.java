package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.Unary;

/**
 * {@code y = a - b} with broadcasting of either operand over the leading axes of the other (see
 * {@link Add}); {@code y = x - c} and {@code y = c - x} for a constant c.
 */
public final class Sub {

    private Sub() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of("sub", a, b);
        Kernels kn = tape.kernels();
        Tensor y = tape.output(a.requiresGrad() || b.requiresGrad(), bc.outShape);
        bc.forward(kn, Binary.SUB, a, b, y);
        if (y.requiresGrad()) {
            tape.record(() -> {
                // da += dy ; db -= dy (summed over the broadcast rows)
                if (a.requiresGrad()) bc.accumulate(kn, y.grad(), y.gradOffset(), a, bc.aSmall);
                if (b.requiresGrad()) {
                    if (bc.bSmall) {
                        float[] s = tape.scratch(bc.size());
                        kn.unary(Unary.NEG, bc.size(), y.grad(), y.gradOffset(), s, 0);
                        bc.accumulate(kn, s, 0, b, true);
                    } else {
                        kn.axpy(bc.size(), -1f, y.grad(), y.gradOffset(), b.grad(), b.gradOffset());
                    }
                }
            });
        }
        return y;
    }

    /** {@code y = x - c}. */
    public static Tensor apply(Tape tape, Tensor x, float c) {
        return Add.apply(tape, x, -c);
    }

    /** {@code y = c - x}. */
    public static Tensor apply(Tape tape, float c, Tensor x) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        kn.fill(n, c, y.data(), y.offset());
        kn.axpy(n, -1f, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            // dx -= dy
            tape.record(() -> kn.axpy(n, -1f, y.grad(), y.gradOffset(), x.grad(), x.gradOffset()));
        }
        return y;
    }
}
