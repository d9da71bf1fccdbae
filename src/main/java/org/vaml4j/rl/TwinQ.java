package org.vaml4j.rl;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.kernel.Activation;
import org.vaml4j.nn.EnsembleMlp;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.WeightInit;

/**
 * SAC's two critics Q_1, Q_2 (s, a) → R as a 2-member {@link EnsembleMlp} on concat(s, a), so
 * both run as one batched gemm per layer. The same object evaluates the online and the target
 * critics (two Params of one layout).
 */
public final class TwinQ {

    private final EnsembleMlp net;
    private final int obsDim;
    private final int actDim;

    /** Registers {@code <name>.l0 ...} with weights (2 x in x out) in {@code b}. */
    public TwinQ(Params.Builder b, String name, int obsDim, int actDim, int[] hidden) {
        this.net = new EnsembleMlp(b, name, 2, obsDim + actDim, hidden, 1, Activation.RELU, Activation.IDENTITY);
        this.obsDim = obsDim;
        this.actDim = actDim;
    }

    public void init(Params p, WeightInit init, RandomGenerator rng) {
        net.init(p, init, rng);
    }

    /**
     * Q_k(s, a) for obs (B x obsDim) and act (B x actDim) shared by both critics → (2 x B x 1);
     * or obs (2 x B x obsDim) and act (2 x B x actDim), one input per critic (used where the
     * gradient with respect to each critic's input must stay separate).
     */
    public Tensor forward(Tape tape, Params p, Tensor obs, Tensor act, boolean trainable) {
        return net.forward(tape, p, Concat.apply(tape, obs, act), trainable);
    }

    /** Q_k(s, a) of critic k ∈ {0, 1} alone: obs (B x obsDim), act (B x actDim) → (B x 1). */
    public Tensor forwardOne(Tape tape, Params p, Tensor obs, Tensor act, int k, boolean trainable) {
        return net.forwardMember(tape, p, Concat.apply(tape, obs, act), k, trainable);
    }

    public int obsDim() { return obsDim; }

    public int actDim() { return actDim; }
}
