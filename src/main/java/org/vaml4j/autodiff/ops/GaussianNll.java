package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * Elementwise Gaussian negative log-likelihood in the MBPO / mbrl-lib convention (no 1/2, no
 * log 2 pi): {@code y = (mean - target)^2 exp(-logVar) + logVar}, all three of one shape.
 * Fused because exp(-logVar) is never formed as a separate tensor (one pass, one buffer) and the
 * derivative in logVar is {@code 1 - d^2 exp(-logVar)} without going through a division by the
 * variance. The per-model loss of mbrl-lib is {@code Mean} of this over batch and output axes
 * (summed over ensemble members); bound logVar first with {@link BoundedLogVar}.
 */
public final class GaussianNll {

    private GaussianNll() {}

    public static Tensor apply(Tape tape, Tensor mean, Tensor logVar, Tensor target) {
        Shapes.requireSame("gaussian nll (mean, logVar)", mean, logVar);
        Shapes.requireSame("gaussian nll (mean, target)", mean, target);
        int n = mean.size();
        float[] m = mean.data(), lv = logVar.data(), t = target.data();
        int mo = mean.offset(), lvo = logVar.offset(), to = target.offset();
        Tensor y = tape.outputLike(mean.requiresGrad() || logVar.requiresGrad() || target.requiresGrad(), mean);
        float[] yd = y.data();
        int yo = y.offset();
        for (int i = 0; i < n; i++) {
            float d = m[mo + i] - t[to + i];
            yd[yo + i] = d * d * (float) StrictMath.exp(-lv[lvo + i]) + lv[lvo + i];
        }
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dmean += 2 d e^-lv dy ; dtarget -= 2 d e^-lv dy ; dlogVar += (1 - d^2 e^-lv) dy
                float[] dy = y.grad(), dm = mean.grad(), dlv = logVar.grad(), dt = target.grad();
                int dyo = y.gradOffset();
                for (int i = 0; i < n; i++) {
                    float d = m[mo + i] - t[to + i];
                    float iv = (float) StrictMath.exp(-lv[lvo + i]);
                    float g = dy[dyo + i];
                    float gm = 2f * d * iv * g;
                    if (dm != null) dm[mean.gradOffset() + i] += gm;
                    if (dt != null) dt[target.gradOffset() + i] -= gm;
                    if (dlv != null) dlv[logVar.gradOffset() + i] += (1f - d * d * iv) * g;
                }
            });
        }
        return y;
    }
}
