package org.vaml4j.mbrl;

import java.util.Arrays;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Exp;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Slice;

/**
 * One differentiable model step from {@link ModelFn#step}: next states (sampled pathwise for a
 * probabilistic model, the mean otherwise), the predicted mean reward, and the prediction they
 * came from.
 *
 * @param nextStates (E x B x stateDim) {@code s + mean_delta (+ exp(logVar/2) * noise)}
 * @param rewards    (E x B x 1) predicted mean reward
 * @param prediction the model output behind both
 */
public record ModelStep(Tensor nextStates, Tensor rewards, ModelPrediction prediction) {

    /**
     * The step taken from a prediction already made for {@code states}:
     * {@code s' = s + mean_delta + exp(logVar_delta / 2) * noise} (reparameterized: the gradient
     * flows through the sample into mean and log-variance), or {@code s' = s + mean_delta} when the
     * prediction has no variance or {@code noise == null}. Several samples of one prediction share
     * its forward pass.
     *
     * @param states (E x B x stateDim) the states the prediction was made from
     * @param noise  (E x B x stateDim) standard normal draws, or null for the mean
     */
    public static ModelStep sample(Tape tape, Tensor states, ModelPrediction p, Tensor noise) {
        int ds = states.dim(-1);
        if (p.mean().dim(-1) != ds + 1 || states.rank() != 3 || states.dim(0) != p.mean().dim(0)
                || states.dim(1) != p.mean().dim(1)) {
            throw new IllegalArgumentException("model step: states " + Arrays.toString(states.shape())
                    + " do not match the prediction " + Arrays.toString(p.mean().shape()) + " (E x B x (stateDim + 1))");
        }
        Tensor delta = Slice.apply(tape, p.mean(), 0, ds);                             // (E x B x ds)
        if (noise != null && p.logVar() != null) {
            if (!Arrays.equals(noise.shape(), delta.shape())) {
                throw new IllegalArgumentException("model step: noise must be " + Arrays.toString(delta.shape())
                        + " (E x B x stateDim), got " + Arrays.toString(noise.shape()));
            }
            // sigma = exp(logVar / 2)
            Tensor std = Exp.apply(tape, Mul.apply(tape, Slice.apply(tape, p.logVar(), 0, ds), 0.5f));
            delta = Add.apply(tape, delta, Mul.apply(tape, std, noise));
        }
        Tensor next = Add.apply(tape, states, delta);                                   // (E x B x ds)
        Tensor reward = Slice.apply(tape, p.mean(), ds, ds + 1);                        // (E x B x 1)
        return new ModelStep(next, reward, p);
    }
}
