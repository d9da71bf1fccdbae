package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Dense;
import org.vaml4j.kernel.Activation;
import org.vaml4j.nn.ValueFunctions;

/** Test double: linear value functions {@code V_k(s) = g_k . s + c_k}, so dV_k/ds = g_k everywhere. */
final class LinearValues implements ValueFunctions {

    private final Tensor[] g, c;   // per k: (ds x 1), (1)
    private final int stateDim;

    /** gradients[k] is g_k (length ds), offsets[k] is c_k. */
    LinearValues(float[][] gradients, float[] offsets) {
        stateDim = gradients[0].length;
        g = new Tensor[gradients.length];
        c = new Tensor[gradients.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = Tensor.constant(gradients[k].clone(), stateDim, 1);
            c[k] = Tensor.constant(new float[] {offsets[k]}, 1);
        }
    }

    @Override public int count() { return g.length; }
    @Override public int stateDim() { return stateDim; }

    @Override
    public Tensor value(Tape tape, int k, Tensor states) {
        return Dense.apply(tape, states, g[k], c[k], Activation.IDENTITY);   // (N x 1)
    }
}
