package org.vaml4j.mbrl;

/**
 * What one {@link ModelTrainer#train} call measured, the quantities the papers plot per model
 * training. Validation figures are on the hold-out after restoring the best snapshot; NaN
 * where undefined (no hold-out, deterministic model for the NLL, no value functions for the
 * value-aware error).
 *
 * @param epochs          epochs run
 * @param updates         gradient steps taken
 * @param trainLoss       mean training loss over the last epoch's batches
 * @param valLoss         the model loss on the hold-out (no gradient)
 * @param valMse          mean squared error of the mean prediction of [s' - s, r], averaged over members, rows and outputs
 * @param valNll          Gaussian NLL on the hold-out (MBPO convention, members averaged), NaN for a deterministic model
 * @param valueAwareError IterVAML error under the current value functions on the hold-out (Lovatto eq. 9)
 * @param eliteMse        mean validation MSE of the elites
 */
public record ModelTrainingReport(int epochs, long updates, double trainLoss, double valLoss, double valMse, double valNll,
                                  double valueAwareError, double eliteMse) {

    /** Column names matching {@link #toArray()}. */
    public static final java.util.List<String> NAMES = java.util.List.of("model_epochs", "model_train_loss", "model_val_loss",
            "model_val_mse", "model_val_nll", "model_vae", "model_elite_mse");

    public double[] toArray() {
        return new double[] {epochs, trainLoss, valLoss, valMse, valNll, valueAwareError, eliteMse};
    }
}
