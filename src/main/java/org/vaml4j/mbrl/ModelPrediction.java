package org.vaml4j.mbrl;

import org.vaml4j.autodiff.Tensor;

/**
 * What a dynamics model predicts for a batch, per ensemble member: the mean of
 * {@code [delta-state, reward]} and, for a probabilistic (diagonal Gaussian) model, its
 * log-variance, already bounded by the model (mbrl-lib's soft max/min log-variance bounds).
 *
 * @param mean   (E x B x (stateDim + 1)) the predicted mean of {@code [s' - s, r]}, raw (not normalized) units
 * @param logVar (E x B x (stateDim + 1)) the bounded log-variance; {@code null} for a deterministic model
 */
public record ModelPrediction(Tensor mean, Tensor logVar) {

    public ModelPrediction {
        if (mean == null) throw new IllegalArgumentException("model prediction: mean must not be null");
        if (mean.rank() != 3) {
            throw new IllegalArgumentException("model prediction: mean must be (E x B x (stateDim + 1)), got " + mean);
        }
        if (logVar != null && !java.util.Arrays.equals(mean.shape(), logVar.shape())) {
            throw new IllegalArgumentException("model prediction: logVar " + logVar + " must have the shape of mean " + mean);
        }
    }

    /** True when the model predicts a variance (Gaussian heads). */
    public boolean probabilistic() { return logVar != null; }
}
