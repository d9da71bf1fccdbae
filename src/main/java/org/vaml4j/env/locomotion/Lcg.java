package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;

/**
 * The reference harness's random numbers (anchors/mujoco/README.md): a 64-bit linear
 * congruential generator with Knuth's MMIX constants, s = s * 6364136223846793005 +
 * 1442695040888963407 (mod 2^64), advanced once per draw. {@link #nextLong()} returns the new
 * state, so the inherited {@code nextDouble()} = (s >>> 11) * 2^-53 and {@code nextDouble(lo, hi)}
 * = lo + (hi - lo) * u are exactly the harness's action draws. Not for statistics: use it to
 * replay the harness.
 */
public final class Lcg implements RandomGenerator {

    private long s;

    public Lcg(long seed) {
        s = seed;
    }

    @Override
    public long nextLong() {
        s = s * 6364136223846793005L + 1442695040888963407L;
        return s;
    }
}
