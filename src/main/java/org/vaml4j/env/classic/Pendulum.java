package org.vaml4j.env.classic;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.SeededEnv;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym {@code Pendulum-v1} (gym 0.26): swing a frictionless pendulum up and hold it.
 *
 * <ul>
 *   <li>state (θ, θ̇), θ = 0 upright, never wrapped; obs {@code [cos θ, sin θ, θ̇]} in ±(1, 1, 8)
 *   <li>action: torque in [-2, 2], clipped by the env
 *   <li>θ̇' = clip(θ̇ + (3g/(2l) sin θ + 3/(m l²) u) dt, ±8), then θ' = θ + θ̇' dt (semi-implicit)
 *   <li>reward on the pre-step state: -(norm(θ)² + 0.1 θ̇² + 0.001 u²), norm(x) = ((x + π) mod 2π) - π
 *   <li>reset θ ~ U(-π, π), θ̇ ~ U(-1, 1); never terminates; TimeLimit 200 (registry)
 * </ul>
 * Observations are double (Gym returns float32; the state itself is float64 in both).
 */
public final class Pendulum extends SeededEnv {

    public static final double MAX_SPEED = 8, MAX_TORQUE = 2, DT = 0.05, M = 1, L = 1;

    private static final Box OBS = new Box(new double[] {-1, -1, -MAX_SPEED}, new double[] {1, 1, MAX_SPEED});
    private static final Box ACT = Box.uniform(1, -MAX_TORQUE, MAX_TORQUE);

    private final double g;
    private final Functions functions = new Functions();
    private double th, thdot;

    /** Gym's default gravity, g = 10. */
    public Pendulum() {
        this(10.0);
    }

    public Pendulum(double g) {
        if (!Double.isFinite(g)) throw new IllegalArgumentException("Pendulum: g must be finite, got " + g);
        this.g = g;
    }

    @Override public String id() { return "Pendulum-v1"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public Box actionSpace() { return ACT; }

    @Override public TaskFunctions functions() { return functions; }

    /** The state (θ, θ̇). */
    public double[] state() {
        return new double[] {th, thdot};
    }

    /** Sets the state (θ, θ̇) of a started episode, e.g. for tests and loss-landscape studies. */
    public void setState(double theta, double thetaDot) {
        if (!Double.isFinite(theta) || !Double.isFinite(thetaDot)) {
            throw new IllegalArgumentException("Pendulum: state must be finite, got (" + theta + ", " + thetaDot + ")");
        }
        th = theta;
        thdot = thetaDot;
    }

    @Override
    protected double[] start(RandomGenerator rng) {
        th = rng.nextDouble(-Math.PI, Math.PI);
        thdot = rng.nextDouble(-1, 1);
        return obs();
    }

    @Override
    protected Transition advance(double[] action) {
        double u = ACT.validate("Pendulum action", action)[0];
        double reward = -(sq(angleNormalize(th)) + 0.1 * thdot * thdot + 0.001 * u * u);
        // θ̇' = clip(θ̇ + (3g/(2l) sin θ + 3/(m l²) u) dt), θ' = θ + θ̇' dt
        double newThdot = thdot + (3 * g / (2 * L) * StrictMath.sin(th) + 3.0 / (M * L * L) * u) * DT;
        newThdot = Math.min(MAX_SPEED, Math.max(-MAX_SPEED, newThdot));
        th = th + newThdot * DT;
        thdot = newThdot;
        return new Transition(obs(), reward, false, false);
    }

    private double[] obs() {
        return new double[] {StrictMath.cos(th), StrictMath.sin(th), thdot};
    }

    /** ((x + π) mod 2π) - π with a floored modulo (Python's {@code %}): a result in [-π, π). */
    public static double angleNormalize(double x) {
        double twoPi = 2 * Math.PI;
        double y = (x + Math.PI) % twoPi;
        if (y < 0) y += twoPi;
        return y - Math.PI;
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * Pendulum reward from observations: θ = atan2(sin θ, cos θ) recovers norm(θ) (up to the
     * sign at ±π, which the square removes); the torque is clipped to ±2 first. Never terminal.
     */
    public static final class Functions implements TaskFunctions {

        @Override public int obsDim() { return 3; }

        @Override public int actDim() { return 1; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            double theta = StrictMath.atan2(obs[o + 1], obs[o]);
            double thdot = obs[o + 2];
            double u = Math.min(MAX_TORQUE, Math.max(-MAX_TORQUE, act[a]));
            return -(theta * theta + 0.1 * thdot * thdot + 0.001 * u * u);
        }

        @Override
        public boolean terminated(double[] next, int n) {
            return false;
        }
    }
}
