package org.vaml4j.env;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Common bookkeeping of a task: the episode random stream and the "reset before step" rule.
 *
 * <p>{@code reset(seed)} restarts the stream from {@code seed}; {@code reset()} continues it
 * (an env never seeded behaves as if seeded with 0, so every run is a function of its seeds).
 * Subclasses implement {@link #start} (draw the initial state) and {@link #advance} (one step
 * on an action already checked against the action space).
 */
public abstract class SeededEnv implements Env {

    private SplittableRandom rng;
    private boolean needsReset = true;

    @Override
    public final double[] reset(long seed) {
        rng = new SplittableRandom(seed);
        return begin();
    }

    @Override
    public final double[] reset() {
        if (rng == null) rng = new SplittableRandom(0);
        return begin();
    }

    private double[] begin() {
        double[] obs = start(rng);
        needsReset = false;
        return obs;
    }

    @Override
    public final Transition step(double[] action) {
        if (needsReset) throw new IllegalStateException(id() + ": call reset before step");
        Transition t = advance(action);
        if (t.terminated()) needsReset = true;
        return t;
    }

    /** Raw tasks have no time limit; {@link TimeLimit} adds one. */
    @Override
    public int maxEpisodeSteps() {
        return 0;
    }

    /** Marks an episode as started by a subclass-specific reset that draws no randomness (e.g. a fixed default state). */
    protected final void markStarted() {
        needsReset = false;
    }

    /** The episode stream (valid after the first reset), for tasks with stochastic steps. */
    protected final RandomGenerator rng() {
        return rng;
    }

    /** Draws the initial state from {@code rng}; returns the first observation (a fresh array). */
    protected abstract double[] start(RandomGenerator rng);

    /** Validates {@code action} (length, finiteness, clipping as the task defines) and advances one step. */
    protected abstract Transition advance(double[] action);
}
