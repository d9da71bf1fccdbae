package org.vaml4j.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Dense;
import org.vaml4j.kernel.Activation;

/**
 * E independent MLPs of the same architecture held as one batched network: layer i has weights
 * {@code <name>.l<i>.w} (E x in x out) and biases {@code <name>.l<i>.b} (E x out), so a forward
 * pass is one batched gemm per layer (mbrl-lib's {@code EnsembleLinearLayer}), not E loops.
 *
 * <p>Input (E x B x in): member e sees its own rows; or (B x in): every member sees the same rows.
 * Output (E x B x out).
 */
public final class EnsembleMlp {

    private final String[] weights;
    private final String[] biases;
    private final int[] sizes;          // in, hidden..., out
    private final Activation[] acts;    // per layer
    private final int members;

    public EnsembleMlp(Params.Builder b, String name, int members, int in, int[] hidden, int out,
                       Activation activation, Activation outputActivation) {
        if (members < 1) throw new IllegalArgumentException("ensemble '" + name + "': members must be >= 1, got " + members);
        if (in < 1 || out < 1) throw new IllegalArgumentException("ensemble '" + name + "': in and out must be >= 1");
        this.members = members;
        int n = hidden.length + 1;
        this.sizes = new int[n + 1];
        sizes[0] = in;
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) throw new IllegalArgumentException("ensemble '" + name + "': hidden widths must be >= 1, got " + Arrays.toString(hidden));
            sizes[i + 1] = hidden[i];
        }
        sizes[n] = out;
        this.weights = new String[n];
        this.biases = new String[n];
        this.acts = new Activation[n];
        for (int i = 0; i < n; i++) {
            weights[i] = name + ".l" + i + ".w";
            biases[i] = name + ".l" + i + ".b";
            acts[i] = i == n - 1 ? outputActivation : activation;
            b.add(weights[i], members, sizes[i], sizes[i + 1]).add(biases[i], members, sizes[i + 1]);
        }
    }

    public int members() { return members; }

    public int in() { return sizes[0]; }

    public int out() { return sizes[sizes.length - 1]; }

    /** Number of dense layers (hidden + output). */
    public int depth() { return weights.length; }

    /** Name of the weight entry of layer i (E x in_i x out_i), e.g. for per-layer weight decay. */
    public String weightName(int layer) { return weights[layer]; }

    public String biasName(int layer) { return biases[layer]; }

    /** Each member's weights from {@code init} with the layer's true fan-in; biases zero. */
    public void init(Params p, WeightInit init, RandomGenerator rng) {
        for (int i = 0; i < weights.length; i++) {
            Params.Entry w = p.entry(weights[i]), bb = p.entry(biases[i]);
            int fanIn = sizes[i], fanOut = sizes[i + 1];
            for (int e = 0; e < members; e++) init.fill(p.data(), w.offset() + e * fanIn * fanOut, fanIn, fanOut, rng);
            Arrays.fill(p.data(), bb.offset(), bb.offset() + bb.size(), 0f);
        }
    }

    /** Member {@code e} alone: x (B x in) → (B x out), one plain gemm per layer. */
    public Tensor forwardMember(Tape tape, Params p, Tensor x, int e, boolean trainable) {
        if (e < 0 || e >= members) throw new IllegalArgumentException("ensemble: member " + e + " of " + members);
        Tensor h = x;
        for (int i = 0; i < weights.length; i++) {
            h = Dense.apply(tape, h, p.memberView(weights[i], e, trainable), p.memberView(biases[i], e, trainable), acts[i]);
        }
        return h;
    }

    /** x (E x B x in) or (B x in) → (E x B x out). */
    public Tensor forward(Tape tape, Params p, Tensor x, boolean trainable) {
        Tensor h = x;
        for (int i = 0; i < weights.length; i++) {
            h = Dense.apply(tape, h, p.view(weights[i], trainable), p.view(biases[i], trainable), acts[i]);
        }
        return h;
    }
}
