package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * The soft bounds MBPO puts on a predicted log-variance (research.md A.3; mbrl-lib
 * {@code GaussianMLP}):
 * <pre>
 *   h = maxLogVar - softplus(maxLogVar - raw)
 *   y = minLogVar + softplus(h - minLogVar)
 * </pre>
 * raw [..., D]; maxLogVar and minLogVar [D] (or any suffix shape of raw, both the same), broadcast
 * over the leading axes and trainable (their gradients are summed over the rows). A fused op
 * rather than five composed ones: one pass, no intermediate buffers, and the derivatives are the
 * two sigmoids {@code s1 = sigmoid(max - raw)}, {@code s2 = sigmoid(h - min)}:
 * {@code dy/draw = s2 s1}, {@code dy/dmax = s2 (1 - s1)}, {@code dy/dmin = 1 - s2}.
 */
public final class BoundedLogVar {

    private BoundedLogVar() {}

    public static Tensor apply(Tape tape, Tensor raw, Tensor maxLogVar, Tensor minLogVar) {
        Shapes.requireSame("bounded logvar (maxLogVar, minLogVar)", maxLogVar, minLogVar);
        if (!Shapes.isSuffix(raw, maxLogVar)) {
            throw Shapes.mismatch("bounded logvar", raw, maxLogVar, "bound shape must be a suffix of the raw shape");
        }
        int cols = maxLogVar.size();
        int rows = Shapes.product(raw.shape(), 0, raw.rank() - maxLogVar.rank());
        float[] r = raw.data(), hi = maxLogVar.data(), lo = minLogVar.data();
        int ro = raw.offset(), hio = maxLogVar.offset(), loo = minLogVar.offset();
        Tensor y = tape.outputLike(raw.requiresGrad() || maxLogVar.requiresGrad() || minLogVar.requiresGrad(), raw);
        float[] yd = y.data();
        int yo = y.offset();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float h = hi[hio + j] - softplus(hi[hio + j] - r[ro + i * cols + j]);
                yd[yo + i * cols + j] = lo[loo + j] + softplus(h - lo[loo + j]);
            }
        }
        if (y.requiresGrad()) {
            tape.record(() -> {
                float[] dy = y.grad(), dr = raw.grad(), dhi = maxLogVar.grad(), dlo = minLogVar.grad();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        int k = i * cols + j;
                        float s1 = sigmoid(hi[hio + j] - r[ro + k]);
                        float h = hi[hio + j] - softplus(hi[hio + j] - r[ro + k]);
                        float s2 = sigmoid(h - lo[loo + j]);
                        float g = dy[y.gradOffset() + k];
                        if (dr != null) dr[raw.gradOffset() + k] += g * s2 * s1;
                        if (dhi != null) dhi[maxLogVar.gradOffset() + j] += g * s2 * (1f - s1);
                        if (dlo != null) dlo[minLogVar.gradOffset() + j] += g * (1f - s2);
                    }
                }
            });
        }
        return y;
    }

    /** log(1 + e^x), stable for large |x|. */
    private static float softplus(float x) {
        return Math.max(x, 0f) + (float) StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    private static float sigmoid(float x) {
        return 1f / (1f + (float) StrictMath.exp(-x));
    }
}
