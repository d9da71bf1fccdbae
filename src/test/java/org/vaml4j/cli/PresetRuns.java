package org.vaml4j.cli;

import java.util.List;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.experiment.Algorithm;
import org.vaml4j.experiment.Presets;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.TrainingListener;

/** Training runs built as {@code bin/vaml4j train --algo NAME --env TASK --set ...} builds them. */
final class PresetRuns {

    private PresetRuns() {}

    /** Trains {@code steps} env steps with one kernel thread; the final deterministic return over 5 episodes. */
    static double finalReturn(Algorithm algorithm, String name, String task, List<String> sets, long steps, long seed)
            throws Exception {
        EnvRegistry envs = EnvRegistry.standard();
        Env env = envs.make(task), evalEnv = envs.make(task);
        Settings s = Presets.resolve(name, env.id(), sets);
        Trainer t = algorithm.create(s, env, evalEnv, seed, KernelChoice.select("auto", 1));
        t.train(steps, TrainingListener.none());
        return t.evaluate(5);
    }
}
