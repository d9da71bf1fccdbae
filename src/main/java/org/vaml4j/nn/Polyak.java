package org.vaml4j.nn;

/** Polyak (exponential moving) averaging of target parameters. */
public final class Polyak {

    private Polyak() {}

    /** {@code target = (1 - tau) * target + tau * source}; both must have the same layout. */
    public static void update(Params target, Params source, double tau) {
        if (!(tau >= 0 && tau <= 1)) throw new IllegalArgumentException("polyak: tau must be in [0, 1], got " + tau);
        target.requireSameLayout("polyak", source);
        float[] t = target.data(), s = source.data();
        float a = (float) tau, b = (float) (1 - tau);
        for (int i = 0; i < t.length; i++) t[i] = b * t[i] + a * s[i];
    }
}
