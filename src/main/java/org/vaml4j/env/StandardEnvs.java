package org.vaml4j.env;

import java.util.List;
import org.vaml4j.env.classic.AcrobotContinuous;
import org.vaml4j.env.classic.AcrobotThreeLevel;
import org.vaml4j.env.classic.CartPoleContinuous;
import org.vaml4j.env.classic.MountainCarContinuous;
import org.vaml4j.env.classic.Pendulum;

/**
 * The built-in tasks and wrappers, in the order {@code vaml4j envs} lists them. Adding a task
 * is one {@code r.register(...)} line here.
 */
final class StandardEnvs {

    private StandardEnvs() {}

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
    }
}
