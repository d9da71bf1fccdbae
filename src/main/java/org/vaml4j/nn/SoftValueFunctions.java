package org.vaml4j.nn;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * The value functions of a maximum-entropy agent (SAC) with its soft state value, for the
 * SAC-aware VAML loss ({@code vaml-sac}, VaGraM App. C eq. 17) and Lovatto et al.'s soft value.
 *
 * <pre>
 *   V_soft,k(s) = Q_k(s, a) - alpha * log pi(a | s),   a = tanh(mu(s) + sigma(s) * noise)
 * </pre>
 * with the same index k as {@link #value} (SAC: 0, 1 critics, 2, 3 target critics) and the
 * agent's current temperature alpha. Unlike {@link #value}, the action is reparameterized and
 * depends on s: the gradient with respect to {@code states} flows through Q's state input, the
 * action a(s) and log pi(a(s) | s) — the pathwise gradient of the one-sample estimate of
 * {@code E_{a ~ pi(.|s)}[Q_k(s, a) - alpha log pi(a|s)]}. The agent's parameters stay constants.
 */
public interface SoftValueFunctions extends ValueFunctions {

    /** Length of one action vector (and of one noise row). */
    int actionDim();

    /** The entropy temperature alpha the soft values use. */
    float temperature();

    /**
     * {@code V_soft,k(states)}: states (N x stateDim), noise (N x actionDim) standard normal
     * draws from the caller -> (N x 1), recorded on {@code tape}.
     *
     * @throws IllegalArgumentException for k outside [0, count()) or wrong shapes
     */
    Tensor softValue(Tape tape, int k, Tensor states, Tensor noise);
}
