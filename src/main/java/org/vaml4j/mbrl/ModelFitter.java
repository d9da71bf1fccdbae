package org.vaml4j.mbrl;

import java.io.IOException;
import java.util.random.RandomGenerator;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.nn.ValueFunctions;
import org.vaml4j.rl.ReplayBuffer;

/**
 * What fits the dynamics model before each round of rollouts: {@link ModelTrainer} on the host
 * tape, or {@code org.vaml4j.mbrl.device.DeviceModelTrainer} on a GPU. Both run the same
 * algorithm (hold-out, bootstrap, early stopping, elites; see ModelTrainer) and leave the host
 * model current after every call.
 */
public interface ModelFitter {

    /** Makes the fitter of a model. */
    @FunctionalInterface
    interface Factory {
        ModelFitter create(DynamicsEnsemble model, ModelLoss loss, ModelTrainerConfig config, Kernels kernels);
    }

    ModelLoss loss();

    /** Trains on every transition of {@code real} with the configured epoch cap; see {@link ModelTrainer#train}. */
    ModelTrainingReport train(ReplayBuffer real, ValueFunctions values, long step, RandomGenerator rng,
                              ModelTrainer.UpdateListener listener);

    /** The same with another epoch cap for this call (0 = none). */
    ModelTrainingReport train(ReplayBuffer real, ValueFunctions values, long step, RandomGenerator rng,
                              ModelTrainer.UpdateListener listener, int maxEpochs);

    /** The optimizer state and counts (the model itself is written by its owner). */
    void write(ArchiveWriter w, String prefix) throws IOException;

    /** Restores what {@link #write} wrote; called after the model itself was read. */
    void read(ArchiveReader r, String prefix);
}
