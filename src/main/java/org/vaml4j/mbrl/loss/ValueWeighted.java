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
import org.vaml4j.nn.ValueFunctions;

/**
 * {@code value-weighted}: the value-weighted regression baseline of VaGraM App. D (after Nair et
 * al. 2020), "the MSE error multiplied by the inverse of the value function of the sample":
 * <pre>
 *   u_i = 1 / (|(1/K) sum_k V_k(s'_i)| + eps),   w_i = u_i / mean_i u_i     (over all E x B rows)
 *   L   = scale * sum_e mean_b w_b (1/ds) ||f(s, a) - s'||^2  +  reward MSE
 * </pre>
 * Decisions: the value is taken at the real next state s' (the sample); |V| + eps keeps the
 * weight finite and positive for negative or near-zero values; the weights are normalized to mean
 * 1 per batch so the loss stays on the scale of the MSE. (The public code weights by |V| instead,
 * at the wrong point, research.md §B.9; we follow the paper.) Weights are constants.
 */
public final class ValueWeighted implements ModelLoss {

    private final float eps;
    private final float scale;

    /**
     * @param eps   added to |V| before inverting, > 0
     * @param scale weight of the weighted state term, > 0
     */
    public ValueWeighted(float eps, float scale) {
        if (!(eps > 0) || !Float.isFinite(eps)) throw new IllegalArgumentException("value-weighted: eps must be finite and > 0, got " + eps);
        this.eps = eps;
        this.scale = Vagram.checkScale("value-weighted", scale);
    }

    @Override public String id() { return "value-weighted"; }
    @Override public String description() { return "MSE scaled per sample by the inverse of |V(s')| (normalized to mean 1)"; }
    @Override public String reference() { return "VaGraM App. D (Nair et al. 2020)"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        Tensor w = weights(tape, ctx.values(), batch);                                  // (E x B x 1)
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        Tensor e = LossTerms.stateError(tape, p, batch);                               // (E x B x ds)
        Tensor sq = Sum.apply(tape, Square.apply(tape, e), -1, true);                   // (E x B x 1)
        Tensor state = LossTerms.memberSumOfMeans(tape, Mul.apply(tape, w, sq), batch.batch());
        return Add.apply(tape, Mul.apply(tape, state, scale / batch.stateDim()), LossTerms.rewardMse(tape, p, batch));
    }

    /** The normalized inverse-value weights (E x B x 1), a constant. */
    private Tensor weights(Tape tape, ValueFunctions vf, ModelBatch batch) {
        int rows = batch.members() * batch.batch();
        Tensor w = tape.output(false, batch.members(), batch.batch(), 1);
        float[] wd = w.data();
        java.util.Arrays.fill(wd, w.offset(), w.offset() + rows, 0f);
        boolean grad = tape.gradEnabled();
        tape.setGradEnabled(false);
        try {
            for (int k = 0; k < vf.count(); k++) {
                Tensor v = LossTerms.values(tape, vf, k, batch.states(1));              // (E x B x 1)
                for (int i = 0; i < rows; i++) wd[w.offset() + i] += v.get(i) / vf.count();
            }
        } finally {
            tape.setGradEnabled(grad);
        }
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            float u = 1f / (Math.abs(wd[w.offset() + i]) + eps);
            wd[w.offset() + i] = u;
            sum += u;
        }
        float norm = (float) (rows / sum);
        for (int i = 0; i < rows; i++) wd[w.offset() + i] *= norm;
        return w;
    }
}
