package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Abs;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelStep;
import org.vaml4j.nn.ValueFunctions;

/**
 * The value-predictive smoothness term alone, MW eq. 12 (use it through {@link WithVps}):
 * <pre>
 *   L_VPS = sum_e mean_b (1/K) sum_k (1/(H-1)) sum_{h=1}^{H-1} valid_h
 *           | (V_k(s_hat_{h+1}) - V_k(s_hat_h)) - (V_k(s_{h+1}) - V_k(s_h)) |
 * </pre>
 * with multi-step model predictions {@code s_hat_0 = s_0, s_hat_{h+1} ~ p_hat(s_hat_h, a_h)}
 * (pathwise, the gradient flows through the whole rollout). Decisions: the ||.||_2 of eq. 12 is
 * the norm of a scalar, i.e. |.| per segment, averaged over the batch like SLBO's term; H = 2 is
 * eq. 12 exactly ({@code s_{t:t+2}}), a longer H averages the consecutive pairs. No reward term.
 */
public final class Vps implements ModelLoss {

    private final int horizon;

    /** @param horizon H >= 2 model steps per segment (eq. 12: 2) */
    public Vps(int horizon) {
        if (horizon < 2) throw new IllegalArgumentException("vps: horizon must be >= 2, got " + horizon);
        this.horizon = horizon;
    }

    @Override public String id() { return "vps-term"; }
    @Override public String description() { return "|(V(s_hat_t+2) - V(s_hat_t+1)) - (V(s_t+2) - V(s_t+1))| with multi-step predictions"; }
    @Override public String reference() { return "MW eq. 12"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return horizon; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        ValueFunctions vf = ctx.values();
        int e = batch.members(), b = batch.batch();
        // ---- rollout s_hat_0 = s_0, s_hat_{h+1} = sample(s_hat_h, a_h) ----
        Tensor[] sHat = new Tensor[horizon + 1];
        sHat[0] = batch.states(0);
        for (int h = 0; h < horizon; h++) {
            Tensor eps = LossTerms.noise(tape, ctx.rng(), model, e, b);
            sHat[h + 1] = model.step(tape, sHat[h], batch.actions(h), eps).nextStates();
        }
        // ---- value differences of consecutive predictions against the real ones ----
        Tensor total = null;
        for (int k = 0; k < vf.count(); k++) {
            Tensor vHatPrev = LossTerms.values(tape, vf, k, sHat[1]);
            Tensor vPrev = LossTerms.values(tape, vf, k, batch.states(1));
            for (int h = 1; h < horizon; h++) {
                Tensor vHat = LossTerms.values(tape, vf, k, sHat[h + 1]);
                Tensor v = LossTerms.values(tape, vf, k, batch.states(h + 1));
                Tensor d = Sub.apply(tape, Sub.apply(tape, vHat, vHatPrev), Sub.apply(tape, v, vPrev));   // (E x B x 1)
                Tensor term = Sum.apply(tape, Mul.apply(tape, Abs.apply(tape, d), batch.valid(h)));
                total = total == null ? term : Add.apply(tape, total, term);
                vHatPrev = vHat;
                vPrev = v;
            }
        }
        return Mul.apply(tape, total, 1f / (vf.count() * b * (horizon - 1)));
    }
}
