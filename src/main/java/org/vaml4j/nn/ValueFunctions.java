package org.vaml4j.nn;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * A read-only view of an agent's state-value functions, for model losses that weight model
 * errors by the value function (VaGraM, VAML, ...). It lives in {@code nn} so that model code can
 * depend on it without importing the agent.
 *
 * <p>For SAC, {@code count() == 4}: k = 0, 1 are the critics, k = 2, 3 the target critics, and
 * {@code V_k(s) = Q_k(s, tanh(μ(s)))} with the actor's deterministic action treated as a
 * constant (VaGraM's choice, research.md §B.2: the partial dQ/ds at a fixed action, not the
 * total derivative through the policy). Parameters are never changed through this view.
 */
public interface ValueFunctions {

    /** Number of value functions K. */
    int count();

    /** Length of a state vector. */
    int stateDim();

    /** Name of value function k (e.g. {@code "q1"}, {@code "target_q2"}). */
    String name(int k);

    /**
     * V_k(s) for every k on the caller's tape: states (B x stateDim) → (K x B x 1). The
     * parameters are constants; when {@code states} carries a gradient, the loss built on the
     * result back-propagates into it (e.g. into a model's predicted next states).
     */
    Tensor values(Tape tape, Tensor states);

    /**
     * Values and input gradients in one reverse pass, without touching the caller's tape:
     * {@code values} (K x rows) gets V_k(s_i), {@code gradients} (K x rows x stateDim) gets
     * dV_k/ds at s_i. {@code states} is (rows x stateDim). Not thread-safe (reuses one tape).
     */
    void valuesAndGradients(float[] states, int rows, float[] values, float[] gradients);
}
