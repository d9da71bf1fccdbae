package org.vaml4j.experiment;

import org.vaml4j.env.Env;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.rl.Trainer;

/**
 * A training algorithm as {@code vaml4j train --algo <name>} knows it: its presets live under
 * {@code /org/vaml4j/presets/<name>/} ({@link Presets}), and it turns resolved {@link Settings}
 * into a {@link Trainer}. New algorithms plug in by adding an implementation to the list the
 * CLI consults.
 */
public interface Algorithm {

    /** The name used with {@code --algo}. */
    String name();

    /** One line for the help text. */
    String summary();

    /** The paper and algorithm it implements, e.g. {@code "Janner et al. 2019"} (for {@code vaml4j algos}). */
    default String reference() { return ""; }

    /** Whether {@code run.kernels=cuda} runs training with these settings on a GPU (else it is refused). */
    default boolean runsOnCuda(Settings settings) { return false; }

    /** Why {@link #runsOnCuda} is false, for the error line. */
    default String gpuLimitation(Settings settings) {
        return "--algo " + name() + " trains on the CPU only; on the GPU: --algo sac, and --algo mbpo with --loss mle";
    }

    /**
     * A fresh trainer for {@code env} (evaluation on {@code evalEnv}) configured by {@code settings}
     * (defaults + task preset + overrides); bad values throw IllegalArgumentException naming the key.
     */
    Trainer create(Settings settings, Env env, Env evalEnv, long seed, Kernels kernels);
}
