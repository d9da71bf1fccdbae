package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code Hopper-v4}: a one-legged planar robot hopping forward.
 * <ul>
 *   <li>obs (11) = qpos[1:6] (torso height, angle, 3 joint angles), clip(qvel, -10, 10) (6); x excluded</li>
 *   <li>action (3) in [-1, 1], gear 200</li>
 *   <li>reward = (x' - x) / dt + 1 - 1e-3 |a|^2, dt = 0.008 (frame_skip 4, RK4 h = 0.002); the
 *       healthy reward 1 is paid on every step, the terminating one included</li>
 *   <li>terminated = not healthy: healthy iff every value of (qpos[2:], qvel) lies in (-100, 100),
 *       0.7 &lt; z and |angle| &lt; 0.2 (strict); TimeLimit 1000 (registry)</li>
 *   <li>reset: qpos = qpos0 + U(-0.005, 0.005)^6, qvel = U(-0.005, 0.005)^6</li>
 * </ul>
 */
public final class Hopper extends MujocoEnv {

    public static final double FORWARD_REWARD_WEIGHT = 1.0, HEALTHY_REWARD = 1.0, CTRL_COST_WEIGHT = 1e-3;
    public static final double RESET_NOISE = 5e-3, MIN_Z = 0.7, MAX_ANGLE = 0.2, STATE_RANGE = 100;

    private static final Box OBS = Box.uniform(11, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Hopper() {
        super("hopper", 4);
    }

    @Override public String id() { return "Hopper-v4"; }

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
        return new Transition(observation(), reward, !healthy(), false);
    }

    private boolean healthy() {
        double[] q = data.qpos, v = data.qvel;
        for (int i = 2; i < q.length; i++) if (!(Math.abs(q[i]) < STATE_RANGE)) return false;
        for (double x : v) if (!(Math.abs(x) < STATE_RANGE)) return false;
        return q[1] > MIN_Z && Math.abs(q[2]) < MAX_ANGLE;
    }

    /**
     * mbrl-lib's {@code termination_fns.hopper}: alive iff all finite, |obs[1:]| < 100, obs[0] > 0.7
     * and |obs[1]| < 0.2. It checks the clipped velocities of the observation, so a raw |qvel| >= 100
     * (which the env treats as unhealthy) is not seen; otherwise it equals the env's flag.
     * The reward needs x, which the observation omits.
     */
    private static final TaskFunctions FUNCTIONS = new LearnedReward(11, 3,
            "Hopper-v4: the reward needs the x position, which the observation omits", (next, n) -> {
                if (!allFinite(next, n, 11)) return true;
                for (int i = 1; i < 11; i++) if (!(Math.abs(next[n + i]) < STATE_RANGE)) return true;
                return !(next[n] > MIN_Z && Math.abs(next[n + 1]) < MAX_ANGLE);
            });
}
