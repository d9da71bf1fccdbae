package org.vaml4j.env;

/**
 * A Gymnasium-style environment: {@code reset(seed)} gives the first observation,
 * {@code step(action)} the next observation, reward and the two end flags.
 *
 * <p>Actions are validated at this boundary: wrong length, NaN or infinity throw
 * {@link IllegalArgumentException}; continuous actions outside the space are clipped as the
 * task defines. An env is single-threaded state; make one per thread.
 */
public interface Env {

    /** Canonical id, e.g. {@code "Pendulum-v1"}. */
    String id();

    Box observationSpace();

    /** A {@link Box} for continuous control, a {@link Discrete} for discrete actions. */
    Space actionSpace();

    /** Seeds the env's random stream and starts an episode; returns the first observation. */
    double[] reset(long seed);

    /** Starts an episode continuing the random stream of the last seeded reset. */
    double[] reset();

    /** Advances one env step; the returned observation is a fresh array. */
    Transition step(double[] action);

    /** Episode length at which {@code truncated} becomes true (Gym's TimeLimit), or 0 when unlimited. */
    int maxEpisodeSteps();

    /** The task's reward and termination as pure functions of observations (for model rollouts). */
    TaskFunctions functions();
}
