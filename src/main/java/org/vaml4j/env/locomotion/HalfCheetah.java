package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code HalfCheetah-v4}: a planar cheetah running forward.
 * <ul>
 *   <li>obs (17) = qpos[1:9] (8), qvel (9, not clipped); x excluded</li>
 *   <li>action (6) in [-1, 1], gears 120, 90, 60, 120, 60, 30</li>
 *   <li>reward = (x' - x) / dt - 0.1 |a|^2, dt = 0.05 (frame_skip 5, Euler h = 0.01)</li>
 *   <li>never terminates; TimeLimit 1000 (registry)</li>
 *   <li>reset: qpos = qpos0 + U(-0.1, 0.1)^9, qvel = 0.1 N(0, 1)^9</li>
 * </ul>
 */
public final class HalfCheetah extends MujocoEnv {

    public static final double FORWARD_REWARD_WEIGHT = 1.0, CTRL_COST_WEIGHT = 0.1, RESET_NOISE = 0.1;

    private static final Box OBS = Box.uniform(17, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public HalfCheetah() {
        super("half_cheetah", 5);
    }

    @Override public String id() { return "HalfCheetah-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected void resetModel(RandomGenerator rng) {
        Legged.gaussianVelocityReset(model, data, rng, RESET_NOISE);
    }

    @Override
    protected double[] observation() {
        return Legged.planarObservation(data, model.nq(), model.nv(), false);
    }

    @Override
    protected Transition stepTask(double[] action) {
        double xVelocity = simulateForward(action);
        double reward = FORWARD_REWARD_WEIGHT * xVelocity - CTRL_COST_WEIGHT * sumSq(action);
        return new Transition(observation(), reward, false, false);
    }

    /** Never terminal; the reward needs x, which the observation omits. */
    private static final TaskFunctions FUNCTIONS = new LearnedReward(17, 6,
            "HalfCheetah-v4: the reward needs the x position, which the observation omits",
            LearnedReward.NEVER);
}
