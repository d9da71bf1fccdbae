package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.nn.SoftValueFunctions;
import org.vaml4j.nn.ValueFunctions;
import org.vaml4j.random.Gaussian;

/**
 * {@code vaml-sac}: IterVAML for SAC's soft Bellman backup, VaGraM App. C eq. 17
 * <pre>
 *   L = scale * sum_e mean_b (1/K) sum_k ( V_soft,k(s') - (1/n) sum_i V_soft,k(s_hat_i) )^2  +  reward MSE
 *   V_soft,k(x) = E_{a ~ pi(.|x)} [ Q_k(x, a) - alpha log pi(a|x) ]
 * </pre>
 * Decisions: eq. 17 (garbled) is read as {@code V^pi(s') - E_p_hat V^pi(s_hat) - (E_pi log pi at s'
 * - E_p_hat E_pi log pi at s_hat)}, i.e. the IterVAML error of the soft value with V^pi = E_a Q;
 * the paper's eq. 15 omits the temperature, we weight the entropy terms with the agent's alpha
 * (as SAC's soft value does). The inner expectation over actions is one reparameterized action
 * per sample, with the same action noise at s' and at s_hat_i (common random numbers), so the
 * gradient reaches the model through s_hat, the action pi(s_hat) and log pi; the agent is constant.
 */
public final class VamlSac implements ModelLoss {

    private final int samples;
    private final float scale;

    /**
     * @param samples model samples (each with its own action noise) per transition, >= 1
     * @param scale   weight of the value term, > 0
     */
    public VamlSac(int samples, float scale) {
        this.samples = ModelAdvantage.checkSamples("vaml-sac", samples);
        this.scale = Vagram.checkScale("vaml-sac", scale);
    }

    @Override public String id() { return "vaml-sac"; }
    @Override public String description() { return "IterVAML on SAC's soft value E_a[Q(s,a) - alpha log pi(a|s)] (entropy terms included)"; }
    @Override public String reference() { return "VaGraM App. C eq. 17"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        ValueFunctions v = ctx.values();
        if (!(v instanceof SoftValueFunctions vf)) {
            throw new IllegalArgumentException("model loss 'vaml-sac' needs soft values (nn.SoftValueFunctions: the "
                    + "policy's log-probabilities and temperature); the context's value functions are " + v.getClass().getSimpleName());
        }
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        Tensor[] hat = ModelAdvantage.samples(tape, model, batch.states(0), p, ctx.rng(), samples);
        // one action-noise draw per model sample (a deterministic model still averages n action draws)
        Tensor[] sHat = new Tensor[samples];
        Tensor[] noise = new Tensor[samples];
        int rows = batch.members() * batch.batch();
        for (int i = 0; i < samples; i++) {
            sHat[i] = hat[Math.min(i, hat.length - 1)];
            noise[i] = tape.output(false, rows, vf.actionDim());                       // (E*B x da)
            float[] d = noise[i].data();
            for (int j = 0; j < noise[i].size(); j++) d[noise[i].offset() + j] = (float) Gaussian.next(ctx.rng());
        }
        Tensor total = null;
        for (int k = 0; k < vf.count(); k++) {
            Tensor a = ModelAdvantage.softAdvantage(tape, vf, k, batch.states(1), sHat, noise);   // (E x B x 1)
            Tensor sq = Sum.apply(tape, Square.apply(tape, a));
            total = total == null ? sq : Add.apply(tape, total, sq);
        }
        Tensor value = Mul.apply(tape, total, scale / (vf.count() * batch.batch()));
        return Add.apply(tape, value, LossTerms.rewardMse(tape, p, batch));
    }
}
