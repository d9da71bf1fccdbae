package org.vaml4j.env;

import java.util.SplittableRandom;

/**
 * Appends k distracting dimensions to any task's observation (VaGraM App. E, Hopper with
 * distractors): they evolve by {@link DistractorDynamics} once per env step, independently of the
 * action, start at s0 at every reset, and do not enter the reward or termination. A and s0 are
 * fixed by the construction {@code seed}. Spec: {@code hopper+distract15} or
 * {@code hopper+distract:dims=15,seed=3}.
 */
public final class Distracted implements Env {

    private final Env inner;
    private final DistractorDynamics distractor;
    private final int baseDim, k;
    private final double[] x; // (k) distractor state
    private final Box obsSpace;
    private final Functions functions;

    public Distracted(Env inner, int dims, long seed) {
        if (inner == null) throw new IllegalArgumentException("Distracted: env must not be null");
        this.inner = inner;
        this.distractor = new DistractorDynamics(dims, new SplittableRandom(seed));
        this.baseDim = inner.observationSpace().flatDim();
        this.k = dims;
        this.x = new double[dims];
        double[] lo = new double[baseDim + k], hi = new double[baseDim + k];
        Box base = inner.observationSpace();
        for (int i = 0; i < baseDim + k; i++) {
            lo[i] = i < baseDim ? base.low(i) : -DistractorDynamics.BOUND;
            hi[i] = i < baseDim ? base.high(i) : DistractorDynamics.BOUND;
        }
        this.obsSpace = new Box(lo, hi);
        this.functions = new Functions(inner.functions(), k);
    }

    /** The wrapped env. */
    public Env inner() { return inner; }

    public DistractorDynamics distractor() { return distractor; }

    @Override public String id() { return inner.id() + "+distract" + k; }

    @Override public Box observationSpace() { return obsSpace; }

    @Override public Space actionSpace() { return inner.actionSpace(); }

    @Override public int maxEpisodeSteps() { return inner.maxEpisodeSteps(); }

    @Override public TaskFunctions functions() { return functions; }

    @Override
    public double[] reset(long seed) {
        return begin(inner.reset(seed));
    }

    @Override
    public double[] reset() {
        return begin(inner.reset());
    }

    private double[] begin(double[] baseObs) {
        System.arraycopy(distractor.initialState(), 0, x, 0, k);
        return concat(baseObs);
    }

    @Override
    public Transition step(double[] action) {
        Transition t = inner.step(action);
        distractor.step(x, 0);
        return new Transition(concat(t.obs()), t.reward(), t.terminated(), t.truncated());
    }

    private double[] concat(double[] baseObs) {
        double[] o = new double[baseDim + k];
        System.arraycopy(baseObs, 0, o, 0, baseDim);
        System.arraycopy(x, 0, o, baseDim, k);
        return o;
    }

    /** The base task's functions applied to the first {@code baseDim} components of each row. */
    static final class Functions implements TaskFunctions {

        private final TaskFunctions base;
        private final int k;

        Functions(TaskFunctions base, int k) {
            this.base = base;
            this.k = k;
        }

        @Override public int obsDim() { return base.obsDim() + k; }

        @Override public int actDim() { return base.actDim(); }

        @Override public boolean rewardFromObservations() { return base.rewardFromObservations(); }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            return base.reward(obs, o, act, a, next, n);
        }

        @Override
        public boolean terminated(double[] next, int n) {
            return base.terminated(next, n);
        }
    }
}
