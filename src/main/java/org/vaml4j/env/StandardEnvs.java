package org.vaml4j.env;

import java.util.List;
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
    }
}
