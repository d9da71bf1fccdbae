package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code InvertedPendulum-v4}: keep a pole upright on a cart.
 * <ul>
 *   <li>obs (4) = qpos (cart x, pole angle), qvel</li>
 *   <li>action (1) in [-3, 3], gear 100 on the slider</li>
 *   <li>reward = 1 every step, the terminating one included</li>
 *   <li>terminated = not all(isfinite(obs)) or |obs[1]| > 0.2; TimeLimit 1000 (registry)</li>
 *   <li>reset: qpos = qpos0 + U(-0.01, 0.01)^2, qvel = U(-0.01, 0.01)^2; frame_skip 2, RK4 h = 0.02</li>
 * </ul>
 */
public final class InvertedPendulum extends MujocoEnv {

    public static final double RESET_NOISE = 0.01, MAX_ANGLE = 0.2;

    private static final Box OBS = Box.uniform(4, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public InvertedPendulum() {
        super("inverted_pendulum", 2);
    }

    @Override public String id() { return "InvertedPendulum-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected void resetModel(RandomGenerator rng) {
        double[] q0 = model.qpos0();
        for (int i = 0; i < model.nq(); i++) data.qpos[i] = q0[i] + rng.nextDouble(-RESET_NOISE, RESET_NOISE);
        for (int i = 0; i < model.nv(); i++) data.qvel[i] = rng.nextDouble(-RESET_NOISE, RESET_NOISE);
    }

    @Override
    protected double[] observation() {
        return new double[] {data.qpos[0], data.qpos[1], data.qvel[0], data.qvel[1]};
    }

    @Override
    protected Transition stepTask(double[] action) {
        doSimulation(action);
        double[] obs = observation();
        return new Transition(obs, 1.0, FUNCTIONS.terminated(obs, 0), false);
    }

    private static final TaskFunctions FUNCTIONS = new TaskFunctions() {
        @Override public int obsDim() { return 4; }

        @Override public int actDim() { return 1; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            return 1.0;
        }

        @Override
        public boolean terminated(double[] next, int n) {
            return !allFinite(next, n, 4) || Math.abs(next[n + 1]) > MAX_ANGLE;
        }
    };
}
