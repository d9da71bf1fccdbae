package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code Reacher-v4}: move a two-link arm's fingertip to a random target.
 * <ul>
 *   <li>obs (11) = cos q0, cos q1, sin q0, sin q1, target x, y (qpos[2:4]), qvel[0:2],
 *       xpos[fingertip] - xpos[target] (3), read from {@code data.xpos} as the step left it
 *       (last Runge-Kutta stage)</li>
 *   <li>action (2) in [-1, 1], gear 200</li>
 *   <li>reward = -|xpos[fingertip] - xpos[target]| (before the step, i.e. -|obs[8:11]| of the
 *       previous observation) - |a|^2</li>
 *   <li>never terminates; TimeLimit 50 (registry); frame_skip 2, RK4 h = 0.01</li>
 *   <li>reset: qpos = qpos0 + U(-0.1, 0.1)^4; goal ~ U(-0.2, 0.2)^2 redrawn until |goal| &lt; 0.2,
 *       qpos[2:4] = goal; qvel = U(-0.005, 0.005)^4 with qvel[2:4] = 0</li>
 * </ul>
 */
public final class Reacher extends MujocoEnv {

    private static final Box OBS = Box.uniform(11, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final int fingertip, target;

    public Reacher() {
        super("reacher", 2);
        fingertip = model.bodyId("fingertip");
        target = model.bodyId("target");
    }

    @Override public String id() { return "Reacher-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected void resetModel(RandomGenerator rng) {
        double[] q0 = model.qpos0();
        for (int i = 0; i < model.nq(); i++) data.qpos[i] = q0[i] + rng.nextDouble(-0.1, 0.1);
        double gx, gy;
        do {
            gx = rng.nextDouble(-0.2, 0.2);
            gy = rng.nextDouble(-0.2, 0.2);
        } while (!(Math.sqrt(gx * gx + gy * gy) < 0.2));
        data.qpos[2] = gx;
        data.qpos[3] = gy;
        for (int i = 0; i < model.nv(); i++) data.qvel[i] = rng.nextDouble(-0.005, 0.005);
        data.qvel[2] = 0;
        data.qvel[3] = 0;
    }

    @Override
    protected double[] observation() {
        double[] q = data.qpos, x = data.xpos;
        return new double[] {
            StrictMath.cos(q[0]), StrictMath.cos(q[1]), StrictMath.sin(q[0]), StrictMath.sin(q[1]), q[2], q[3], data.qvel[0], data.qvel[1],
            x[3 * fingertip] - x[3 * target], x[3 * fingertip + 1] - x[3 * target + 1], x[3 * fingertip + 2] - x[3 * target + 2]};
    }

    @Override
    protected Transition stepTask(double[] action) {
        double[] x = data.xpos;
        double dx = x[3 * fingertip] - x[3 * target], dy = x[3 * fingertip + 1] - x[3 * target + 1],
                dz = x[3 * fingertip + 2] - x[3 * target + 2];
        double reward = -Math.sqrt(dx * dx + dy * dy + dz * dz) - sumSq(action);
        doSimulation(action);
        return new Transition(observation(), reward, false, false);
    }

    /** The reward reads the fingertip-target vector of the observation before the step. */
    private static final TaskFunctions FUNCTIONS = new TaskFunctions() {
        @Override public int obsDim() { return 11; }

        @Override public int actDim() { return 2; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            double dx = obs[o + 8], dy = obs[o + 9], dz = obs[o + 10];
            return -Math.sqrt(dx * dx + dy * dy + dz * dz) - (act[a] * act[a] + act[a + 1] * act[a + 1]);
        }

        @Override public boolean terminated(double[] next, int n) { return false; }
    };
}
