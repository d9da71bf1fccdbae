package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.nn.ValueFunctions;

/**
 * {@code itervaml}: IterVAML (Farahmand 2018) as in VaGraM eq. 2, MA's "MA-VAML" and Lovatto eq. 9
 * <pre>
 *   L = scale * sum_e mean_b (1/K) sum_k ( V_k(s') - (1/n) sum_i V_k(s_hat_i) )^2  +  reward MSE
 * </pre>
 * with pathwise samples {@code s_hat_i = s + mu + sigma eps_i} ({@link ModelAdvantage}); the
 * expectation of eq. 2 is estimated inside the square by the mean of n samples (Lovatto et al.
 * use n = 10; a deterministic model uses its mean). Decision: the value functions are the K of
 * {@link ValueFunctions} (SAC: critics and target critics at the actor's mean action), each
 * squared on its own and averaged, as VaGraM does for its gradients; the reward output gets a
 * plain MSE term.
 */
public final class IterVaml implements ModelLoss {

    private final int samples;
    private final float scale;

    /**
     * @param samples model samples n per transition, >= 1
     * @param scale   weight of the value term, > 0 (MW Table 1 "alpha")
     */
    public IterVaml(int samples, float scale) {
        this.samples = ModelAdvantage.checkSamples("itervaml", samples);
        this.scale = Vagram.checkScale("itervaml", scale);
    }

    @Override public String id() { return "itervaml"; }
    @Override public String description() { return "squared difference of V(s') and the model's expected V(s_hat), pathwise samples"; }
    @Override public String reference() { return "VaGraM eq. 2; MA-VAML (MA §4.2); Lovatto eq. 9"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        Tensor value = valueTerm(tape, ctx.values(), model, p, batch, ctx.rng(), samples);
        return Add.apply(tape, Mul.apply(tape, value, scale), LossTerms.rewardMse(tape, p, batch));
    }

    /**
     * {@code sum_e mean_b (1/K) sum_k A_k^2} for a prediction made at step 0 of the batch (shared
     * with {@link IterVamlPlusMse}, {@link RegVaml} and {@link ValueAwareError}).
     */
    static Tensor valueTerm(Tape tape, ValueFunctions vf, ModelFn model, ModelPrediction p, ModelBatch batch,
                            RandomGenerator rng, int samples) {
        Tensor[] hat = ModelAdvantage.samples(tape, model, batch.states(0), p, rng, samples);
        Tensor total = null;
        for (int k = 0; k < vf.count(); k++) {
            Tensor sq = Sum.apply(tape, Square.apply(tape, ModelAdvantage.advantage(tape, vf, k, batch.states(1), hat)));
            total = total == null ? sq : Add.apply(tape, total, sq);
        }
        return Mul.apply(tape, total, 1f / (vf.count() * batch.batch()));
    }
}
