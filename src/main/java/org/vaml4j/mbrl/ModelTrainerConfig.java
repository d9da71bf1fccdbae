package org.vaml4j.mbrl;

import java.util.Arrays;

/**
 * How {@link ModelTrainer} fits a dynamics model. Defaults ({@link #defaults()}) follow MBPO
 * (research.md §A.2, §A.3).
 *
 * @param batchSize       transitions per member per gradient step (256)
 * @param lr              Adam learning rate (1e-3)
 * @param weightDecay     coupled L2 decay on the weights of each layer (hidden layers, then output),
 *                        or one value for all: original MBPO's {2.5e-5, 5e-5, 7.5e-5, 7.5e-5, 1e-4}
 * @param validationRatio share of the real data held out for early stopping and elites (0.2)
 * @param maxValidation   cap on the hold-out size (5000, original MBPO)
 * @param patience        epochs without a 1% improvement of any member's validation MSE before stopping (5)
 * @param maxEpochs       upper bound on epochs per training call; 0 = none (MBPO on MuJoCo)
 * @param vaeSamples      model samples per transition of the logged value-aware error (1)
 */
public record ModelTrainerConfig(int batchSize, double lr, double[] weightDecay, double validationRatio, int maxValidation,
                                 int patience, int maxEpochs, int vaeSamples) {

    /** Relative improvement of a member's validation MSE that counts (mbrl-lib: 1%). */
    public static final double IMPROVEMENT = 0.01;

    public ModelTrainerConfig {
        if (batchSize < 1) throw new IllegalArgumentException("model training: batchSize must be >= 1, got " + batchSize);
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("model training: lr must be > 0, got " + lr);
        weightDecay = weightDecay.clone();
        for (double d : weightDecay) {
            if (!(d >= 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("model training: weight decays must be >= 0, got " + Arrays.toString(weightDecay));
            }
        }
        if (!(validationRatio >= 0 && validationRatio < 1)) {
            throw new IllegalArgumentException("model training: validationRatio must be in [0, 1), got " + validationRatio);
        }
        if (maxValidation < 0) throw new IllegalArgumentException("model training: maxValidation must be >= 0, got " + maxValidation);
        if (patience < 1) throw new IllegalArgumentException("model training: patience must be >= 1, got " + patience);
        if (maxEpochs < 0) throw new IllegalArgumentException("model training: maxEpochs must be >= 0, got " + maxEpochs);
        if (validationRatio == 0 && maxEpochs == 0) {
            throw new IllegalArgumentException("model training: without a hold-out (validationRatio 0) maxEpochs must be > 0");
        }
        if (vaeSamples < 1) throw new IllegalArgumentException("model training: vaeSamples must be >= 1, got " + vaeSamples);
    }

    public static ModelTrainerConfig defaults() {
        return new ModelTrainerConfig(256, 1e-3, new double[] {2.5e-5, 5e-5, 7.5e-5, 7.5e-5, 1e-4}, 0.2, 5000, 5, 0, 1);
    }

    @Override public double[] weightDecay() { return weightDecay.clone(); }

    public ModelTrainerConfig withMaxEpochs(int epochs) {
        return new ModelTrainerConfig(batchSize, lr, weightDecay, validationRatio, maxValidation, patience, epochs, vaeSamples);
    }
}
