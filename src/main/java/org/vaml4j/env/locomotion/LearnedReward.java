package org.vaml4j.env.locomotion;

import org.vaml4j.env.TaskFunctions;

/**
 * The task functions of a locomotion task whose reward the observation cannot give (it reads the
 * x position, the centre of mass, contact forces or a site the observation omits): model-based
 * agents learn the reward, and only the termination is a pure function of the next observation.
 *
 * @param why         the reason, the message of {@link #reward}'s exception
 * @param termination terminal next observations (mbrl-lib's termination function of the task)
 */
record LearnedReward(int obsDim, int actDim, String why, Termination termination) implements TaskFunctions {

    /** Whether the observation at {@code next[n ..]} is terminal. */
    @FunctionalInterface
    interface Termination {
        boolean terminated(double[] next, int n);
    }

    /** For tasks that never terminate. */
    static final Termination NEVER = (next, n) -> false;

    @Override public boolean rewardFromObservations() { return false; }

    @Override
    public double reward(double[] obs, int obsOff, double[] act, int actOff, double[] next, int nextOff) {
        throw new UnsupportedOperationException(why);
    }

    @Override
    public boolean terminated(double[] next, int n) {
        return termination.terminated(next, n);
    }
}
