package org.vaml4j.rl;

import java.util.Arrays;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Detach;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.SoftValueFunctions;

/**
 * SAC's value functions as model losses see them (k = 0, 1: critics; 2, 3: target critics):
 * {@code V_k(s) = Q_k(s, tanh(μ(s)))} with the action a constant, and the soft value
 * {@code V_soft,k(s) = Q_k(s, a) - α log π(a|s)}, a reparameterised from the caller's noise.
 * Every parameter enters as a constant view, so nothing here can change the agent.
 */
final class SacValueFunctions implements SoftValueFunctions {

    private final TanhGaussianPolicy policy;
    private final TwinQ critics;
    private final Params actor;
    private final Params critic;
    private final Params criticTarget;
    private final Sac sac;

    SacValueFunctions(Sac sac, TanhGaussianPolicy policy, TwinQ critics, Params actor, Params critic, Params criticTarget) {
        this.sac = sac;
        this.policy = policy;
        this.critics = critics;
        this.actor = actor;
        this.critic = critic;
        this.criticTarget = criticTarget;
    }

    @Override public int count() { return 4; }

    @Override public int stateDim() { return policy.obsDim(); }

    @Override public int actionDim() { return policy.actDim(); }

    @Override public float temperature() { return sac.alpha(); }

    @Override
    public Tensor value(Tape tape, int k, Tensor states) {
        check(k, states);
        Tensor action = policy.mean(tape, actor, Detach.apply(tape, states), false);      // (N x A), constant
        return critics.forwardOne(tape, k < 2 ? critic : criticTarget, states, action, k % 2, false);   // (N x 1)
    }

    @Override
    public Tensor softValue(Tape tape, int k, Tensor states, Tensor noise) {
        check(k, states);
        if (noise.rank() != 2 || noise.dim(0) != states.dim(0) || noise.dim(1) != actionDim()) {
            throw new IllegalArgumentException("soft value: noise must be [" + states.dim(0) + ", " + actionDim() + "], got "
                    + Arrays.toString(noise.shape()));
        }
        TanhGaussianPolicy.Sample a = policy.sample(tape, actor, states, noise, false);   // a(s), log π(a(s)|s)
        Tensor q = critics.forwardOne(tape, k < 2 ? critic : criticTarget, states, a.action(), k % 2, false);
        return Sub.apply(tape, q, Mul.apply(tape, a.logProb(), temperature()));          // (N x 1)
    }

    private void check(int k, Tensor states) {
        if (k < 0 || k >= 4) throw new IllegalArgumentException("value functions: k must be in [0, 4), got " + k);
        if (states.rank() != 2 || states.dim(1) != stateDim()) {
            throw new IllegalArgumentException("value functions: states must be [N, " + stateDim() + "], got "
                    + Arrays.toString(states.shape()));
        }
    }
}
