package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Reshape;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.mbrl.ModelStep;
import org.vaml4j.nn.SoftValueFunctions;
import org.vaml4j.nn.ValueFunctions;

/**
 * The one-step model advantage shared by the IterVAML and model-advantage losses:
 * <pre>
 *   A_k = V_k(s') - E_{s_hat ~ p_hat(s, a)}[V_k(s_hat)]  ~  V_k(s') - (1/n) sum_i V_k(s_hat_i)
 * </pre>
 * with pathwise samples {@code s_hat_i = s + mu + sigma * eps_i} (the gradient reaches the model
 * through s_hat; V's parameters are constants). A deterministic model has one sample, its mean.
 */
final class ModelAdvantage {

    private ModelAdvantage() {}

    /** n pathwise next-state samples (each E x B x ds) of a prediction made at {@code states}; one for a deterministic model. */
    static Tensor[] samples(Tape tape, ModelFn model, Tensor states, ModelPrediction p, RandomGenerator rng, int n) {
        int count = p.probabilistic() ? n : 1;
        Tensor[] out = new Tensor[count];
        for (int i = 0; i < count; i++) {
            Tensor eps = LossTerms.noise(tape, rng, model, states.dim(0), states.dim(1));
            out[i] = ModelStep.sample(tape, states, p, eps).nextStates();
        }
        return out;
    }

    /** {@code A_k} (E x B x 1) for the real next states (E x B x ds) and the model samples. */
    static Tensor advantage(Tape tape, ValueFunctions vf, int k, Tensor realNext, Tensor[] samples) {
        Tensor expected = LossTerms.values(tape, vf, k, samples[0]);
        for (int i = 1; i < samples.length; i++) expected = Add.apply(tape, expected, LossTerms.values(tape, vf, k, samples[i]));
        if (samples.length > 1) expected = Mul.apply(tape, expected, 1f / samples.length);
        return Sub.apply(tape, LossTerms.values(tape, vf, k, realNext), expected);
    }

    /**
     * The soft advantage of VaGraM App. C eq. 17 (E x B x 1): {@code V_soft,k} with action noise
     * {@code noise[i]} ((E*B) x actionDim) shared by s' and sample i (common random numbers, so a
     * perfect model has zero loss), averaged over the samples on both sides.
     */
    static Tensor softAdvantage(Tape tape, SoftValueFunctions vf, int k, Tensor realNext, Tensor[] samples, Tensor[] noise) {
        Tensor real = null, expected = null;
        for (int i = 0; i < samples.length; i++) {
            Tensor vr = soft(tape, vf, k, realNext, noise[i]);
            Tensor vm = soft(tape, vf, k, samples[i], noise[i]);
            real = real == null ? vr : Add.apply(tape, real, vr);
            expected = expected == null ? vm : Add.apply(tape, expected, vm);
        }
        Tensor a = Sub.apply(tape, real, expected);
        return samples.length > 1 ? Mul.apply(tape, a, 1f / samples.length) : a;
    }

    private static Tensor soft(Tape tape, SoftValueFunctions vf, int k, Tensor states, Tensor noise) {
        int e = states.dim(0), b = states.dim(1);
        Tensor flat = Reshape.apply(tape, states, e * b, states.dim(2));
        return Reshape.apply(tape, vf.softValue(tape, k, flat, noise), e, b, 1);
    }

    static int checkSamples(String id, int n) {
        if (n < 1) throw new IllegalArgumentException(id + ": samples must be >= 1, got " + n);
        return n;
    }
}
