package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;

/**
 * {@code mse}: mean squared error of the predicted mean (VaGraM App. F, deterministic models)
 * <pre>
 *   L = sum_e mean_{b, j} (mu_ebj - y_ebj)^2,   y = [s' - s, r]
 * </pre>
 * the reward being one of the ds + 1 outputs. A probabilistic model is scored on its mean.
 */
public final class MseLoss implements ModelLoss {

    @Override public String id() { return "mse"; }
    @Override public String description() { return "mean squared error of the predicted [delta-state, reward]"; }
    @Override public String reference() { return "VaGraM App. F (deterministic model)"; }
    @Override public boolean needsValues() { return false; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        return mse(tape, model.predict(tape, batch.states(0), batch.actions(0)), batch);
    }

    /** The MSE of a prediction made from step 0 of the batch (shared with {@link IterVamlPlusMse}). */
    static Tensor mse(Tape tape, ModelPrediction p, ModelBatch batch) {
        Tensor y = LossTerms.target(tape, batch, 0);                                     // (E x B x (ds + 1))
        Tensor sq = Square.apply(tape, Sub.apply(tape, p.mean(), y));
        return Mul.apply(tape, LossTerms.memberSumOfMeans(tape, sq, batch.batch()), 1f / y.dim(2));
    }
}
