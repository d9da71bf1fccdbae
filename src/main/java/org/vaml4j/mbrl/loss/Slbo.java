package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.L2Norm;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;

/**
 * {@code slbo}: SLBO's multi-step loss, MW eq. 11
 * <pre>
 *   L = sum_e mean_b sum_{h=0}^{H-1} valid_h || (s_hat_{h+1} - s_hat_h) - (s_{h+1} - s_h) ||_2  +  reward MSE
 *   s_hat_0 = s_0,  s_hat_{h+1} = s_hat_h + mu_delta(s_hat_h, a_h)
 * </pre>
 * For H = 2 the h = 0 term is {@code ||s_hat_1 - s_1||} and the h = 1 term the smoothness term of
 * eq. 11. Decisions: the L2 norm is not squared (eq. 11; SLBO's code does the same); the rollout
 * uses the predicted mean (SLBO's model is deterministic); SLBO's code divides by the std of the
 * state differences and by H, which we do not (the loss sees raw units; eq. 11 has neither).
 */
public final class Slbo implements ModelLoss {

    private final int horizon;

    /** @param horizon H >= 1 model steps (eq. 11: 2) */
    public Slbo(int horizon) {
        if (horizon < 1) throw new IllegalArgumentException("slbo: horizon must be >= 1, got " + horizon);
        this.horizon = horizon;
    }

    @Override public String id() { return "slbo"; }
    @Override public String description() { return "||s_hat_t+1 - s_t+1|| + ||(s_hat_t+2 - s_hat_t+1) - (s_t+2 - s_t+1)|| over multi-step predictions"; }
    @Override public String reference() { return "MW eq. 11 (SLBO, Luo et al. 2018)"; }
    @Override public boolean needsValues() { return false; }
    @Override public int horizon() { return horizon; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        int ds = batch.stateDim();
        Tensor sHat = batch.states(0);
        Tensor total = null, reward = null;
        for (int h = 0; h < horizon; h++) {
            ModelPrediction p = model.predict(tape, sHat, batch.actions(h));
            Tensor delta = Slice.apply(tape, p.mean(), 0, ds);                           // s_hat_{h+1} - s_hat_h
            Tensor real = Sub.apply(tape, batch.states(h + 1), batch.states(h));         // s_{h+1} - s_h, constant
            Tensor norm = L2Norm.apply(tape, Sub.apply(tape, delta, real), true);        // (E x B x 1)
            Tensor term = Sum.apply(tape, Mul.apply(tape, norm, batch.valid(h)));
            total = total == null ? term : Add.apply(tape, total, term);
            if (h == 0) reward = LossTerms.rewardMse(tape, p, batch);
            sHat = Add.apply(tape, sHat, delta);
        }
        return Add.apply(tape, Mul.apply(tape, total, 1f / batch.batch()), reward);
    }
}
