package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;

/**
 * A model loss: a strategy that turns a model and a batch of real data into one scalar to
 * minimize (aesthetics §4.2 rule 9). Each variant is one class with its equation in the Javadoc;
 * its options are constructor arguments; {@link ModelLosses#create} builds them by name.
 *
 * <p>Conventions shared by every loss:
 * <ul>
 *   <li>Ensemble: the loss of each member is a mean over its B rows; members are SUMMED (as
 *       MBPO's NLL), so each member's gradient does not depend on E.</li>
 *   <li>The result is a rank-0 tensor on {@code tape}, differentiable with respect to the model's
 *       parameters; value functions and value-gradient weights are constants.</li>
 *   <li>Randomness (pathwise model samples) comes only from {@link LossContext#rng()}.</li>
 * </ul>
 */
public interface ModelLoss {

    /** The name of {@link ModelLosses#create}, e.g. {@code "vagram"}. */
    String id();

    /** One line: what the loss minimizes. */
    String description();

    /** Paper and equation, e.g. {@code "VaGraM eq. 7, App. E"}. */
    String reference();

    /** True when {@link LossContext#values()} must be present. */
    boolean needsValues();

    /**
     * Consecutive transitions per batch segment the loss reads: 1 for one-step losses;
     * {@code batch.horizon()} must be at least this. Trajectory losses read every step of the batch.
     */
    int horizon();

    /**
     * The loss, a rank-0 tensor recorded on {@code tape}.
     *
     * @throws IllegalArgumentException when the batch does not fit the model (members, dims), is
     *         shorter than {@link #horizon()}, or the context lacks the values this loss needs
     */
    Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx);
}
