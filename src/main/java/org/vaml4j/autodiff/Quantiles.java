package org.vaml4j.autodiff;

import java.util.Arrays;

/**
 * Quantiles of float values. Not differentiable and not recorded on any tape: a helper for
 * thresholds computed from values, such as VaGraM's clipping of value-gradient norms at their
 * 95th percentile. Uses numpy's default (linear) interpolation: with the values sorted into
 * s[0..n), {@code q(p) = s[lo] + (pos - lo)(s[lo + 1] - s[lo])}, {@code pos = p (n - 1)},
 * {@code lo = floor(pos)}.
 */
public final class Quantiles {

    private Quantiles() {}

    /** The p-quantile of all values of x, sorted in {@code scratch} (length at least x.size()). */
    public static float of(Tensor x, double p, float[] scratch) {
        return of(x.data(), x.offset(), x.size(), p, scratch);
    }

    /**
     * The p-quantile of {@code values[off .. off + n)}; the values are copied into
     * {@code scratch} (length at least n) and sorted there, the input is left unchanged.
     *
     * @throws IllegalArgumentException for p outside [0, 1], n == 0, a short scratch, or NaN values
     */
    public static float of(float[] values, int off, int n, double p, float[] scratch) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("quantile: p must be in [0, 1], got " + p);
        if (n <= 0) throw new IllegalArgumentException("quantile: needs at least one value, got " + n);
        if (scratch.length < n) {
            throw new IllegalArgumentException("quantile: scratch holds " + scratch.length + " values, needs " + n);
        }
        System.arraycopy(values, off, scratch, 0, n);
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scratch[i])) throw new IllegalArgumentException("quantile: NaN at index " + (off + i));
        }
        Arrays.sort(scratch, 0, n);
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        if (lo >= n - 1) return scratch[n - 1];
        double frac = pos - lo;
        return (float) (scratch[lo] + frac * ((double) scratch[lo + 1] - scratch[lo]));
    }
}
