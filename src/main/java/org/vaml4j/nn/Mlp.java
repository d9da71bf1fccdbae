package org.vaml4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;

/**
 * A multi-layer perceptron {@code in → hidden[0] → ... → hidden[n-1] → out}: every hidden layer
 * uses {@code activation}, the last one {@code outputActivation}. Layers are named
 * {@code <name>.l0, <name>.l1, ...} in a shared {@link Params}.
 */
public final class Mlp {

    private final List<Linear> layers = new ArrayList<>();
    private final int in;
    private final int out;

    /**
     * Registers the layers in {@code b}.
     *
     * @param hidden widths of the hidden layers (may be empty: one linear layer)
     */
    public Mlp(Params.Builder b, String name, int in, int[] hidden, int out, Activation activation,
               Activation outputActivation) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("mlp '" + name + "': in and out must be >= 1, got " + in + ", " + out);
        int prev = in;
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) throw new IllegalArgumentException("mlp '" + name + "': hidden widths must be >= 1, got " + Arrays.toString(hidden));
            layers.add(new Linear(b, name + ".l" + i, prev, hidden[i], activation));
            prev = hidden[i];
        }
        layers.add(new Linear(b, name + ".l" + hidden.length, prev, out, outputActivation));
        this.in = in;
        this.out = out;
    }

    /** {@code depth} hidden layers of {@code width}. */
    public static int[] hidden(int depth, int width) {
        if (depth < 0) throw new IllegalArgumentException("mlp: depth must be >= 0, got " + depth);
        int[] h = new int[depth];
        Arrays.fill(h, width);
        return h;
    }

    public int in() { return in; }

    public int out() { return out; }

    public List<Linear> layers() { return List.copyOf(layers); }

    /** Every weight from {@code init}, every bias zero. */
    public void init(Params p, WeightInit init, RandomGenerator rng) {
        for (Linear l : layers) l.init(p, init, rng);
    }

    /** x (B x in) → (B x out); see {@link Linear#forward} for {@code trainable}. */
    public Tensor forward(Tape tape, Params p, Tensor x, boolean trainable) {
        Tensor h = x;
        for (Linear l : layers) h = l.forward(tape, p, h, trainable);
        return h;
    }
}
