package org.vaml4j.rl;

import java.util.Arrays;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.autodiff.ops.Detach;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.ValueFunctions;

/**
 * SAC's value functions as seen by model losses: V_k(s) = Q_k(s, tanh(μ(s))) for the critics
 * (k = 0, 1) and target critics (k = 2, 3), the action a constant. All parameters enter as
 * constant views, so nothing here can change the agent.
 */
final class SacValueFunctions implements ValueFunctions {

    private static final String[] NAMES = {"q1", "q2", "target_q1", "target_q2"};

    private final TanhGaussianPolicy policy;
    private final TwinQ critics;
    private final Params actor;
    private final Params critic;
    private final Params criticTarget;
    private final Tape tape;
    private float[] twice = new float[0];   // (2 x rows x stateDim) the states once per critic

    SacValueFunctions(TanhGaussianPolicy policy, TwinQ critics, Params actor, Params critic, Params criticTarget, Tape tape) {
        this.policy = policy;
        this.critics = critics;
        this.actor = actor;
        this.critic = critic;
        this.criticTarget = criticTarget;
        this.tape = tape;
    }

    @Override public int count() { return 4; }

    @Override public int stateDim() { return policy.obsDim(); }

    @Override public String name(int k) { return NAMES[k]; }

    @Override
    public Tensor values(Tape t, Tensor states) {
        requireStates(states);
        Tensor action = policy.mean(t, actor, Detach.apply(t, states), false);           // (B x A), constant
        Tensor online = critics.forward(t, critic, states, action, false);                // (2 x B x 1)
        Tensor target = critics.forward(t, criticTarget, states, action, false);          // (2 x B x 1)
        return Concat.apply(t, 0, online, target);                                        // (4 x B x 1)
    }

    @Override
    public void valuesAndGradients(float[] states, int rows, float[] values, float[] gradients) {
        int d = stateDim(), a = policy.actDim();
        if (rows < 1 || states.length < rows * d || values.length < 4 * rows || gradients.length < 4 * rows * d) {
            throw new IllegalArgumentException("valuesAndGradients: " + rows + " rows of " + d + " states need arrays of "
                    + rows * d + ", " + 4 * rows + " and " + 4 * rows * d + " values; got " + states.length + ", "
                    + values.length + ", " + gradients.length);
        }
        if (twice.length < 2 * rows * d) twice = new float[2 * rows * d];
        System.arraycopy(states, 0, twice, 0, rows * d);
        System.arraycopy(states, 0, twice, rows * d, rows * d);
        tape.reset();
        // a = tanh(μ(s)), a constant; one copy of (s, a) per critic so each critic's dV/ds stays separate
        Tensor action = policy.mean(tape, actor, tape.input(states, 0, false, rows, d), false);   // (rows x A)
        Tensor action2 = tape.output(false, 2, rows, a);
        System.arraycopy(action.data(), action.offset(), action2.data(), action2.offset(), rows * a);
        System.arraycopy(action.data(), action.offset(), action2.data(), action2.offset() + rows * a, rows * a);
        Tensor sOnline = tape.input(twice, 0, true, 2, rows, d);                                  // (2 x rows x d)
        Tensor sTarget = tape.input(twice, 0, true, 2, rows, d);
        Tensor vOnline = critics.forward(tape, critic, sOnline, action2, false);                  // (2 x rows x 1)
        Tensor vTarget = critics.forward(tape, criticTarget, sTarget, action2, false);
        // rows are independent, so the gradient of the total sum holds every row's dV_k/ds
        tape.backward(Add.apply(tape, Sum.apply(tape, vOnline), Sum.apply(tape, vTarget)));
        System.arraycopy(vOnline.data(), vOnline.offset(), values, 0, 2 * rows);
        System.arraycopy(vTarget.data(), vTarget.offset(), values, 2 * rows, 2 * rows);
        System.arraycopy(sOnline.grad(), sOnline.gradOffset(), gradients, 0, 2 * rows * d);
        System.arraycopy(sTarget.grad(), sTarget.gradOffset(), gradients, 2 * rows * d, 2 * rows * d);
    }

    private void requireStates(Tensor s) {
        if (s.rank() != 2 || s.dim(1) != stateDim()) {
            throw new IllegalArgumentException("value functions: states must be [B, " + stateDim() + "], got "
                    + Arrays.toString(s.shape()));
        }
    }
}
