package org.vaml4j.rl;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Tanh;
import org.vaml4j.autodiff.ops.TanhGaussianLogProb;
import org.vaml4j.kernel.Activation;
import org.vaml4j.nn.Mlp;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.WeightInit;

/**
 * SAC's actor: an MLP maps s to (μ, raw) per action dimension; the log-std is bounded smoothly,
 * {@code log σ = lo + (hi - lo) (tanh(raw) + 1) / 2} (pytorch_sac, CleanRL; a hard clamp would
 * have zero gradient outside), and actions are tanh-squashed Gaussians:
 *
 * <pre>
 *   u = μ + σ ε, ε ~ N(0, I)         a = tanh(u) ∈ (-1, 1)^A
 *   log π(a|s) = Σ_j [ log N(ε_j) - log σ_j - log(1 - tanh(u_j)²) ]
 *   log(1 - tanh(u)²) = 2 (log 2 - u - softplus(-2u))      (exact and stable, no ε fudge)
 * </pre>
 *
 * The sample and its log-density are the fused {@link TanhGaussianLogProb} op.
 * Actions live in (-1, 1); the trainer maps them affinely onto the env's box. The deterministic
 * (evaluation) action is {@code tanh(μ)}.
 */
public final class TanhGaussianPolicy {

    /** Reparameterised sample: action (B x A) and log π (B x 1), both on the tape. */
    public record Sample(Tensor action, Tensor logProb) {}

    private final Mlp net;
    private final int obsDim;
    private final int actDim;
    private final float logStdMin;
    private final float logStdMax;

    /** Registers the network {@code <name>.l0 ...} (obs → hidden → 2A) in {@code b}. */
    public TanhGaussianPolicy(Params.Builder b, String name, int obsDim, int actDim, int[] hidden,
                              double logStdMin, double logStdMax) {
        this.net = new Mlp(b, name, obsDim, hidden, 2 * actDim, Activation.RELU, Activation.IDENTITY);
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.logStdMin = (float) logStdMin;
        this.logStdMax = (float) logStdMax;
    }

    public int obsDim() { return obsDim; }

    public int actDim() { return actDim; }

    public void init(Params p, WeightInit init, RandomGenerator rng) {
        net.init(p, init, rng);
    }

    /**
     * A reparameterised sample for obs (B x obsDim) with standard-normal noise eps (B x A, a
     * constant on the tape); gradients reach the actor's parameters when {@code trainable}.
     */
    public Sample sample(Tape tape, Params p, Tensor obs, Tensor eps, boolean trainable) {
        Tensor out = net.forward(tape, p, obs, trainable);                       // (B x 2A)
        Tensor mu = Slice.apply(tape, out, 0, actDim);                          // (B x A)
        Tensor logStd = boundedLogStd(tape, Slice.apply(tape, out, actDim, 2 * actDim));
        TanhGaussianLogProb.Result r = TanhGaussianLogProb.apply(tape, mu, logStd, eps);
        return new Sample(r.action(), r.logProb());
    }

    /** The deterministic action tanh(μ(s)) (B x A). */
    public Tensor mean(Tape tape, Params p, Tensor obs, boolean trainable) {
        Tensor out = net.forward(tape, p, obs, trainable);
        return Tanh.apply(tape, Slice.apply(tape, out, 0, actDim));
    }

    /** log σ = lo + (hi - lo) (tanh(raw) + 1) / 2. */
    private Tensor boundedLogStd(Tape tape, Tensor raw) {
        float half = 0.5f * (logStdMax - logStdMin);
        return Add.apply(tape, Mul.apply(tape, Tanh.apply(tape, raw), half), logStdMin + half);
    }
}
