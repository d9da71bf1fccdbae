package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.autodiff.ops.Dense;
import org.vaml4j.autodiff.ops.Detach;
import org.vaml4j.autodiff.ops.Log;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.autodiff.ops.Tanh;
import org.vaml4j.kernel.Activation;
import org.vaml4j.nn.SoftValueFunctions;

/**
 * A test double of SAC's value functions from small random MLPs (constants): K critics
 * {@code Q_k(s, a) = w2_k . tanh([s, a] W1_k + b1_k) + c_k} and a policy
 * {@code a = tanh(s P + p + sigma noise)} with fixed sigma. {@code V_k(s) = Q_k(s, tanh(s P + p))},
 * the action held fixed (detached); the soft value uses the reparameterized action and the
 * tanh-Gaussian log-probability {@code sum_j -noise_j^2/2 - log sigma - log(2 pi)/2 - log(1 - a_j^2 + 1e-6)}.
 * As with SAC, {@code dV_k/ds} is the partial derivative at the fixed action: unless the policy
 * gain is 0 it is not the derivative of the function {@code s -> V_k(s)}.
 */
final class MlpValues implements SoftValueFunctions {

    private static final float SIGMA = 0.5f;

    private final int count, stateDim, actionDim;
    private final float alpha;
    private final Tensor[] w1, b1, w2, c;   // per k: ((ds + da) x H), (H), (H x 1), (1)
    private final Tensor p, p0;             // (ds x da), (da)

    MlpValues(RandomGenerator rng, int count, int stateDim, int actionDim, int hidden, float alpha) {
        this(rng, count, stateDim, actionDim, hidden, alpha, 0.5f);
    }

    /**
     * @param policyGain scale of P; 0 makes the policy's mean action independent of the state, so
     *                   V_k(s) = Q_k(s, const) is a plain function of s and its fixed-action
     *                   gradient is the true one (what GradCheck of a whole loss needs)
     */
    MlpValues(RandomGenerator rng, int count, int stateDim, int actionDim, int hidden, float alpha, float policyGain) {
        this.count = count;
        this.stateDim = stateDim;
        this.actionDim = actionDim;
        this.alpha = alpha;
        w1 = new Tensor[count];
        b1 = new Tensor[count];
        w2 = new Tensor[count];
        c = new Tensor[count];
        int in = stateDim + actionDim;
        for (int k = 0; k < count; k++) {
            w1[k] = constant(rng, 1f / (float) Math.sqrt(in), in, hidden);
            b1[k] = constant(rng, 0.3f, hidden);
            w2[k] = constant(rng, 1f / (float) Math.sqrt(hidden), hidden, 1);
            c[k] = constant(rng, 1f, 1);
        }
        p = constant(rng, policyGain / (float) Math.sqrt(stateDim), stateDim, actionDim);
        p0 = constant(rng, 0.1f, actionDim);
    }

    private static Tensor constant(RandomGenerator rng, float std, int... shape) {
        Tensor t = TinyEnsemble.gaussian(rng, std, shape);
        return Tensor.constant(t.toArray(), shape);
    }

    @Override public int count() { return count; }
    @Override public int stateDim() { return stateDim; }
    @Override public int actionDim() { return actionDim; }
    @Override public float temperature() { return alpha; }

    private Tensor q(Tape tape, int k, Tensor s, Tensor a) {
        Tensor h = Dense.apply(tape, Concat.apply(tape, s, a), w1[k], b1[k], Activation.TANH);   // (N x H)
        return Dense.apply(tape, h, w2[k], c[k], Activation.IDENTITY);                           // (N x 1)
    }

    @Override
    public Tensor value(Tape tape, int k, Tensor states) {
        check(k, states);
        Tensor a = Dense.apply(tape, Detach.apply(tape, states), p, p0, Activation.TANH);       // (N x da), constant
        return q(tape, k, states, a);
    }

    /** {@code Q_k(states, tanh(actionStates P + p))}: V_k with the action taken at other states (for finite differences). */
    Tensor valueWithActionAt(Tape tape, int k, Tensor states, Tensor actionStates) {
        return q(tape, k, states, Dense.apply(tape, actionStates, p, p0, Activation.TANH));
    }

    @Override
    public Tensor softValue(Tape tape, int k, Tensor states, Tensor noise) {
        check(k, states);
        Tensor u = Add.apply(tape, Dense.apply(tape, states, p, p0, Activation.IDENTITY), Mul.apply(tape, noise, SIGMA));
        Tensor a = Tanh.apply(tape, u);                                                          // (N x da)
        // log pi(a|s) = sum_j [-noise^2/2 - log sigma - log(2 pi)/2] - sum_j log(1 - a_j^2 + 1e-6)
        float gaussConst = actionDim * (float) (-Math.log(SIGMA) - 0.5 * Math.log(2 * Math.PI));
        Tensor squash = Sum.apply(tape, Log.apply(tape, Add.apply(tape, Sub.apply(tape, 1f, Square.apply(tape, a)), 1e-6f)), 1, true);
        Tensor noiseTerm = Sum.apply(tape, Mul.apply(tape, Square.apply(tape, noise), -0.5f), 1, true);
        Tensor logp = Sub.apply(tape, Add.apply(tape, noiseTerm, gaussConst), squash);            // (N x 1)
        return Sub.apply(tape, q(tape, k, states, a), Mul.apply(tape, logp, alpha));
    }

    private void check(int k, Tensor states) {
        if (k < 0 || k >= count || states.rank() != 2 || states.dim(1) != stateDim) {
            throw new IllegalArgumentException("test values: k " + k + ", states " + states);
        }
    }
}
