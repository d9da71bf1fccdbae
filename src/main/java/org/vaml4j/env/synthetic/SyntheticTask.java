package org.vaml4j.env.synthetic;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.SeededEnv;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;
import org.vaml4j.random.Gaussian;

/**
 * Lovatto et al. §5.1's artificial environment: the dynamics is a fixed random 2-hidden-layer
 * Gaussian MLP ({@link RandomMlpDynamics}), residual: {@code s' = s + μ(s, a) + σ(s, a) ε},
 * ε ~ N(0, I) from the episode stream (sampled transitions, as their code). Spaces imitate Hopper: obs R^11, actions
 * [-1, 1]^3 (clipped). Reward 0, never terminates, TimeLimit 200; reset s ~ N(0, I).
 * The MLP weights are fixed by the construction {@code seed}, not by {@code reset(seed)}.
 */
public final class SyntheticTask extends SeededEnv {

    private final RandomMlpDynamics dynamics;
    private final Box obsSpace, actSpace;
    private final Functions functions;
    private final double[] s, mean, std;

    /**
     * @param obsDim        observation size (paper: 11)
     * @param actDim        action size (paper: 3)
     * @param hidden        hidden width of the dynamics MLP (paper: 32 .. 1024)
     * @param seed          fixes the MLP weights
     */
    public SyntheticTask(int obsDim, int actDim, int hidden, long seed) {
        this.dynamics = new RandomMlpDynamics(obsDim, actDim, hidden, 2, new SplittableRandom(seed));
        this.obsSpace = Box.uniform(obsDim, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        this.actSpace = Box.uniform(actDim, -1, 1);
        this.functions = new Functions(obsDim, actDim);
        this.s = new double[obsDim];
        this.mean = new double[obsDim];
        this.std = new double[obsDim];
    }

    @Override public String id() { return "Synthetic"; }

    @Override public Box observationSpace() { return obsSpace; }

    @Override public Box actionSpace() { return actSpace; }

    @Override public TaskFunctions functions() { return functions; }

    /** The true dynamics. */
    public RandomMlpDynamics dynamics() { return dynamics; }

    @Override
    protected double[] start(RandomGenerator rng) {
        for (int i = 0; i < s.length; i++) s[i] = Gaussian.next(rng);
        return s.clone();
    }

    @Override
    protected Transition advance(double[] action) {
        double[] a = actSpace.validate("Synthetic action", action);
        dynamics.forward(s, a, mean, std);
        // s' = s + μ(s, a) + σ(s, a) ε
        for (int i = 0; i < s.length; i++) {
            s[i] += mean[i] + std[i] * Gaussian.next(rng());
        }
        return new Transition(s.clone(), 0.0, false, false);
    }

    /** Reward 0, never terminal. */
    public static final class Functions implements TaskFunctions {

        private final int obsDim, actDim;

        Functions(int obsDim, int actDim) {
            this.obsDim = obsDim;
            this.actDim = actDim;
        }

        @Override public int obsDim() { return obsDim; }

        @Override public int actDim() { return actDim; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            return 0.0;
        }

        @Override
        public boolean terminated(double[] next, int n) {
            return false;
        }
    }
}
