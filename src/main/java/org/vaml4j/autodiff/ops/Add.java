package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;
import org.vaml4j.kernel.Kernels;

/**
 * {@code y = a + b}, where b (or a) may broadcast over the leading axes of the other (its shape a
 * suffix of the other's, e.g. a bias [n] against [B, n]); and {@code y = x + c} for a constant c.
 */
public final class Add {

    private Add() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of("add", a, b);
        Kernels kn = tape.kernels();
        Tensor y = tape.output(a.requiresGrad() || b.requiresGrad(), bc.outShape);
        bc.forward(kn, Binary.ADD, a, b, y);
        if (y.requiresGrad()) {
            tape.record(() -> {
                // da += dy ; db += dy (summed over the broadcast rows)
                if (a.requiresGrad()) bc.accumulate(kn, y.grad(), y.gradOffset(), a, bc.aSmall);
                if (b.requiresGrad()) bc.accumulate(kn, y.grad(), y.gradOffset(), b, bc.bSmall);
            });
        }
        return y;
    }

    /** {@code y = x + c}. */
    public static Tensor apply(Tape tape, Tensor x, float c) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        kn.fill(n, c, y.data(), y.offset());
        kn.axpy(n, 1f, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            // dx += dy
            tape.record(() -> kn.axpy(n, 1f, y.grad(), y.gradOffset(), x.grad(), x.gradOffset()));
        }
        return y;
    }
}
