package org.vaml4j.env;

import java.util.Arrays;

/** A box {@code [low, high]} of real vectors (bounds may be infinite). */
public record Box(double[] low, double[] high) implements Space {

    public Box {
        if (low.length != high.length) {
            throw new IllegalArgumentException("Box: low has " + low.length + " values, high has " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box: bad bounds at " + i + ": [" + low[i] + ", " + high[i] + "]");
            }
        }
        low = low.clone();
        high = high.clone();
    }

    /** The box {@code [lo, hi]^n}. */
    public static Box uniform(int n, double lo, double hi) {
        double[] l = new double[n], h = new double[n];
        Arrays.fill(l, lo);
        Arrays.fill(h, hi);
        return new Box(l, h);
    }

    @Override public double[] low() { return low.clone(); }

    @Override public double[] high() { return high.clone(); }

    public double low(int i) { return low[i]; }

    public double high(int i) { return high[i]; }

    @Override public int flatDim() { return low.length; }

    @Override
    public double[] validate(String what, double[] x) {
        double[] out = check(what, x);
        for (int i = 0; i < out.length; i++) out[i] = Math.min(high[i], Math.max(low[i], out[i]));
        return out;
    }

    /**
     * Checks length and finiteness like {@link #validate} but returns an unclipped copy, for
     * tasks whose dynamics take out-of-box actions as given (mbrl-lib's continuous CartPole) or
     * clip only part of the way (MountainCarContinuous charges the unclipped action).
     */
    public double[] check(String what, double[] x) {
        if (x == null) throw new IllegalArgumentException(what + " must not be null");
        if (x.length != low.length) {
            throw new IllegalArgumentException(what + " has " + x.length + " values; expected " + low.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + x[i] + "; must be finite");
            }
        }
        return x.clone();
    }

    /** Whether {@code x} has this box's length and lies inside it (bounds included). */
    public boolean contains(double[] x) {
        if (x == null || x.length != low.length) return false;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low[i] && x[i] <= high[i])) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "Box(" + low.length + ", low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
