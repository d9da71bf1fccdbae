package org.vaml4j.rl;

import org.vaml4j.env.Box;
import org.vaml4j.env.Env;
import org.vaml4j.env.Transition;

/**
 * Evaluation of a SAC agent's deterministic policy {@code tanh(mu(s))} on an env, and the map
 * from the policy's action cube (-1, 1)^A onto the env's action box, shared by the trainers.
 */
public final class PolicyEvaluation {

    private static final int STEP_CAP = 1_000_000;

    private PolicyEvaluation() {}

    /** {@code out[j] = low_j + (a_j + 1) / 2 (high_j - low_j)}: a policy action in (-1, 1) onto the box. */
    public static void toBox(Box box, float[] a, double[] out) {
        for (int j = 0; j < out.length; j++) out[j] = box.low(j) + 0.5 * (a[j] + 1.0) * (box.high(j) - box.low(j));
    }

    /**
     * Mean undiscounted return of {@code episodes} episodes of the deterministic policy; episode
     * start seeds come from the {@code eval} stream of {@code seed}, so every evaluation of a run
     * starts from the same states. Changes no training state.
     */
    public static double meanReturn(Env evalEnv, Sac sac, long seed, int episodes) {
        if (episodes < 1) throw new IllegalArgumentException("evaluate: episodes must be >= 1, got " + episodes);
        if (!(evalEnv.actionSpace() instanceof Box box)) throw new IllegalArgumentException("evaluate: " + evalEnv.id() + " has no Box actions");
        int obsDim = sac.obsDim(), actDim = sac.actDim();
        Rng seeds = Rng.stream(seed, "eval");
        float[] o = new float[obsDim], act = new float[actDim];
        double[] envA = new double[actDim];
        double total = 0;
        for (int ep = 0; ep < episodes; ep++) {
            double[] s = evalEnv.reset(seeds.nextSeed());
            for (int t = 0; ; t++) {
                if (t >= STEP_CAP) throw new IllegalStateException("evaluation episode exceeded " + STEP_CAP + " steps");
                for (int j = 0; j < obsDim; j++) o[j] = (float) s[j];
                sac.act(o, 1, act, true, null);
                toBox(box, act, envA);
                Transition tr = evalEnv.step(envA);
                total += tr.reward();
                s = tr.obs();
                if (tr.done()) break;
            }
        }
        return total / episodes;
    }
}
