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
 * {@code vagram-hessian}: the second-order upper bound of VaGraM App. A eq. 12
 * <pre>
 *   L = scale * sum_e mean_b [ 2 (1/K) sum_k (g_k . e)^2 + 2 (M^2 / 4) ||e||^4 ]  +  reward MSE
 * </pre>
 * with e = f(s, a) - s', g_k the clipped value gradients at s' ({@link Vagram}) and M a bound on
 * the value function's Hessian, treated as a hyperparameter (the paper gives no value; default 1).
 * The garbled text reads "M/2 ||s' - f||2" in eq. 11: the Taylor remainder bound (M/2)||e||^2,
 * squared by the (a + b)^2 &lt;= 2a^2 + 2b^2 step into (M^2/4)||e||^4.
 */
public final class VagramHessian implements ModelLoss {

    private final double clipQuantile;
    private final float hessianBound;
    private final float scale;

    /**
     * @param clipQuantile quantile of the gradient norms to clip at, in (0, 1] (1 = no clipping)
     * @param hessianBound M >= 0
     * @param scale        weight of the value term, > 0
     */
    public VagramHessian(double clipQuantile, float hessianBound, float scale) {
        this.clipQuantile = Vagram.checkQuantile("vagram-hessian", clipQuantile);
        if (!(hessianBound >= 0) || !Float.isFinite(hessianBound)) {
            throw new IllegalArgumentException("vagram-hessian: M must be finite and >= 0, got " + hessianBound);
        }
        this.hessianBound = hessianBound;
        this.scale = Vagram.checkScale("vagram-hessian", scale);
    }

    @Override public String id() { return "vagram-hessian"; }
    @Override public String description() { return "2 x first-order Taylor term + 2 (M^2/4) ||f - s'||^4 (second-order upper bound)"; }
    @Override public String reference() { return "VaGraM App. A eq. 12"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return 1; }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        Tensor g = ValueGradients.at(tape, ctx.values(), batch, ctx, clipQuantile);    // (K x E x B x ds)
        ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
        Tensor e = LossTerms.stateError(tape, p, batch);                               // (E x B x ds)
        Tensor first = Mul.apply(tape, VagramTaylor.firstOrder(tape, g, e), 2f);
        Tensor sq = Sum.apply(tape, Square.apply(tape, e), -1, false);                  // (E x B) ||e||^2
        Tensor quartic = LossTerms.memberSumOfMeans(tape, Square.apply(tape, sq), batch.batch());
        Tensor state = Add.apply(tape, first, Mul.apply(tape, quartic, hessianBound * hessianBound / 2f));
        return Add.apply(tape, Mul.apply(tape, state, scale), LossTerms.rewardMse(tape, p, batch));
    }
}
