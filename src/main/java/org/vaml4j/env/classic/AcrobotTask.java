package org.vaml4j.env.classic;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.SeededEnv;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * The continuous-action Acrobot of the model-advantage code (MBBL {@code gym_acrobot}):
 * {@link AcrobotDynamics}, action Box(-1, 1), reward = tip height above the pivot of the
 * pre-step state, {@code -cos θ1 - cos(θ1 + θ2)} in [-2, 2], never terminates, TimeLimit 200,
 * reset U(-0.1, 0.1)^4, obs {@code [cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2]}. The variants
 * differ only in how the action becomes a torque ({@link #torque}).
 */
public abstract class AcrobotTask extends SeededEnv {

    private static final double W1 = AcrobotDynamics.MAX_VEL_1, W2 = AcrobotDynamics.MAX_VEL_2;
    private static final Box OBS = new Box(new double[] {-1, -1, -1, -1, -W1, -W2}, new double[] {1, 1, 1, 1, W1, W2});
    private static final Box ACT = Box.uniform(1, -1, 1);
    private static final Functions FUNCTIONS = new Functions();

    private final double[] s = new double[4]; // θ1, θ2, θ̇1, θ̇2

    /** The torque on the middle joint for the (clipped) action value {@code a} in [-1, 1]. */
    protected abstract double torque(double a);

    @Override public Box observationSpace() { return OBS; }

    @Override public Box actionSpace() { return ACT; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    /** The state (θ1, θ2, θ̇1, θ̇2). */
    public double[] state() {
        return s.clone();
    }

    /** Sets the state (θ1, θ2, θ̇1, θ̇2) of a started episode (tests, studies). */
    public void setState(double[] state) {
        double[] v = Box.uniform(4, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).check("Acrobot state", state);
        System.arraycopy(v, 0, s, 0, 4);
    }

    @Override
    protected double[] start(RandomGenerator rng) {
        for (int i = 0; i < 4; i++) s[i] = rng.nextDouble(-0.1, 0.1);
        return obs();
    }

    @Override
    protected Transition advance(double[] action) {
        double tau = torque(ACT.validate("Acrobot action", action)[0]);
        double reward = -StrictMath.cos(s[0]) - StrictMath.cos(s[0] + s[1]);
        AcrobotDynamics.step(s, tau);
        return new Transition(obs(), reward, false, false);
    }

    private double[] obs() {
        return new double[] {StrictMath.cos(s[0]), StrictMath.sin(s[0]), StrictMath.cos(s[1]), StrictMath.sin(s[1]), s[2], s[3]};
    }

    /** Tip height from the pre-step observation: -(cos θ1 + cos θ1 cos θ2 - sin θ1 sin θ2). Never terminal. */
    public static final class Functions implements TaskFunctions {

        @Override public int obsDim() { return 6; }

        @Override public int actDim() { return 1; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            double c1 = obs[o], s1 = obs[o + 1], c2 = obs[o + 2], s2 = obs[o + 3];
            return -(c1 + (c1 * c2 - s1 * s2));
        }

        @Override
        public boolean terminated(double[] next, int n) {
            return false;
        }
    }
}
