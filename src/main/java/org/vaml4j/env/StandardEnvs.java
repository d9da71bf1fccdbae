package org.vaml4j.env;

import java.util.List;
import org.vaml4j.env.classic.AcrobotContinuous;
import org.vaml4j.env.classic.AcrobotThreeLevel;
import org.vaml4j.env.classic.CartPoleContinuous;
import org.vaml4j.env.classic.MountainCarContinuous;
import org.vaml4j.env.classic.Pendulum;
import org.vaml4j.env.grid.GridWorld;
import org.vaml4j.env.locomotion.LocomotionTasks;
import org.vaml4j.env.synthetic.SyntheticTask;

/**
 * The built-in tasks and wrappers, in the order {@code vaml4j envs} lists them. Adding a task
 * is one {@code r.register(...)} line here, e.g. for a locomotion task of {@code env.locomotion}:
 * {@code r.register(EnvEntry.of("Hopper-v4", "Gym Hopper-v4 on the built-in simulator", 1000, Hopper::new, "hopper"));}
 * (or {@code new EnvEntry(id, aliases, summary, timeLimit, options, factory)} when it has options).
 */
final class StandardEnvs {

    private StandardEnvs() {}

    private static int sq(int n) {
        return n * n;
    }

    static void registerAll(EnvRegistry r) {
        // ---- classic control (anchors/CLASSIC.md) ----
        r.register(new EnvEntry("Pendulum-v1", List.of("pendulum"), "Gym Pendulum-v1 swing-up", 200,
                List.of(new EnvOption("g", "10.0", "gravity")), o -> new Pendulum(o.real("g"))));
        r.register(EnvEntry.of("CartPoleContinuous", "mbrl-lib cartpole_continuous: force 10a, reward 1, 200 steps",
                200, CartPoleContinuous::new, "cartpole", "continuous-cartpole"));
        r.register(EnvEntry.of("AcrobotContinuous", "Acrobot, torque = a in [-1, 1], reward = tip height (MBBL)",
                200, AcrobotContinuous::new, "acrobot", "continuous-acrobot"));
        r.register(EnvEntry.of("AcrobotThreeLevel", "Acrobot as va_slbo ran it: a picks torque -1/0/+1 at +-0.33",
                200, AcrobotThreeLevel::new, "acrobot-mbbl", "acrobot-slbo"));
        r.register(EnvEntry.of("MountainCarContinuous-v0", "Gym MountainCarContinuous-v0",
                999, MountainCarContinuous::new, "mountaincar", "mountain-car", "MountainCarContinuous"));

        // ---- gridworld (model-advantage §5.1; reconstruction, see GridWorld) ----
        r.register(new EnvEntry("GridEmpty", List.of("gridworld", "grid"), "N x N empty gridworld, 4 moves (size option)",
                List.of(new EnvOption("size", "8", "N, walls included")), o -> new GridWorld(o.integer("size", 4, 128)),
                o -> 4 * sq(o.integer("size", 4, 128))));
        for (int n : new int[] {5, 8, 12, 16}) {
            r.register(EnvEntry.of("GridEmpty-" + n + "x" + n, "empty gridworld " + n + " x " + n + ", 4 moves",
                    4 * n * n, () -> new GridWorld(n), "gridworld-" + n + "x" + n, "grid" + n));
        }

        // ---- synthetic random-MLP dynamics (Lovatto et al. §5.1) ----
        r.register(new EnvEntry("Synthetic", List.of("synthetic-mlp", "artificial"),
                "random 2-layer Gaussian MLP dynamics, reward 0", 200,
                List.of(new EnvOption("hidden", "64", "hidden width of the dynamics MLP"),
                        new EnvOption("obs_dim", "11", "observation size"),
                        new EnvOption("act_dim", "3", "action size"),
                        new EnvOption("seed", "0", "fixes the dynamics weights")),
                o -> new SyntheticTask(o.integer("obs_dim", 1, 4096), o.integer("act_dim", 1, 4096),
                        o.integer("hidden", 1, 1 << 16), o.longValue("seed"))));

        // ---- MuJoCo-style tasks on the built-in simulator (anchors/TASKS.md) ----
        for (LocomotionTasks.Task t : LocomotionTasks.all()) {
            r.register(EnvEntry.of(t.gymId(), "Gym " + t.gymId() + " on the built-in simulator", t.timeLimit(),
                    t.factory()::get, t.name()));
        }

        // ---- wrappers ----
        r.register(new WrapperEntry("distract", "k distractor dims, f(s) = s + sin(As) or s0 (VaGraM eq. 18)",
                List.of(new EnvOption("dims", "5", "number k of distracting dimensions"),
                        new EnvOption("seed", "0", "fixes A and s0")),
                "dims", (env, o) -> new Distracted(env, o.integer("dims", 1, 10_000), o.longValue("seed"))));
    }
}
