package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.nn.ValueFunctions;

/**
 * The shared body of {@link MaDirectL1} and {@link MaDirectL2}, MA eq. 8 over whole trajectories:
 * per member e and value function k,
 * <pre>
 *   D_ek = (1/m) sum_{trajectories b} sum_{t < H} valid_t gamma^t ( V_k(s_{t+1}) - (1/n) sum_i V_k(s_hat_{t+1,i}) )
 * </pre>
 * with m = B trajectories per member (the batch's segments, padded with valid = 0 after the
 * end), s_hat_{t+1} sampled one step from the REAL s_t, a_t (eq. 8 has no multi-step rollout).
 * The loss is {@code scale * sum_e (1/K) sum_k norm(D_ek)} plus the reward MSE over every valid
 * step, {@code sum_e (1/B) sum_b (1/H) sum_t valid_t (r_hat_t - r_t)^2}.
 * Decision: the garbled eq. 8 factor "gamma t / m" is read as gamma^t / m (eq. 6 carries an
 * extra constant gamma, dropped as a rescaling).
 */
abstract class MaDirect implements ModelLoss {

    private final float gamma;
    private final int samples;
    private final int horizon;
    private final float scale;

    MaDirect(String id, float gamma, int samples, int horizon, float scale) {
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException(id + ": gamma must be in (0, 1], got " + gamma);
        if (horizon < 1) throw new IllegalArgumentException(id + ": horizon must be >= 1, got " + horizon);
        this.gamma = gamma;
        this.samples = ModelAdvantage.checkSamples(id, samples);
        this.horizon = horizon;
        this.scale = Vagram.checkScale(id, scale);
    }

    @Override public boolean needsValues() { return true; }

    /** The trajectory length the sampler should provide; every step of the batch is read. */
    @Override public int horizon() { return horizon; }

    /** |D| or D^2 of the per-member mean discounted advantage sums D (E x 1). */
    abstract Tensor norm(Tape tape, Tensor d);

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        ValueFunctions vf = ctx.values();
        int kCount = vf.count(), h = batch.horizon(), b = batch.batch(), ds = batch.stateDim();
        Tensor[] sums = new Tensor[kCount];                                              // per k: (E x B x 1)
        Tensor reward = null;
        float discount = 1f;
        for (int t = 0; t < h; t++) {
            // ---- one-step prediction from the real s_t ----
            ModelPrediction p = model.predict(tape, batch.states(t), batch.actions(t));
            Tensor[] hat = ModelAdvantage.samples(tape, model, batch.states(t), p, ctx.rng(), samples);
            Tensor valid = batch.valid(t);                                               // (E x B x 1)
            for (int k = 0; k < kCount; k++) {
                Tensor a = ModelAdvantage.advantage(tape, vf, k, batch.states(t + 1), hat);
                Tensor term = Mul.apply(tape, Mul.apply(tape, a, valid), discount);      // valid_t gamma^t A_kt
                sums[k] = sums[k] == null ? term : Add.apply(tape, sums[k], term);
            }
            Tensor rErr = Sub.apply(tape, Slice.apply(tape, p.mean(), ds, ds + 1), batch.rewards(t));
            Tensor r = Sum.apply(tape, Mul.apply(tape, Square.apply(tape, rErr), valid));
            reward = reward == null ? r : Add.apply(tape, reward, r);
            discount *= gamma;
        }
        // ---- sum_e (1/K) sum_k norm((1/m) sum_b D) ----
        Tensor value = null;
        for (int k = 0; k < kCount; k++) {
            Tensor d = Mul.apply(tape, Sum.apply(tape, sums[k], 1, false), 1f / b);      // (E x 1)
            Tensor n = Sum.apply(tape, norm(tape, d));
            value = value == null ? n : Add.apply(tape, value, n);
        }
        value = Mul.apply(tape, value, scale / kCount);
        return Add.apply(tape, value, Mul.apply(tape, reward, 1f / (b * h)));
    }
}
