package org.vaml4j.env;

/**
 * A task's reward and termination as pure functions of observations, for use on model
 * predictions (MBPO rollouts, value targets from sampled next states) as well as real data.
 *
 * <p>Row layout: an observation is {@code obsDim()} consecutive values, an action
 * {@code actDim()} values (a {@link Discrete} action is one value holding the index). Batch forms
 * take row-major {@code (n x obsDim)} / {@code (n x actDim)} arrays.
 *
 * <p>Contract: for every real transition {@code (obs, a, next)} of the task's env (with {@code a}
 * the action passed to {@code step}), {@code terminated(next)} equals the env's
 * {@code terminated} flag, and when {@link #rewardFromObservations()} holds,
 * {@code reward(obs, a, next)} equals the env's reward (up to floating-point rounding).
 * Implementations are stateless and thread-safe. Non-finite values in {@code next} count as
 * terminal for tasks that terminate at all (a diverged model state ends the rollout).
 */
public interface TaskFunctions {

    /** Observation length. */
    int obsDim();

    /** Action length ({@code 1} for discrete actions). */
    int actDim();

    /**
     * Whether {@link #reward} reproduces the env's reward from {@code (obs, action, next obs)}
     * alone. False when the reward depends on state the observation omits (e.g. the x position
     * of locomotion tasks, the gridworld's step count): learn the reward instead.
     */
    boolean rewardFromObservations();

    /**
     * r(s, a, s') of one transition, rows read at the given offsets.
     *
     * @throws UnsupportedOperationException when {@link #rewardFromObservations()} is false
     */
    double reward(double[] obs, int obsOff, double[] act, int actOff, double[] next, int nextOff);

    /** Whether {@code next} (read at {@code nextOff}) is a terminal state of the task. */
    boolean terminated(double[] next, int nextOff);

    /** r(s, a, s') of one transition. */
    default double reward(double[] obs, double[] act, double[] next) {
        checkRow("obs", obs, 1, obsDim());
        checkRow("action", act, 1, actDim());
        checkRow("next obs", next, 1, obsDim());
        return reward(obs, 0, act, 0, next, 0);
    }

    /** Whether {@code next} is terminal. */
    default boolean terminated(double[] next) {
        checkRow("next obs", next, 1, obsDim());
        return terminated(next, 0);
    }

    /**
     * Rewards of {@code n} transitions in float, e.g. model predictions.
     *
     * @param obs  (n x obsDim)
     * @param act  (n x actDim)
     * @param next (n x obsDim)
     * @param out  (n) written
     */
    default void rewards(int n, float[] obs, float[] act, float[] next, float[] out) {
        int d = obsDim(), k = actDim();
        checkRow("obs", obs, n, d);
        checkRow("action", act, n, k);
        checkRow("next obs", next, n, d);
        checkRow("reward out", out, n, 1);
        double[] s = new double[d], a = new double[k], s2 = new double[d]; // one row of scratch per call
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) { s[j] = obs[i * d + j]; s2[j] = next[i * d + j]; }
            for (int j = 0; j < k; j++) a[j] = act[i * k + j];
            out[i] = (float) reward(s, 0, a, 0, s2, 0);
        }
    }

    /**
     * Termination flags of {@code n} predicted next observations.
     *
     * @param next (n x obsDim)
     * @param out  (n) written
     */
    default void terminations(int n, float[] next, boolean[] out) {
        int d = obsDim();
        checkRow("next obs", next, n, d);
        if (out == null || out.length < n) {
            throw new IllegalArgumentException("termination out must hold " + n + " flags");
        }
        double[] s2 = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) s2[j] = next[i * d + j];
            out[i] = terminated(s2, 0);
        }
    }

    /**
     * Rewards of {@code n} transitions in double.
     *
     * @param obs  (n x obsDim)
     * @param act  (n x actDim)
     * @param next (n x obsDim)
     * @param out  (n) written
     */
    default void rewards(int n, double[] obs, double[] act, double[] next, double[] out) {
        int d = obsDim(), k = actDim();
        checkRow("obs", obs, n, d);
        checkRow("action", act, n, k);
        checkRow("next obs", next, n, d);
        checkRow("reward out", out, n, 1);
        for (int i = 0; i < n; i++) out[i] = reward(obs, i * d, act, i * k, next, i * d);
    }

    /**
     * Termination flags of {@code n} next observations in double.
     *
     * @param next (n x obsDim)
     * @param out  (n) written
     */
    default void terminations(int n, double[] next, boolean[] out) {
        int d = obsDim();
        checkRow("next obs", next, n, d);
        if (out == null || out.length < n) {
            throw new IllegalArgumentException("termination out must hold " + n + " flags");
        }
        for (int i = 0; i < n; i++) out[i] = terminated(next, i * d);
    }

    private static void checkRow(String what, double[] x, int n, int dim) {
        checkLength(what, x == null ? -1 : x.length, n, dim);
    }

    private static void checkRow(String what, float[] x, int n, int dim) {
        checkLength(what, x == null ? -1 : x.length, n, dim);
    }

    /** Throws IllegalArgumentException unless an array of {@code length} holds {@code n x dim} values. */
    private static void checkLength(String what, int length, int n, int dim) {
        if (n < 0) throw new IllegalArgumentException("row count must be >= 0, got " + n);
        if (length < (long) n * dim) {
            throw new IllegalArgumentException(what + " must hold " + n + " x " + dim + " values, has "
                    + (length < 0 ? "null" : Integer.toString(length)));
        }
    }
}
