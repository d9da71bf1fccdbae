package org.vaml4j.rl;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import org.vaml4j.random.Gaussian;

/**
 * A SplitMix64 random stream whose whole state is one {@code long}, so a checkpoint can save
 * and restore it exactly ({@link #state()}, {@link #setState}). {@link #stream} derives
 * independent streams per component (env, policy, buffer sampling, ...) from a run seed, so
 * adding draws to one component never shifts another.
 *
 * <p>SplitMix64 (Steele, Lea and Flood 2014): {@code state += 0x9e3779b97f4a7c15} and the output is
 * the MurmurHash3-style mix of the state. Bounded ints, doubles etc. come from the JDK's
 * {@link RandomGenerator} defaults, deterministic functions of {@link #nextLong()}; Gaussians
 * from {@link Gaussian} (the JDK's default nextGaussian differs between JDK 17 and 25).
 */
public final class Rng implements RandomGenerator {

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The stream of component {@code name} for run seed {@code seed}. */
    public static Rng stream(long seed, String name) {
        long h = mix(seed);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) h = mix(h ^ (b & 0xff) + GOLDEN);
        return new Rng(h);
    }

    /** A seed derived from this stream (for an env reset or a child stream). */
    public long nextSeed() {
        return nextLong();
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** N(0, 1) by {@link Gaussian#next}: the same draws on every JDK. */
    @Override
    public double nextGaussian() {
        return Gaussian.next(this);
    }

    public long state() { return state; }

    public void setState(long s) { state = s; }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
