package org.vaml4j.mbrl;

/**
 * The loop of {@link Mbac}. Defaults ({@link #defaults()}) are Lovatto et al.'s experiment
 * (research.md §D.2: daml-for-ac {@code experiment5.py}).
 *
 * @param warmupSteps     env steps with uniform random actions before the first model training (10 000)
 * @param modelEvery      env steps between model trainings, M (200)
 * @param warmupEpochs    epoch cap of the first model training (1000)
 * @param samples         model samples K per critic target (10)
 * @param updatesPerStep  actor-critic updates per env step (1)
 * @param realCapacity    real replay buffer capacity (60 000 = the run's length in the paper)
 * @param evalEvery       evaluate at the first episode end after every this many env steps (2000)
 * @param evalEpisodes    deterministic evaluation episodes (10)
 */
public record MbacConfig(long warmupSteps, int modelEvery, int warmupEpochs, int samples, int updatesPerStep, int realCapacity,
                         long evalEvery, int evalEpisodes) {

    public MbacConfig {
        if (warmupSteps < 2) throw new IllegalArgumentException("mbac: warmupSteps must be >= 2, got " + warmupSteps);
        if (modelEvery < 1 || warmupEpochs < 1 || samples < 1 || realCapacity < 1 || evalEvery < 1 || evalEpisodes < 1) {
            throw new IllegalArgumentException("mbac: modelEvery, warmupEpochs, samples, realCapacity, evalEvery and evalEpisodes must be >= 1");
        }
        if (updatesPerStep < 0) throw new IllegalArgumentException("mbac: updatesPerStep must be >= 0, got " + updatesPerStep);
    }

    public static MbacConfig defaults() {
        return new MbacConfig(10_000, 200, 1000, 10, 1, 60_000, 2000, 10);
    }
}
