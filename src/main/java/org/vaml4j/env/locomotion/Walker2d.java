package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code Walker2d-v4}: a two-legged planar walker.
 * <ul>
 *   <li>obs (17) = qpos[1:9] (8), clip(qvel, -10, 10) (9); x excluded</li>
 *   <li>action (6) in [-1, 1], gear 100 (right thigh, leg, foot, then left)</li>
 *   <li>reward = (x' - x) / dt + 1 - 1e-3 |a|^2, dt = 0.008 (frame_skip 4, RK4 h = 0.002)</li>
 *   <li>terminated = not (0.8 &lt; z &lt; 2 and -1 &lt; angle &lt; 1) (strict); TimeLimit 1000 (registry)</li>
 *   <li>reset: qpos = qpos0 + U(-0.005, 0.005)^9, qvel = U(-0.005, 0.005)^9</li>
 * </ul>
 */
public final class Walker2d extends MujocoEnv {

    public static final double FORWARD_REWARD_WEIGHT = 1.0, HEALTHY_REWARD = 1.0, CTRL_COST_WEIGHT = 1e-3;
    public static final double RESET_NOISE = 5e-3, MIN_Z = 0.8, MAX_Z = 2.0, MAX_ANGLE = 1.0;

    private static final Box OBS = Box.uniform(17, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Walker2d() {
        super("walker2d", 4);
    }

    @Override public String id() { return "Walker2d-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected void resetModel(RandomGenerator rng) {
        Legged.uniformReset(model, data, rng, RESET_NOISE);
    }

    @Override
    protected double[] observation() {
        return Legged.planarObservation(data, model.nq(), model.nv(), true);
    }

    @Override
    protected Transition stepTask(double[] action) {
        double xVelocity = simulateForward(action);
        double reward = FORWARD_REWARD_WEIGHT * xVelocity + HEALTHY_REWARD - CTRL_COST_WEIGHT * sumSq(action);
        double[] obs = observation();
        return new Transition(obs, reward, FUNCTIONS.terminated(obs, 0), false);
    }

    /** mbrl-lib's {@code termination_fns.walker2d} = the env's rule on obs[0] = z, obs[1] = angle. */
    private static final TaskFunctions FUNCTIONS = new LearnedReward(17, 6,
            "Walker2d-v4: the reward needs the x position, which the observation omits", (next, n) -> {
                double z = next[n], angle = next[n + 1];
                return !(z > MIN_Z && z < MAX_Z && angle > -MAX_ANGLE && angle < MAX_ANGLE);
            });
}
