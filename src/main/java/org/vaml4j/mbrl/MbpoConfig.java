package org.vaml4j.mbrl;

/**
 * The Dyna loop of {@link Mbpo}. Defaults ({@link #defaults()}) are original MBPO's
 * (research.md §A.1, §A.2; Janner et al. 2019) with rollout length 1.
 *
 * @param epochLength     env steps per epoch (1000)
 * @param trainEvery      env steps between model trainings (250, {@code freq_train_model})
 * @param rolloutBatch    model rollouts started after each training (100 000 = 400 per env step x 250)
 * @param rolloutLength   rollout length L over epochs: {@code (int) at(epoch + 1)} (constant 1; Hopper 20,150,1,15)
 * @param retainEpochs    epochs of rollouts the model buffer keeps (1)
 * @param updatesPerStep  SAC updates per env step (20)
 * @param modelShare      share of each SAC batch drawn from the model buffer over epochs,
 *                        {@code at(epoch + 1)}: constant 0.95 = original MBPO's real_ratio 0.05;
 *                        VaGraM's schedule 0,40,0,0.95 grows it from 0 to 95% over 40 epochs
 * @param startSteps      env steps with uniform random actions before the first model training (5000)
 * @param realCapacity    real replay buffer capacity (1 000 000)
 * @param evalEpisodes    deterministic evaluation episodes at every epoch end (1)
 * @param rolloutChunk    rollouts stepped together (10 000; bounds memory, not results)
 * @param firstTrainingMaxEpochs epoch cap of the first model training only, which starts from
 *                        random weights (0 = none, as original MBPO; later trainings are capped by
 *                        the trainer's own {@code maxEpochs})
 */
public record MbpoConfig(int epochLength, int trainEvery, int rolloutBatch, TruncatedLinear rolloutLength, int retainEpochs,
                         int updatesPerStep, TruncatedLinear modelShare, long startSteps, int realCapacity, int evalEpisodes,
                         int rolloutChunk, int firstTrainingMaxEpochs) {

    public MbpoConfig {
        positive("epochLength", epochLength);
        positive("trainEvery", trainEvery);
        positive("rolloutBatch", rolloutBatch);
        positive("retainEpochs", retainEpochs);
        positive("realCapacity", realCapacity);
        positive("evalEpisodes", evalEpisodes);
        positive("rolloutChunk", rolloutChunk);
        if (firstTrainingMaxEpochs < 0) {
            throw new IllegalArgumentException("mbpo: firstTrainingMaxEpochs must be >= 0, got " + firstTrainingMaxEpochs);
        }
        if (updatesPerStep < 0) throw new IllegalArgumentException("mbpo: updatesPerStep must be >= 0, got " + updatesPerStep);
        if (startSteps < 2) throw new IllegalArgumentException("mbpo: startSteps must be >= 2 (the first model training needs data), got " + startSteps);
        if (rolloutLength == null || modelShare == null) throw new IllegalArgumentException("mbpo: schedules must not be null");
        for (double y : new double[] {rolloutLength.minY(), rolloutLength.maxY()}) {
            if (y < 1) throw new IllegalArgumentException("mbpo: rollout lengths must be >= 1, schedule " + rolloutLength.text());
        }
        for (double y : new double[] {modelShare.minY(), modelShare.maxY()}) {
            if (!(y >= 0 && y <= 1)) throw new IllegalArgumentException("mbpo: model share must be in [0, 1], schedule " + modelShare.text());
        }
    }

    /** Without a cap on the first model training. */
    public MbpoConfig(int epochLength, int trainEvery, int rolloutBatch, TruncatedLinear rolloutLength, int retainEpochs,
                      int updatesPerStep, TruncatedLinear modelShare, long startSteps, int realCapacity, int evalEpisodes,
                      int rolloutChunk) {
        this(epochLength, trainEvery, rolloutBatch, rolloutLength, retainEpochs, updatesPerStep, modelShare, startSteps, realCapacity,
                evalEpisodes, rolloutChunk, 0);
    }

    public static MbpoConfig defaults() {
        return new MbpoConfig(1000, 250, 100_000, TruncatedLinear.constant(1), 1, 20, TruncatedLinear.constant(0.95), 5000,
                1_000_000, 1, 10_000, 0);
    }

    private static void positive(String name, long v) {
        if (v < 1) throw new IllegalArgumentException("mbpo: " + name + " must be >= 1, got " + v);
    }
}
