package org.vaml4j.env.classic;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.SeededEnv;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * mbrl-lib {@code cartpole_continuous} (the CartPole of the VaGraM and model-advantage MBPO
 * runs): gym CartPole physics with a continuous force.
 *
 * <ul>
 *   <li>obs = state {@code [x, ẋ, θ, θ̇]}, θ = 0 upright
 *   <li>action a in Box(-1, 1), force F = 10 a, <b>not clipped</b> (as mbrl-lib)
 *   <li>temp = (F + m_p l θ̇² sin θ) / M; θ̈ = (g sin θ - cos θ temp) / (l (4/3 - m_p cos²θ / M));
 *       ẍ = temp - m_p l θ̈ cos θ / M; explicit Euler with τ = 0.02 (positions use old velocities)
 *   <li>terminated when x or θ leaves [-2.4, 2.4] / [-12°, 12°] (strict); reward 1 on every step,
 *       the terminating one included
 *   <li>reset U(-0.05, 0.05)^4; TimeLimit 200 ({@code trial_length} of mbrl-lib's configs)
 * </ul>
 */
public final class CartPoleContinuous extends SeededEnv {

    public static final double GRAVITY = 9.8, MASS_CART = 1.0, MASS_POLE = 0.1, TOTAL_MASS = 1.1;
    /** Half the pole length. */
    public static final double LENGTH = 0.5, POLEMASS_LENGTH = MASS_POLE * LENGTH;
    public static final double FORCE_MAG = 10.0, TAU = 0.02;
    public static final double X_THRESHOLD = 2.4, THETA_THRESHOLD = 12 * 2 * Math.PI / 360;

    private static final double F32 = Float.MAX_VALUE;
    private static final Box OBS = new Box(new double[] {-2 * X_THRESHOLD, -F32, -2 * THETA_THRESHOLD, -F32},
            new double[] {2 * X_THRESHOLD, F32, 2 * THETA_THRESHOLD, F32});
    private static final Box ACT = Box.uniform(1, -1, 1);

    private final Functions functions = new Functions();
    private final double[] s = new double[4]; // x, ẋ, θ, θ̇

    @Override public String id() { return "CartPoleContinuous"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public Box actionSpace() { return ACT; }

    @Override public TaskFunctions functions() { return functions; }

    /** The state {@code [x, ẋ, θ, θ̇]} (= the observation). */
    public double[] state() {
        return s.clone();
    }

    /** Sets the state of a started episode (tests, studies). */
    public void setState(double[] state) {
        double[] v = OBS.check("CartPole state", state);
        System.arraycopy(v, 0, s, 0, 4);
    }

    @Override
    protected double[] start(RandomGenerator rng) {
        for (int i = 0; i < 4; i++) s[i] = rng.nextDouble(-0.05, 0.05);
        return s.clone();
    }

    @Override
    protected Transition advance(double[] action) {
        double force = ACT.check("CartPole action", action)[0] * FORCE_MAG;
        double x = s[0], xDot = s[1], theta = s[2], thetaDot = s[3];
        double cos = StrictMath.cos(theta), sin = StrictMath.sin(theta);
        double temp = (force + POLEMASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLEMASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        // explicit Euler: positions advance with the old velocities
        s[0] = x + TAU * xDot;
        s[1] = xDot + TAU * xAcc;
        s[2] = theta + TAU * thetaDot;
        s[3] = thetaDot + TAU * thetaAcc;
        double[] obs = s.clone();
        return new Transition(obs, 1.0, functions.terminated(obs, 0), false);
    }

    /**
     * Reward 1 on every real transition (the env's reward, terminal step included; mbrl-lib's
     * model-side {@code reward_fns.cartpole} instead gives 0 on the terminal transition).
     * Terminal: x outside [-2.4, 2.4] or θ outside [-12°, 12°] (strict, as the env), or non-finite.
     */
    public static final class Functions implements TaskFunctions {

        @Override public int obsDim() { return 4; }

        @Override public int actDim() { return 1; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            return 1.0;
        }

        @Override
        public boolean terminated(double[] next, int n) {
            double x = next[n], theta = next[n + 2];
            boolean inside = x >= -X_THRESHOLD && x <= X_THRESHOLD && theta >= -THETA_THRESHOLD && theta <= THETA_THRESHOLD;
            return !inside || !Double.isFinite(next[n + 1]) || !Double.isFinite(next[n + 3]);
        }
    }
}
