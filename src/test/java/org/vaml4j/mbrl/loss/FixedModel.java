package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;

/** Test double: predicts the given mean (E x B x (ds + 1)) and log-variance (or none) whatever the input. */
final class FixedModel implements ModelFn {

    private final Tensor mean, logVar;
    private final int actionDim;

    FixedModel(Tensor mean, Tensor logVar, int actionDim) {
        this.mean = mean;
        this.logVar = logVar;
        this.actionDim = actionDim;
    }

    @Override public int members() { return mean.dim(0); }
    @Override public int stateDim() { return mean.dim(2) - 1; }
    @Override public int actionDim() { return actionDim; }
    @Override public boolean probabilistic() { return logVar != null; }

    @Override
    public ModelPrediction predict(Tape tape, Tensor states, Tensor actions) {
        return new ModelPrediction(mean, logVar);
    }

    @Override
    public Tensor logVarBoundGap(Tape tape) {
        Tensor t = tape.output(false);
        t.data()[t.offset()] = 2f;
        return t;
    }
}
