package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code Pusher-v4}: a 7-dof arm pushing a cylinder towards a goal on a table.
 * <ul>
 *   <li>obs (23) = qpos[0:7], qvel[0:7], xpos of tips_arm, object, goal (3 each, as the step left them)</li>
 *   <li>action (7) in [-2, 2], gear 1</li>
 *   <li>reward, from the xpos before the step: -|obj - goal| + 0.1 (-|a|^2) + 0.5 (-|obj - tip|)</li>
 *   <li>never terminates; TimeLimit 100 (registry); frame_skip 5, Euler h = 0.01, no gravity</li>
 *   <li>reset: qpos = qpos0; (c0, c1) = (U(-0.3, 0), U(-0.2, 0.2)) until |(c0, c1)| > 0.17;
 *       qpos[7] = c0 (object y slide), qpos[8] = c1 (object x slide); qvel = U(-0.005, 0.005)^11 with
 *       qvel[7:11] = 0</li>
 * </ul>
 */
public final class Pusher extends MujocoEnv {

    public static final double CTRL_WEIGHT = 0.1, NEAR_WEIGHT = 0.5, RESET_NOISE = 0.005, MIN_OBJECT_DIST = 0.17;

    private static final Box OBS = Box.uniform(23, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final int tips, object, goal;

    public Pusher() {
        super("pusher", 5);
        tips = model.bodyId("tips_arm");
        object = model.bodyId("object");
        goal = model.bodyId("goal");
    }

    @Override public String id() { return "Pusher-v4"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected void resetModel(RandomGenerator rng) {
        double c0, c1;
        do {
            c0 = rng.nextDouble(-0.3, 0);
            c1 = rng.nextDouble(-0.2, 0.2);
        } while (!(StrictMath.hypot(c0, c1) > MIN_OBJECT_DIST));
        data.qpos[7] = c0;
        data.qpos[8] = c1;
        data.qpos[9] = 0;
        data.qpos[10] = 0;
        for (int i = 0; i < model.nv(); i++) data.qvel[i] = rng.nextDouble(-RESET_NOISE, RESET_NOISE);
        for (int i = 7; i < 11; i++) data.qvel[i] = 0;
    }

    @Override
    protected double[] observation() {
        double[] o = new double[23];
        System.arraycopy(data.qpos, 0, o, 0, 7);
        System.arraycopy(data.qvel, 0, o, 7, 7);
        System.arraycopy(data.xpos, 3 * tips, o, 14, 3);
        System.arraycopy(data.xpos, 3 * object, o, 17, 3);
        System.arraycopy(data.xpos, 3 * goal, o, 20, 3);
        return o;
    }

    @Override
    protected Transition stepTask(double[] action) {
        double near = -dist(data.xpos, 3 * object, data.xpos, 3 * tips);
        double far = -dist(data.xpos, 3 * object, data.xpos, 3 * goal);
        double reward = far + CTRL_WEIGHT * -sumSq(action) + NEAR_WEIGHT * near;
        doSimulation(action);
        return new Transition(observation(), reward, false, false);
    }

    static double dist(double[] a, int i, double[] b, int j) {
        double dx = a[i] - b[j], dy = a[i + 1] - b[j + 1], dz = a[i + 2] - b[j + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * Never terminal. The reward reads the positions of the state the action is applied in, i.e. the
     * tips/object/goal blocks of {@code obs}: reward = -|obj - goal| - 0.1 |a|^2 - 0.5 |obj - tip|.
     */
    private static final TaskFunctions FUNCTIONS = new TaskFunctions() {
        @Override public int obsDim() { return 23; }

        @Override public int actDim() { return 7; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            double near = -dist(obs, o + 17, obs, o + 14), far = -dist(obs, o + 17, obs, o + 20);
            double ctrl = 0;
            for (int i = 0; i < 7; i++) ctrl += act[a + i] * act[a + i];
            return far + CTRL_WEIGHT * -ctrl + NEAR_WEIGHT * near;
        }

        @Override public boolean terminated(double[] next, int n) { return false; }
    };
}
