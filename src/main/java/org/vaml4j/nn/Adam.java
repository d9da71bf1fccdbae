package org.vaml4j.nn;

/**
 * Adam (Kingma and Ba 2015) with coupled L2 weight decay, as torch's {@code Adam(weight_decay)}
 * that mbrl-lib uses for the model: the decay is added to the gradient before the moments,
 * {@code g = grad + wd * theta}, then
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; theta -= lr/(1-b1^t) * m / (sqrt(v/(1-b2^t)) + eps)}.
 */
public final class Adam extends AdamBase {

    public Adam(Params params, AdamConfig config, WeightDecay decay) {
        super(params, config, decay);
    }

    /** Adam without weight decay. */
    public Adam(Params params, AdamConfig config) {
        this(params, config, WeightDecay.none());
    }

    @Override
    void update(int off, int n, float wd, float stepSize, float invSqrtBc2) {
        float[] p = params.data(), g = params.grad();
        float b1 = (float) config.beta1(), b2 = (float) config.beta2(), eps = (float) config.eps();
        for (int i = off; i < off + n; i++) {
            float gi = g[i] + wd * p[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }
}
