package org.vaml4j.nn;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * A read-only view of an agent's value functions, as value-aware model losses see them.
 *
 * <p>For SAC there are four: index 0 and 1 the two critics, 2 and 3 their target (polyak)
 * copies. {@code V_k(s) = Q_k(s, mu(s))} with {@code mu(s)} the actor's deterministic (mean,
 * tanh-squashed) action computed without gradient: the action is held fixed, so
 * {@code dV_k/ds} is the partial derivative of Q_k with respect to the state (VaGraM, eq. 7).
 *
 * <p>Implementations record the forward pass on the given tape with the agent's parameters as
 * constants: a backward pass delivers gradients to {@code states} (and whatever produced them,
 * e.g. a model's prediction) and never to the agent.
 */
public interface ValueFunctions {

    /** Number of value functions (4 for SAC: two critics, two target critics). */
    int count();

    /** Length of one state vector. */
    int stateDim();

    /**
     * {@code V_k(states)}: states (N x stateDim) -> values (N x 1), recorded on {@code tape}.
     *
     * @throws IllegalArgumentException for k outside [0, count()) or a wrong state width
     */
    Tensor value(Tape tape, int k, Tensor states);
}
