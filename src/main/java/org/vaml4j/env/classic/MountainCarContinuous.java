package org.vaml4j.env.classic;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.SeededEnv;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * Gym/Gymnasium {@code MountainCarContinuous-v0}: drive an underpowered car up the right hill.
 *
 * <ul>
 *   <li>obs = state [position, velocity] in [-1.2, 0.6] x [-0.07, 0.07]
 *   <li>action a in Box(-1, 1); force = clip(a, -1, 1)
 *   <li>v' = clip(v + 0.0015 force - 0.0025 cos(3 p), ±0.07); p' = clip(p + v', -1.2, 0.6);
 *       v' = 0 if p' hit -1.2 moving left; the new state is stored as float32 (as gym does)
 *   <li>terminated when p' ≥ 0.45 and v' ≥ 0; reward = 100 · terminated - 0.1 a² with the
 *       <b>unclipped</b> action (gym charges the raw action)
 *   <li>reset p ~ U(-0.6, -0.4), v = 0; TimeLimit 999
 * </ul>
 */
public final class MountainCarContinuous extends SeededEnv {

    public static final double MIN_POSITION = -1.2, MAX_POSITION = 0.6, MAX_SPEED = 0.07;
    public static final double GOAL_POSITION = 0.45, GOAL_VELOCITY = 0.0, POWER = 0.0015;

    private static final Box OBS = new Box(new double[] {MIN_POSITION, -MAX_SPEED}, new double[] {MAX_POSITION, MAX_SPEED});
    private static final Box ACT = Box.uniform(1, -1, 1);
    private static final Functions FUNCTIONS = new Functions();

    private double position, velocity;

    @Override public String id() { return "MountainCarContinuous-v0"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public Box actionSpace() { return ACT; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    /** The state [position, velocity]. */
    public double[] state() {
        return new double[] {position, velocity};
    }

    /** Sets the state of a started episode (tests, studies). */
    public void setState(double position, double velocity) {
        double[] v = OBS.check("MountainCar state", new double[] {position, velocity});
        this.position = v[0];
        this.velocity = v[1];
    }

    @Override
    protected double[] start(RandomGenerator rng) {
        position = rng.nextDouble(-0.6, -0.4);
        velocity = 0;
        return state();
    }

    @Override
    protected Transition advance(double[] action) {
        double a = ACT.check("MountainCar action", action)[0];
        double force = Math.min(1.0, Math.max(-1.0, a));
        double v = velocity + force * POWER - 0.0025 * StrictMath.cos(3 * position);
        v = Math.min(MAX_SPEED, Math.max(-MAX_SPEED, v));
        double p = Math.min(MAX_POSITION, Math.max(MIN_POSITION, position + v));
        if (p == MIN_POSITION && v < 0) v = 0;
        boolean terminated = atGoal(p, v);
        double reward = (terminated ? 100.0 : 0.0) - a * a * 0.1;
        position = (float) p;
        velocity = (float) v;
        return new Transition(state(), reward, terminated, false);
    }

    static boolean atGoal(double position, double velocity) {
        return position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
    }

    /**
     * reward = 100 · [next at the goal] - 0.1 a² (unclipped a); terminal = at the goal
     * (position ≥ 0.45, velocity ≥ 0) or non-finite. The goal test on the float32-stored
     * observation agrees with the env's test on the unrounded state except within float32
     * rounding of the thresholds.
     */
    public static final class Functions implements TaskFunctions {

        @Override public int obsDim() { return 2; }

        @Override public int actDim() { return 1; }

        @Override public boolean rewardFromObservations() { return true; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            double u = act[a];
            return (atGoal(next[n], next[n + 1]) ? 100.0 : 0.0) - u * u * 0.1;
        }

        @Override
        public boolean terminated(double[] next, int n) {
            return atGoal(next[n], next[n + 1]) || !Double.isFinite(next[n]) || !Double.isFinite(next[n + 1]);
        }
    }
}
