package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.Unary;

/** The shared body of the elementwise activations, whose derivative the kernels know. */
final class Pointwise {

    private Pointwise() {}

    /** {@code y = f(x)}; backward {@code dx += dy * f'(x)} through {@link Kernels#activationBackward}. */
    static Tensor activation(Tape tape, Tensor x, Unary f, Activation act) {
        Kernels kn = tape.kernels();
        int n = x.size();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        kn.unary(f, n, x.data(), x.offset(), y.data(), y.offset());
        if (y.requiresGrad()) {
            tape.record(() -> kn.activationBackward(act, n, x.data(), x.offset(), y.data(), y.offset(),
                    y.grad(), y.gradOffset(), x.grad(), x.gradOffset()));
        }
        return y;
    }
}
