package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * The reparameterized tanh-squashed Gaussian of SAC (Haarnoja et al. 2018, appendix C), fused:
 * <pre>
 *   u = mean + exp(logStd) eps,   action = tanh(u)
 *   logProb = sum_j [ -eps_j^2 / 2 - logStd_j - log(2 pi) / 2 - log(1 - tanh(u_j)^2) ]
 *   log(1 - tanh(u)^2) = 2 (log 2 - u - softplus(-2u))      (exact, stable for large |u|)
 * </pre>
 * mean, logStd, eps [..., A] of one shape (eps usually a constant N(0, 1) draw); action has
 * that shape, logProb [..., 1] (the action axis summed, kept with length 1 so it lines up with
 * Q-values [..., 1]). Both outputs are differentiable; one backward rule serves both:
 * {@code du = dAction (1 - a^2) + dLogProb 2a}, {@code dmean += du},
 * {@code dlogStd += du std eps - dLogProb}, {@code deps += du std - dLogProb eps}.
 * Fused because the stable correction and the shared u would otherwise cost about ten ops and
 * buffers on the hottest path of the actor update.
 */
public final class TanhGaussianLogProb {

    private TanhGaussianLogProb() {}

    /** The squashed sample and its log-density. */
    public record Result(Tensor action, Tensor logProb) {}

    private static final double HALF_LOG_2PI = 0.5 * StrictMath.log(2 * Math.PI);
    private static final double LOG_2 = StrictMath.log(2);

    public static Result apply(Tape tape, Tensor mean, Tensor logStd, Tensor eps) {
        Shapes.requireSame("tanh gaussian logprob (mean, logStd)", mean, logStd);
        Shapes.requireSame("tanh gaussian logprob (mean, eps)", mean, eps);
        if (mean.rank() < 1) throw new IllegalArgumentException("tanh gaussian logprob: needs rank >= 1, got shape []");
        int[] shape = mean.shape();
        int a = shape[shape.length - 1];
        int rows = Shapes.product(shape, 0, shape.length - 1);
        int[] lpShape = shape.clone();
        lpShape[lpShape.length - 1] = 1;
        boolean grad = mean.requiresGrad() || logStd.requiresGrad() || eps.requiresGrad();
        Tensor action = tape.output(grad, shape);      // (rows x a)
        Tensor logProb = tape.output(grad, lpShape);   // (rows x 1)
        float[] m = mean.data(), ls = logStd.data(), e = eps.data(), act = action.data(), lp = logProb.data();
        int mo = mean.offset(), lso = logStd.offset(), eo = eps.offset(), ao = action.offset();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < a; j++) {
                int k = r * a + j;
                double std = StrictMath.exp(ls[lso + k]);
                double u = m[mo + k] + std * e[eo + k];
                act[ao + k] = (float) StrictMath.tanh(u);
                double log1mTanh2 = 2 * (LOG_2 - u - softplus(-2 * u));
                sum += -0.5 * e[eo + k] * e[eo + k] - ls[lso + k] - HALF_LOG_2PI - log1mTanh2;
            }
            lp[logProb.offset() + r] = (float) sum;
        }
        if (grad && action.requiresGrad()) {
            tape.record(() -> {
                float[] dA = action.grad(), dLp = logProb.grad();
                float[] dm = mean.grad(), dls = logStd.grad(), de = eps.grad();
                for (int r = 0; r < rows; r++) {
                    float gLp = dLp[logProb.gradOffset() + r];
                    for (int j = 0; j < a; j++) {
                        int k = r * a + j;
                        float std = (float) StrictMath.exp(ls[lso + k]);
                        float t = act[ao + k];
                        float du = dA[action.gradOffset() + k] * (1f - t * t) + gLp * 2f * t;
                        if (dm != null) dm[mean.gradOffset() + k] += du;
                        if (dls != null) dls[logStd.gradOffset() + k] += du * std * e[eo + k] - gLp;
                        if (de != null) de[eps.gradOffset() + k] += du * std - gLp * e[eo + k];
                    }
                }
            });
        }
        return new Result(action, logProb);
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }
}
