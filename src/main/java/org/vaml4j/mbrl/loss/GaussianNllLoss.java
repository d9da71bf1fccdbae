package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.GaussianNll;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;

/**
 * {@code mle}: MBPO's Gaussian negative log-likelihood (research.md §A.3, VaGraM §2.1)
 * <pre>
 *   L = sum_e mean_{b, j} [ (mu_ebj - y_ebj)^2 exp(-logVar_ebj) + logVar_ebj ]
 *       + penalty * (sum maxLogVar - sum minLogVar)
 * </pre>
 * over the outputs {@code y = [s' - s, r]} (the reward is one of the modelled outputs), without
 * the 1/2 and log(2 pi) constants, members summed, the bound term added once. Needs a
 * probabilistic model.
 */
public final class GaussianNllLoss implements ModelLoss {

    private final float boundPenalty;

    /** @param boundPenalty weight of the log-variance-bound term (MBPO: 0.01) */
    public GaussianNllLoss(float boundPenalty) {
        if (!(boundPenalty >= 0) || !Float.isFinite(boundPenalty)) {
            throw new IllegalArgumentException("mle: bound penalty must be finite and >= 0, got " + boundPenalty);
        }
        this.boundPenalty = boundPenalty;
    }

    /** Weight of the log-variance-bound term. */
    public float boundPenalty() { return boundPenalty; }

    @Override public String id() { return "mle"; }
    @Override public String description() { return "Gaussian negative log-likelihood with the log-variance bound penalty (MBPO)"; }
    @Override public String reference() { return "MBPO (Janner et al. 2019); VaGraM §2.1"; }
    @Override public boolean needsValues() { return false; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        requireProbabilistic(model, id());
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        return nll(tape, model, p, batch, boundPenalty);
    }

    /** The NLL of a prediction made from step 0 of the batch (shared with {@link RegVaml}). */
    static Tensor nll(Tape tape, ModelFn model, ModelPrediction p, ModelBatch batch, float boundPenalty) {
        Tensor y = LossTerms.target(tape, batch, 0);                                     // (E x B x (ds + 1))
        Tensor perElement = GaussianNll.apply(tape, p.mean(), p.logVar(), y);            // (E x B x (ds + 1))
        Tensor data = Mul.apply(tape, LossTerms.memberSumOfMeans(tape, perElement, batch.batch()), 1f / y.dim(2));
        if (boundPenalty == 0f) return data;
        return Add.apply(tape, data, Mul.apply(tape, model.logVarBoundGap(tape), boundPenalty));
    }

    static void requireProbabilistic(ModelFn model, String id) {
        if (!model.probabilistic()) {
            throw new IllegalArgumentException("model loss '" + id + "' needs a probabilistic (Gaussian) model; "
                    + "the model is deterministic (use mse or a value-aware loss)");
        }
    }
}
