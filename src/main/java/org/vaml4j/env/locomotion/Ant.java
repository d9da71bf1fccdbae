package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code Ant-v4} (default options: no contact forces in the observation or reward).
 * <ul>
 *   <li>obs (27) = qpos[2:15] (torso z, quaternion, 8 joint angles), qvel (14); x, y excluded</li>
 *   <li>action (8) in [-1, 1], gear 150 (actuator order hip_4, ankle_4, hip_1, ankle_1, ...)</li>
 *   <li>reward = (x' - x) / dt + 1 - 0.5 |a|^2 with x = the torso frame's xpos as the step left it
 *       (last Runge-Kutta stage), dt = 0.05 (frame_skip 5, RK4 h = 0.01)</li>
 *   <li>terminated = not (all finite (qpos, qvel) and 0.2 &lt;= z &lt;= 1) (inclusive); TimeLimit 1000 (registry)</li>
 *   <li>reset: qpos = qpos0 + U(-0.1, 0.1)^15 (quaternion too; normalised by the forward pass),
 *       qvel = 0.1 N(0, 1)^14</li>
 * </ul>
 */
public class Ant extends MujocoEnv {

    public static final double HEALTHY_REWARD = 1.0, CTRL_COST_WEIGHT = 0.5, RESET_NOISE = 0.1, MIN_Z = 0.2, MAX_Z = 1.0;

    private static final Box OBS = Box.uniform(27, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** the torso body, whose frame origin gives the forward progress */
    protected final int torso;

    public Ant() {
        super("ant", 5);
        torso = model.bodyId("torso");
    }

    @Override public String id() { return "Ant-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected final void resetModel(RandomGenerator rng) {
        Legged.gaussianVelocityReset(model, data, rng, RESET_NOISE);
    }

    @Override
    protected final double[] observation() {
        return Legged.floatingObservation(data, model.nq(), model.nv());
    }

    @Override
    protected Transition stepTask(double[] action) {
        double xBefore = data.xpos[3 * torso];
        doSimulation(action);
        double xVelocity = (data.xpos[3 * torso] - xBefore) / dt;
        double reward = xVelocity + HEALTHY_REWARD - CTRL_COST_WEIGHT * sumSq(action);
        return new Transition(observation(), reward, !healthy(), false);
    }

    /** all of (qpos, qvel) finite and 0.2 &lt;= torso z &lt;= 1 (inclusive). */
    protected final boolean healthy() {
        if (!allFinite(data.qpos, 0, model.nq()) || !allFinite(data.qvel, 0, model.nv())) return false;
        double z = data.qpos[2];
        return z >= MIN_Z && z <= MAX_Z;
    }

    /**
     * mbrl-lib's {@code termination_fns.ant}: terminal unless all 27 observed values are finite and
     * 0.2 <= obs[0] <= 1 (the env also checks the unobserved x, y for finiteness).
     */
    static final TaskFunctions FUNCTIONS = new LearnedReward(27, 8,
            "Ant: the reward needs the x position, which the observation omits",
            (next, n) -> !(allFinite(next, n, 27) && next[n] >= MIN_Z && next[n] <= MAX_Z));
}
