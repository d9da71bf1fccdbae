package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Abs;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.nn.ValueFunctions;

/**
 * {@code ma-l1}: the model-advantage upper bound, MA eq. 10 (MW eq. 10)
 * <pre>
 *   L = scale * sum_e mean_b (1/K) sum_k | V_k(s') - (1/n) sum_i V_k(s_hat_i) |  +  reward MSE
 * </pre>
 * the triangle-inequality bound of |mean advantage| (eq. 9), over single transitions.
 * Decisions: K value functions of {@link ValueFunctions} averaged (the MA code uses the first
 * critic with a sampled action, research.md §C.1); the expectation is estimated inside |.| by n
 * pathwise samples; the reward output gets an unscaled MSE term (as the MA code adds it).
 * MW Table 1 scales: 0.05 on the classic tasks and Hopper/HalfCheetah/Reacher, 0.5 on Ant/Swimmer.
 */
public final class MaL1 implements ModelLoss {

    private final int samples;
    private final float scale;

    /**
     * @param samples model samples per transition, >= 1
     * @param scale   alpha, the weight of the value term, > 0
     */
    public MaL1(int samples, float scale) {
        this.samples = ModelAdvantage.checkSamples("ma-l1", samples);
        this.scale = Vagram.checkScale("ma-l1", scale);
    }

    @Override public String id() { return "ma-l1"; }
    @Override public String description() { return "mean |V(s') - E_model[V(s_hat)]|, the model-advantage upper bound"; }
    @Override public String reference() { return "MA eq. 10; MW eq. 10"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        ValueFunctions vf = ctx.values();
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        Tensor[] hat = ModelAdvantage.samples(tape, model, batch.states(0), p, ctx.rng(), samples);
        Tensor total = null;
        for (int k = 0; k < vf.count(); k++) {
            Tensor abs = Sum.apply(tape, Abs.apply(tape, ModelAdvantage.advantage(tape, vf, k, batch.states(1), hat)));
            total = total == null ? abs : Add.apply(tape, total, abs);
        }
        Tensor value = Mul.apply(tape, total, scale / (vf.count() * batch.batch()));
        return Add.apply(tape, value, LossTerms.rewardMse(tape, p, batch));
    }
}
