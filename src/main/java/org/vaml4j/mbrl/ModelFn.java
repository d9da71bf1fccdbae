package org.vaml4j.mbrl;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * What a model loss sees of a dynamics model: an ensemble of E members mapping
 * {@code (s, a)} to a prediction of {@code [s' - s, r]} (the mbrl-lib output order: state delta
 * first, reward last).
 *
 * <p>Every array is per member: states (E x B x stateDim) and actions (E x B x actionDim), member
 * e predicting from row block e (bootstrap batches give each member its own rows; a shared batch
 * is the same rows repeated). {@link #predict} records on the given tape and is differentiable
 * with respect to the model's parameters and to its inputs, so a loss can back-propagate through
 * multi-step rollouts {@code s_hat_{t+1} = step(s_hat_t, a_t)}. Input normalization is the
 * model's own business: predictions are in raw units.
 *
 * <p>Implementations: the dynamics ensemble of {@code org.vaml4j.mbrl} (and small test doubles).
 */
public interface ModelFn {

    /** Number of ensemble members E. */
    int members();

    int stateDim();

    int actionDim();

    /** True for Gaussian heads ({@link ModelPrediction#logVar()} present), false for deterministic ones. */
    boolean probabilistic();

    /**
     * The prediction for every member: states (E x B x stateDim), actions (E x B x actionDim) ->
     * mean (E x B x (stateDim + 1)) and, when {@link #probabilistic()}, the bounded log-variance of
     * the same shape.
     *
     * @throws IllegalArgumentException for inputs of the wrong shape
     */
    ModelPrediction predict(Tape tape, Tensor states, Tensor actions);

    /**
     * {@code sum(maxLogVar) - sum(minLogVar)} over all entries of the log-variance bounds (in
     * mbrl-lib one vector of stateDim + 1 values shared by the members), a rank-0 tensor: the
     * bound term of MBPO's NLL, added once and weighted 0.01 there. It carries a gradient only
     * when the model learns its bounds (mbrl-lib's default keeps them fixed).
     *
     * @throws UnsupportedOperationException for a deterministic model
     */
    Tensor logVarBoundGap(Tape tape);

    /**
     * One differentiable step: {@code s' = s + mean_delta + exp(logVar_delta / 2) * noise}
     * (reparameterized, so the gradient flows through the sample into mean and log-variance), or
     * {@code s' = s + mean_delta} for a deterministic model or {@code noise == null}. The reward is
     * the predicted mean (never sampled). Noise comes from the caller's seeded generator.
     *
     * @param states  (E x B x stateDim)
     * @param actions (E x B x actionDim)
     * @param noise   (E x B x stateDim) standard normal draws, or null for the mean
     */
    default ModelStep step(Tape tape, Tensor states, Tensor actions, Tensor noise) {
        return ModelStep.sample(tape, states, predict(tape, states, actions), noise);
    }
}
