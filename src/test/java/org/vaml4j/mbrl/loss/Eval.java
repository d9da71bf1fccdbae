package org.vaml4j.mbrl.loss;

import java.util.SplittableRandom;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.nn.ValueFunctions;

/** Evaluates a loss (value and the gradients of given variables) on a fresh tape with a seeded context. */
final class Eval {

    private Eval() {}

    record Result(double value, float[][] grads) {}

    static Result run(ModelLoss loss, ModelFn model, ModelBatch batch, ValueFunctions values, long seed, Tensor... vars) {
        return run(loss, model, batch, new LossContext(values, null, new SplittableRandom(seed), 0), vars);
    }

    static Result run(ModelLoss loss, ModelFn model, ModelBatch batch, LossContext ctx, Tensor... vars) {
        for (Tensor v : vars) v.zeroGrad();
        Tape tape = new Tape(new ScalarKernels());
        Tensor l = loss.loss(tape, model, batch, ctx);
        if (l.requiresGrad()) tape.backward(l);
        float[][] g = new float[vars.length][];
        for (int i = 0; i < vars.length; i++) g[i] = vars[i].gradToArray();
        return new Result(l.item(), g);
    }

    static double value(ModelLoss loss, ModelFn model, ModelBatch batch, ValueFunctions values, long seed) {
        return run(loss, model, batch, values, seed).value();
    }
}
