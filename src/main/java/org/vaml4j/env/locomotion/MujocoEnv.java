package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.SeededEnv;
import org.vaml4j.env.Transition;
import org.vaml4j.sim.Data;
import org.vaml4j.sim.Forward;
import org.vaml4j.sim.MjcfLoader;
import org.vaml4j.sim.Model;
import org.vaml4j.sim.Step;

/**
 * A Gym v4 MuJoCo task on the built-in simulator ({@code gym/envs/mujoco/mujoco_env.py}):
 * <ol>
 *   <li>step: ctrl = action (not clipped here; the motors clamp ctrl to ctrlrange, as MuJoCo
 *       does), then {@code frameSkip} x {@link Step#step}; dt = timestep * frameSkip. The
 *       derived fields of {@link #data()} (xpos, site positions, qfrcConstraint) are those
 *       {@code mj_step} leaves: the kinematics of the last Runge-Kutta stage.</li>
 *   <li>reset: {@code mj_resetData} (qpos0, zero velocity), the task's noise
 *       ({@link #resetModel}), then {@link Forward#forward}.</li>
 *   <li>{@link #resetDefault()} skips the noise: the reference harness's trajectory protocol.</li>
 * </ol>
 * Time limits come from the env registry's TimeLimit wrapper.
 */
public abstract class MujocoEnv extends SeededEnv {

    protected final Model model;
    protected final Data data;
    protected final int frameSkip;
    /** dt = timestep * frameSkip */
    protected final double dt;
    private final Box actionSpace;

    protected MujocoEnv(String modelName, int frameSkip) {
        this.model = MjcfLoader.loadResource(modelName);
        this.data = new Data(model);
        this.frameSkip = frameSkip;
        this.dt = model.timestep() * frameSkip;
        double[] lo = new double[model.nu()], hi = new double[model.nu()];
        for (int a = 0; a < model.nu(); a++) {
            lo[a] = model.ctrlLow(a);
            hi[a] = model.ctrlHigh(a);
        }
        this.actionSpace = new Box(lo, hi);
    }

    @Override public Box actionSpace() { return actionSpace; }

    /** The compiled model. */
    public Model model() { return model; }

    /** The simulation state; read it, do not write it while an episode runs. */
    public Data data() { return data; }

    /** Physics steps per env step. */
    public int frameSkip() { return frameSkip; }

    /** Env step duration, timestep * frameSkip. */
    public double dt() { return dt; }

    /** Starts from the model's default state without noise (qpos0, zero velocity); returns the observation. */
    public double[] resetDefault() {
        data.reset(model);
        Forward.forward(model, data);
        markStarted();
        return observation();
    }

    @Override
    protected final double[] start(RandomGenerator rng) {
        data.reset(model);
        resetModel(rng);
        Forward.forward(model, data);
        return observation();
    }

    /**
     * One env step without the episode bookkeeping: it continues past termination, as the
     * reference harness's trajectory protocol does. Same checks and result as {@code step}.
     */
    public Transition simulate(double[] action) {
        return advance(action);
    }

    @Override
    protected final Transition advance(double[] action) {
        checkAction(action);
        return stepTask(action);
    }

    /** ctrl = action; frameSkip physics steps. */
    protected final void doSimulation(double[] action) {
        System.arraycopy(action, 0, data.ctrl, 0, model.nu());
        for (int i = 0; i < frameSkip; i++) Step.step(model, data);
    }

    /** {@link #doSimulation}, returning the forward velocity (x' - x) / dt of qpos[0] (the planar tasks' root slide). */
    protected final double simulateForward(double[] action) {
        double xBefore = data.qpos[0];
        doSimulation(action);
        return (data.qpos[0] - xBefore) / dt;
    }

    /** Writes the initial qpos/qvel (after qpos0, zero velocity were set). */
    protected abstract void resetModel(RandomGenerator rng);

    /** The observation of the current data (a fresh array). */
    protected abstract double[] observation();

    /** Simulates one env step with a checked action and returns the transition. */
    protected abstract Transition stepTask(double[] action);

    /** Length and finiteness only: Gym v4 passes actions unclipped and MuJoCo clamps ctrl. */
    private void checkAction(double[] action) {
        if (action == null) throw new IllegalArgumentException(id() + " action must not be null");
        if (action.length != model.nu()) {
            throw new IllegalArgumentException(id() + " action has " + action.length + " values; expected " + model.nu());
        }
        for (int i = 0; i < action.length; i++) {
            if (!Double.isFinite(action[i])) {
                throw new IllegalArgumentException(id() + " action[" + i + "] is " + action[i] + "; must be finite");
            }
        }
    }

    static double sumSq(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return s;
    }

    static double clip10(double v) {
        return Math.max(-10, Math.min(10, v));
    }

    static boolean allFinite(double[] a, int off, int n) {
        for (int i = off; i < off + n; i++) if (!Double.isFinite(a[i])) return false;
        return true;
    }
}
