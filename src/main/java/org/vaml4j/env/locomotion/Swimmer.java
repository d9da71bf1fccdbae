package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code Swimmer-v4}: a three-link swimmer in a viscous medium (inertia-box fluid model).
 * <ul>
 *   <li>obs (8) = qpos[2:5] (yaw, two joint angles), qvel (5); x, y excluded</li>
 *   <li>action (2) in [-1, 1], gear 150</li>
 *   <li>reward = (x' - x) / dt - 1e-4 |a|^2, dt = 0.04 (frame_skip 4, RK4 h = 0.01)</li>
 *   <li>never terminates; TimeLimit 1000 (registry)</li>
 *   <li>reset: qpos = qpos0 + U(-0.1, 0.1)^5, qvel = U(-0.1, 0.1)^5</li>
 * </ul>
 */
public final class Swimmer extends MujocoEnv {

    public static final double FORWARD_REWARD_WEIGHT = 1.0, CTRL_COST_WEIGHT = 1e-4, RESET_NOISE = 0.1;

    private static final Box OBS = Box.uniform(8, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Swimmer() {
        super("swimmer", 4);
    }

    @Override public String id() { return "Swimmer-v4"; }

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
        double[] o = new double[8];
        System.arraycopy(data.qpos, 2, o, 0, 3);
        System.arraycopy(data.qvel, 0, o, 3, 5);
        return o;
    }

    @Override
    protected Transition stepTask(double[] action) {
        double xVelocity = simulateForward(action);
        double reward = FORWARD_REWARD_WEIGHT * xVelocity - CTRL_COST_WEIGHT * sumSq(action);
        return new Transition(observation(), reward, false, false);
    }

    /** Never terminal; the reward needs x, which the observation omits. */
    private static final TaskFunctions FUNCTIONS = new LearnedReward(8, 2,
            "Swimmer-v4: the reward needs the x position, which the observation omits",
            LearnedReward.NEVER);
}
