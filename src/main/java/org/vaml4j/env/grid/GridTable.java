package org.vaml4j.env.grid;

/**
 * The exact MDP of a {@link GridWorld}, for losses that take expectations over every state
 * (model-advantage gridworld study with A2C). States are the interior cells,
 * {@code s = (y - 1)(N - 2) + (x - 1)}; the goal is absorbing (all its actions stay, reward 0).
 *
 * @param states     S = (N - 2)²
 * @param actions    A = 4 (north, south, east, west)
 * @param next       (S x A) next state of each (s, a); transitions are deterministic
 * @param dense      (S x A) the dense reward (d(s) - d(s')) / d0 of each (s, a)
 * @param start      the start state (top-left interior cell)
 * @param goal       the goal state (bottom-right interior cell)
 * @param maxSteps   4 N², the horizon the goal bonus decays over
 */
public record GridTable(int states, int actions, int[] next, double[] dense, int start, int goal, int maxSteps) {

    public GridTable {
        next = next.clone();
        dense = dense.clone();
    }

    /** (S x A) next states (a copy). */
    @Override public int[] next() { return next.clone(); }

    /** (S x A) dense rewards (a copy). */
    @Override public double[] dense() { return dense.clone(); }

    /** Next state of (s, a). */
    public int next(int s, int a) {
        return next[s * actions + a];
    }

    /**
     * The full reward of taking {@code a} in {@code s} as the {@code t}-th step of an episode
     * (t ≥ 1): dense part plus, on entering the goal, the bonus {@code 1 - 0.9 t / maxSteps}.
     */
    public double reward(int s, int a, int t) {
        double r = dense[s * actions + a];
        if (s != goal && next(s, a) == goal) r += GridWorld.goalBonus(t, maxSteps);
        return r;
    }

    /**
     * The transition matrix as probabilities: row {@code s * A + a} is one-hot at {@code next(s, a)}.
     *
     * @return (S·A x S)
     */
    public double[] transitionMatrix() {
        double[] p = new double[states * actions * states];
        for (int sa = 0; sa < states * actions; sa++) p[sa * states + next[sa]] = 1.0;
        return p;
    }
}
