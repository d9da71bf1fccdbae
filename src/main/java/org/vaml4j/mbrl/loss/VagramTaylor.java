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

/**
 * {@code vagram-taylor}: the first-order Taylor VAML loss, VaGraM eq. 5 (App. B)
 * <pre>
 *   L = scale * sum_e mean_b (1/K) sum_k (g_k . (f(s, a) - s'))^2  +  reward MSE
 * </pre>
 * with g_k the clipped value gradients at s' of {@link Vagram}. It is zero on the whole
 * hyperplane of errors orthogonal to g_k: the spurious minima that eq. 7 removes (an ablation).
 */
public final class VagramTaylor implements ModelLoss {

    private final double clipQuantile;
    private final float scale;

    /**
     * @param clipQuantile quantile of the gradient norms to clip at, in (0, 1] (1 = no clipping)
     * @param scale        weight of the value term, > 0
     */
    public VagramTaylor(double clipQuantile, float scale) {
        this.clipQuantile = Vagram.checkQuantile("vagram-taylor", clipQuantile);
        this.scale = Vagram.checkScale("vagram-taylor", scale);
    }

    @Override public String id() { return "vagram-taylor"; }
    @Override public String description() { return "squared first-order value change (dV/ds at s')^T (f - s') (unbounded Taylor VAML, spurious minima)"; }
    @Override public String reference() { return "VaGraM eq. 5, App. B"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        Tensor g = ValueGradients.at(tape, ctx.values(), batch, ctx, clipQuantile);    // (K x E x B x ds)
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        Tensor e = LossTerms.stateError(tape, p, batch);                               // (E x B x ds)
        Tensor taylor = firstOrder(tape, g, e);                                         // sum_e mean_b (1/K) sum_k (g_k.e)^2
        return Add.apply(tape, Mul.apply(tape, taylor, scale), LossTerms.rewardMse(tape, p, batch));
    }

    /** {@code sum_e mean_b (1/K) sum_k (g_k . e)^2} for g (K x E x B x ds), e (E x B x ds). */
    static Tensor firstOrder(Tape tape, Tensor g, Tensor e) {
        Tensor dots = Sum.apply(tape, Mul.apply(tape, g, e), -1, false);               // (K x E x B)
        return Mul.apply(tape, Sum.apply(tape, Square.apply(tape, dots)), 1f / (g.dim(0) * e.dim(1)));
    }
}
