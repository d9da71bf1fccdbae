package org.vaml4j.nn;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Dense;
import org.vaml4j.kernel.Activation;

/**
 * A dense layer {@code y = act(x W + b)} with W (in x out) and b (out) registered in a
 * {@link Params} as {@code <name>.w} and {@code <name>.b}.
 *
 * <p>A layer is a description (names and sizes), not storage: {@link #forward} takes the
 * {@link Params} to read, so one layer object serves a network and its Polyak target (two
 * Params of the same layout).
 */
public final class Linear {

    private final String weight;
    private final String bias;
    private final int in;
    private final int out;
    private final Activation act;

    /** Registers {@code <name>.w} (in x out) and {@code <name>.b} (out) in {@code b}. */
    public Linear(Params.Builder b, String name, int in, int out, Activation act) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("linear '" + name + "': sizes must be >= 1, got " + in + " x " + out);
        if (act == null) throw new IllegalArgumentException("linear '" + name + "': activation must not be null");
        this.weight = name + ".w";
        this.bias = name + ".b";
        this.in = in;
        this.out = out;
        this.act = act;
        b.add(weight, in, out).add(bias, out);
    }

    public int in() { return in; }

    public int out() { return out; }

    public Activation activation() { return act; }

    public String weightName() { return weight; }

    public String biasName() { return bias; }

    /** W from {@code init}, b = 0. */
    public void init(Params p, WeightInit init, RandomGenerator rng) {
        Params.Entry w = p.entry(weight), bb = p.entry(bias);
        init.fill(p.data(), w.offset(), in, out, rng);
        java.util.Arrays.fill(p.data(), bb.offset(), bb.offset() + out, 0f);
    }

    /**
     * {@code act(x W + b)} for x (... x in) → (... x out); with {@code trainable} the weights
     * receive gradients in {@code p.grad()}, otherwise they are constants (frozen or target nets).
     */
    public Tensor forward(Tape tape, Params p, Tensor x, boolean trainable) {
        return Dense.apply(tape, x, p.view(weight, trainable), p.view(bias, trainable), act);
    }
}
