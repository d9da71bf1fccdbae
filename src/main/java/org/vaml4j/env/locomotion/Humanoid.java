package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;
import org.vaml4j.sim.RnePostConstraint;

/**
 * Gym {@code Humanoid-v4}: a 3-D humanoid walking forward.
 * <ul>
 *   <li>obs (376) = qpos[2:] (22), qvel (23), cinert (14 x 10), cvel (14 x 6), qfrc_actuator (23),
 *       cfrc_ext (14 x 6), body-major with the world rows, as the step left them</li>
 *   <li>action (17) in [-0.4, 0.4], actuator order abdomen_y, abdomen_z, abdomen_x, right hip x/z/y, ...</li>
 *   <li>reward = 1.25 (c' - c) / dt + 5 - 0.1 |a|^2, c = x of the mass-weighted body centres
 *       (xipos as the step left it), dt = 0.015 (frame_skip 5, RK4 h = 0.003); no contact cost in v4</li>
 *   <li>terminated = not (1 &lt; z &lt; 2) (strict); TimeLimit 1000 (registry)</li>
 *   <li>reset: qpos = qpos0 + U(-0.01, 0.01)^24, qvel = U(-0.01, 0.01)^23</li>
 * </ul>
 * Its model asks for MuJoCo's PGS solver with 50 sweeps, which the simulator follows (sim.PgsSolver).
 */
public class Humanoid extends MujocoEnv {

    public static final double FORWARD_REWARD_WEIGHT = 1.25, HEALTHY_REWARD = 5.0, CTRL_COST_WEIGHT = 0.1;
    public static final double RESET_NOISE = 1e-2, MIN_Z = 1.0, MAX_Z = 2.0;

    private static final Box OBS = Box.uniform(376, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Humanoid() {
        super("humanoid", 5);
    }

    @Override public String id() { return "Humanoid-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected final void resetModel(RandomGenerator rng) {
        Legged.uniformReset(model, data, rng, RESET_NOISE);
    }

    @Override
    protected double[] observation() {
        int nq = model.nq(), nv = model.nv(), nb = model.nbody();
        double[] o = new double[nq - 2 + nv + 10 * nb + 6 * nb + nv + 6 * nb];
        int k = 0;
        System.arraycopy(data.qpos, 2, o, k, nq - 2);
        System.arraycopy(data.qvel, 0, o, k += nq - 2, nv);
        System.arraycopy(data.cinert, 0, o, k += nv, 10 * nb);
        System.arraycopy(data.cvel, 0, o, k += 10 * nb, 6 * nb);
        System.arraycopy(data.qfrcActuator, 0, o, k += 6 * nb, nv);
        System.arraycopy(data.cfrcExt, 0, o, k + nv, 6 * nb);
        return o;
    }

    @Override
    protected Transition stepTask(double[] action) {
        double before = Legged.massCenterX(model, data);
        doSimulation(action);
        RnePostConstraint.cfrcExt(model, data);
        double xVelocity = (Legged.massCenterX(model, data) - before) / dt;
        double reward = FORWARD_REWARD_WEIGHT * xVelocity + HEALTHY_REWARD - CTRL_COST_WEIGHT * sumSq(action);
        double z = data.qpos[2];
        return new Transition(observation(), reward, !(z > MIN_Z && z < MAX_Z), false);
    }

    /** Terminal unless 1 < obs[0] < 2 (obs[0] = torso z). The reward needs x: not from observations. */
    private static final TaskFunctions FUNCTIONS = new LearnedReward(376, 17,
            "Humanoid-v4: the reward needs the centre of mass x, which the observation omits",
            (next, n) -> !(next[n] > MIN_Z && next[n] < MAX_Z));
}
