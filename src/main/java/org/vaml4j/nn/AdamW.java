package org.vaml4j.nn;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay, as torch's {@code AdamW}:
 * {@code theta *= 1 - lr * wd} first, then the plain Adam step on the raw gradient.
 */
public final class AdamW extends AdamBase {

    public AdamW(Params params, AdamConfig config, WeightDecay decay) {
        super(params, config, decay);
    }

    @Override
    void update(int off, int n, float wd, float stepSize, float invSqrtBc2) {
        float[] p = params.data(), g = params.grad();
        float b1 = (float) config.beta1(), b2 = (float) config.beta2(), eps = (float) config.eps();
        float shrink = (float) (1 - config.lr() * wd);
        for (int i = off; i < off + n; i++) {
            p[i] *= shrink;
            float gi = g[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }
}
