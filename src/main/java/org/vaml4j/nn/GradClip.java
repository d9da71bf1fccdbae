package org.vaml4j.nn;

/** Gradient-norm clipping over all entries of a {@link Params}, as torch's {@code clip_grad_norm_}. */
public final class GradClip {

    private GradClip() {}

    /** The global L2 norm of the gradient, accumulated in double. */
    public static double norm(Params p) {
        float[] g = p.grad();
        double s = 0;
        for (float x : g) s += (double) x * x;
        return Math.sqrt(s);
    }

    /**
     * Scales the gradient by {@code maxNorm / (norm + 1e-6)} when its norm exceeds {@code maxNorm};
     * returns the norm before clipping.
     */
    public static double clipNorm(Params p, double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("clipNorm: maxNorm must be > 0, got " + maxNorm);
        double n = norm(p);
        if (n > maxNorm) {
            float s = (float) (maxNorm / (n + 1e-6));
            float[] g = p.grad();
            for (int i = 0; i < g.length; i++) g[i] *= s;
        }
        return n;
    }
}
