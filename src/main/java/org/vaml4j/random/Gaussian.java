package org.vaml4j.random;

import java.util.random.RandomGenerator;

/**
 * Standard normal draws that are the same on every JDK, for any {@link RandomGenerator}.
 *
 * <p>Why not {@link RandomGenerator#nextGaussian()}: its default (a ziggurat in the JDK's
 * {@code RandomSupport}) is not specified to the bit and does differ between versions: from the
 * same SplitMix64 stream, JDK 17 and JDK 25 agree on the first 2 088 998 draws and then one of
 * them consumes a different number of words, shifting every later draw (measured 2026-11-22).
 * Here: Marsaglia's polar method, from {@link RandomGenerator#nextDouble()} (the same on every
 * JDK) and {@code StrictMath} (fdlibm, the same bits everywhere); the second variate of each
 * pair is not kept, so a generator's state stays its own (a checkpoint stores nothing extra).
 */
public final class Gaussian {

    private Gaussian() {}

    /**
     * One N(0, 1) draw: u, v uniform in (-1, 1) until 0 &lt; s = u^2 + v^2 &lt; 1, then
     * u sqrt(-2 ln(s) / s) (Marsaglia and Bray 1964). Uses 2 doubles per try, 4/pi tries on average.
     */
    public static double next(RandomGenerator rng) {
        double u, v, s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }
}
