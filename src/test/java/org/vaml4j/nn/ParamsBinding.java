package org.vaml4j.nn;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * Test helper: lets GradCheck perturb and read the gradient of a whole {@link Params} by binding
 * it to a flat input tensor: values are copied in, and a backward rule recorded first (so it runs
 * last) copies the accumulated parameter gradient out to the tensor.
 */
public final class ParamsBinding {

    private ParamsBinding() {}

    public static void bind(Tape tape, Params p, Tensor flat) {
        System.arraycopy(flat.data(), flat.offset(), p.data(), 0, p.size());
        p.zeroGrad();
        if (flat.requiresGrad()) {
            tape.record(() -> {
                for (int i = 0; i < p.size(); i++) flat.grad()[flat.gradOffset() + i] += p.grad()[i];
            });
        }
    }

    /** The params' current values as a variable tensor. */
    public static Tensor variable(Params p) {
        return Tensor.variable(p.data().clone(), p.size());
    }
}
