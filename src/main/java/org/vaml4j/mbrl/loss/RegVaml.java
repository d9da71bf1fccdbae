package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;

/**
 * {@code reg-vaml}: regularized VAML, Lovatto et al. eq. 10
 * <pre>
 *   L = alpha * L_MLE + (1 - alpha) * (L_IterVAML-value + reward MSE),   alpha = schedule(ctx.step)
 * </pre>
 * with L_MLE of {@link GaussianNllLoss} (bound penalty 0.01) and the IterVAML value term of
 * {@link IterVaml}, on one shared prediction. alpha (the "MLE coefficient") is a pure function of
 * the caller's step counter ({@link LossContext#step()}); by default Lovatto's schedule: 1 during a
 * 10 000-step warm-up, then 0.001 decaying linearly to 0 at 60 000 steps. At alpha = 1 the loss is
 * exactly {@code mle} (the value term is not even evaluated). Decision: the reward output, which
 * Lovatto et al. take as known, is learned by the NLL and, with weight 1 - alpha, by an MSE.
 */
public final class RegVaml implements ModelLoss {

    private final PiecewiseLinear alpha;
    private final int samples;
    private final float boundPenalty;

    /**
     * @param alpha        MLE coefficient schedule over the caller's steps, values in [0, 1]
     * @param samples      model samples per transition of the IterVAML term, >= 1 (Lovatto: 10)
     * @param boundPenalty weight of the NLL's log-variance-bound term (0.01)
     */
    public RegVaml(PiecewiseLinear alpha, int samples, float boundPenalty) {
        if (alpha == null) throw new IllegalArgumentException("reg-vaml: alpha schedule must not be null");
        for (double v : alpha.values()) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("reg-vaml: alpha must stay in [0, 1], schedule " + alpha);
        }
        this.alpha = alpha;
        this.samples = ModelAdvantage.checkSamples("reg-vaml", samples);
        if (!(boundPenalty >= 0) || !Float.isFinite(boundPenalty)) {
            throw new IllegalArgumentException("reg-vaml: bound penalty must be finite and >= 0, got " + boundPenalty);
        }
        this.boundPenalty = boundPenalty;
    }

    /** alpha at the given step. */
    public double alphaAt(long step) { return alpha.at(step); }

    @Override public String id() { return "reg-vaml"; }
    @Override public String description() { return "alpha * mle + (1 - alpha) * itervaml, alpha decaying linearly to 0"; }
    @Override public String reference() { return "Lovatto et al. eq. 10"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        GaussianNllLoss.requireProbabilistic(model, id());
        float a = (float) alpha.at(ctx.step());
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        if (a == 1f) return GaussianNllLoss.nll(tape, model, p, batch, boundPenalty);
        Tensor vaml = Add.apply(tape, IterVaml.valueTerm(tape, ctx.values(), model, p, batch, ctx.rng(), samples),
                LossTerms.rewardMse(tape, p, batch));
        if (a == 0f) return vaml;
        Tensor mle = GaussianNllLoss.nll(tape, model, p, batch, boundPenalty);
        return Add.apply(tape, Mul.apply(tape, mle, a), Mul.apply(tape, vaml, 1f - a));
    }
}
