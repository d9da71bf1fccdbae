package org.vaml4j.nn;

/**
 * Adam hyper-parameters.
 *
 * @param lr    learning rate (SAC default 3e-4, MBPO model 1e-3)
 * @param beta1 decay of the first-moment average (0.9)
 * @param beta2 decay of the second-moment average (0.999)
 * @param eps   added to the root of the second moment (1e-8, as torch)
 */
public record AdamConfig(double lr, double beta1, double beta2, double eps) {

    public AdamConfig {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("adam: lr must be > 0, got " + lr);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("adam: beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("adam: beta2 must be in [0, 1), got " + beta2);
        if (!(eps > 0) || !Double.isFinite(eps)) throw new IllegalArgumentException("adam: eps must be > 0, got " + eps);
    }

    /** Adam with torch's defaults and the given learning rate. */
    public static AdamConfig of(double lr) {
        return new AdamConfig(lr, 0.9, 0.999, 1e-8);
    }
}
