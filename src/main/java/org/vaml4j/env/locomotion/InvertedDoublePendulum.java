package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;
import org.vaml4j.random.Gaussian;

/**
 * Gym {@code InvertedDoublePendulum-v4}: balance two stacked poles on a cart.
 * <ul>
 *   <li>obs (11) = qpos[0], sin qpos[1:3], cos qpos[1:3], clip(qvel, -10, 10),
 *       clip(qfrc_constraint, -10, 10) (non-zero only while the slider limit acts)</li>
 *   <li>action (1) in [-1, 1], gear 500 on the slider</li>
 *   <li>reward = 10 - (0.01 x^2 + (z - 2)^2) - (1e-3 qvel[1]^2 + 5e-3 qvel[2]^2), (x, z) = the
 *       tip site's position as the step left it (last Runge-Kutta stage)</li>
 *   <li>terminated = z &lt;= 1; TimeLimit 1000 (registry); frame_skip 5, RK4 h = 0.01</li>
 *   <li>reset: qpos = qpos0 + U(-0.1, 0.1)^3, qvel = 0.1 N(0, 1)^3</li>
 * </ul>
 */
public final class InvertedDoublePendulum extends MujocoEnv {

    public static final double RESET_NOISE = 0.1, ALIVE_BONUS = 10;
    /** pole length: hinge to hinge and hinge to tip */
    public static final double POLE = 0.6;

    private static final Box OBS = Box.uniform(11, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final int tip;

    public InvertedDoublePendulum() {
        super("inverted_double_pendulum", 5);
        tip = model.siteId("tip");
    }

    @Override public String id() { return "InvertedDoublePendulum-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected void resetModel(RandomGenerator rng) {
        double[] q0 = model.qpos0();
        for (int i = 0; i < model.nq(); i++) data.qpos[i] = q0[i] + rng.nextDouble(-RESET_NOISE, RESET_NOISE);
        for (int i = 0; i < model.nv(); i++) data.qvel[i] = RESET_NOISE * Gaussian.next(rng);
    }

    @Override
    protected double[] observation() {
        double[] q = data.qpos, v = data.qvel, f = data.qfrcConstraint;
        return new double[] {
            q[0], StrictMath.sin(q[1]), StrictMath.sin(q[2]), StrictMath.cos(q[1]), StrictMath.cos(q[2]),
            clip10(v[0]), clip10(v[1]), clip10(v[2]), clip10(f[0]), clip10(f[1]), clip10(f[2])};
    }

    @Override
    protected Transition stepTask(double[] action) {
        doSimulation(action);
        double x = data.siteXpos[3 * tip], z = data.siteXpos[3 * tip + 2];
        double distPenalty = 0.01 * (x * x) + (z - 2) * (z - 2);
        double v1 = data.qvel[1], v2 = data.qvel[2];
        double velPenalty = 1e-3 * (v1 * v1) + 5e-3 * (v2 * v2);
        double reward = ALIVE_BONUS - distPenalty - velPenalty;
        return new Transition(observation(), reward, z <= 1, false);
    }

    /**
     * Termination from an observation: tip height z = 0.6 cos q1 + 0.6 cos(q1 + q2) from the
     * observed sines and cosines. The env itself reads the tip site as the last Runge-Kutta stage
     * left it, which differs from this by O(h^2), so the two can disagree within ~1e-4 of z = 1.
     * The reward needs the cart x of the same stale kinematics and the unclipped velocities:
     * not reproducible from observations.
     */
    private static final TaskFunctions FUNCTIONS = new LearnedReward(11, 1,
            "InvertedDoublePendulum-v4: the reward reads the simulator's tip site", (next, n) -> {
                double s1 = next[n + 1], s2 = next[n + 2], c1 = next[n + 3], c2 = next[n + 4];
                double z = POLE * c1 + POLE * (c1 * c2 - s1 * s2);
                return !(z > 1);
            });
}
