package org.vaml4j.mbrl;

import java.util.random.RandomGenerator;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.rl.ReplayBuffer;

/**
 * A known system for model tests: s' = s + 0.1 a (first dims), r = s_0 - 0.5 a_0, terminal when
 * s'_0 > {@code bound}; episodes of {@code length} steps from s ~ U(-1, 1).
 */
final class LinearTask implements TaskFunctions {

    static final int DS = 3, DA = 2;
    private final double bound;

    LinearTask(double bound) {
        this.bound = bound;
    }

    @Override public int obsDim() { return DS; }

    @Override public int actDim() { return DA; }

    @Override public boolean rewardFromObservations() { return true; }

    @Override
    public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
        return obs[o] - 0.5 * act[a];
    }

    @Override
    public boolean terminated(double[] next, int off) {
        return !(next[off] <= bound);
    }

    /** Fills a buffer with {@code episodes} random-action episodes of {@code length} steps. */
    ReplayBuffer data(int episodes, int length, RandomGenerator rng) {
        ReplayBuffer b = new ReplayBuffer(episodes * length, DS, DA);
        for (int ep = 0; ep < episodes; ep++) {
            double[] s = new double[DS];
            for (int j = 0; j < DS; j++) s[j] = 2 * rng.nextDouble() - 1;
            for (int t = 0; t < length; t++) {
                double[] a = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1};
                double[] s2 = s.clone();
                s2[0] += 0.1 * a[0];
                s2[1] += 0.1 * a[1];
                s2[2] += 0.05 * s[0];
                boolean done = terminated(s2, 0);
                b.add(s, a, reward(s, 0, a, 0, s2, 0), s2, done);
                s = s2;
                if (done) break;
            }
        }
        return b;
    }
}
