package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;

/**
 * {@code itervaml+mse}: IterVAML stabilized by an MSE term, VaGraM App. D
 * <pre>
 *   L = scale * L_IterVAML-value + reward MSE + lambda * L_MSE     (paper: lambda = 0.01)
 * </pre>
 * with the terms of {@link IterVaml} and {@link MseLoss} on one shared prediction.
 */
public final class IterVamlPlusMse implements ModelLoss {

    private final int samples;
    private final float scale;
    private final float mseWeight;

    /**
     * @param samples   model samples per transition, >= 1
     * @param scale     weight of the IterVAML value term, > 0
     * @param mseWeight lambda, the weight of the MSE term, >= 0 (paper: 0.01)
     */
    public IterVamlPlusMse(int samples, float scale, float mseWeight) {
        this.samples = ModelAdvantage.checkSamples("itervaml+mse", samples);
        this.scale = Vagram.checkScale("itervaml+mse", scale);
        if (!(mseWeight >= 0) || !Float.isFinite(mseWeight)) {
            throw new IllegalArgumentException("itervaml+mse: lambda must be finite and >= 0, got " + mseWeight);
        }
        this.mseWeight = mseWeight;
    }

    @Override public String id() { return "itervaml+mse"; }
    @Override public String description() { return "itervaml + lambda * mse (lambda 0.01) against IterVAML's divergence"; }
    @Override public String reference() { return "VaGraM App. D"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        Tensor value = IterVaml.valueTerm(tape, ctx.values(), model, p, batch, ctx.rng(), samples);
        Tensor l = Add.apply(tape, Mul.apply(tape, value, scale), LossTerms.rewardMse(tape, p, batch));
        return Add.apply(tape, l, Mul.apply(tape, MseLoss.mse(tape, p, batch), mseWeight));
    }
}
