package org.vaml4j.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vaml4j.kernel.Kernels;

/**
 * Reverse-mode recorder. Ops ask the tape for output tensors and, when a gradient must flow,
 * record their {@link Backward} rule; {@link #backward} runs the rules in reverse order.
 *
 * <p>Memory: the tape owns the value and gradient buffers of the tensors it hands out. The
 * i-th output requested after {@link #reset()} reuses the buffer of the i-th output of the
 * previous step when it is large enough, and the very {@link Tensor} object too when its shape
 * is the same (a tensor is immutable, so the old one is as good as a new one), so a training step
 * that repeats the same ops allocates nothing but the small op records (the backward closures).
 *
 * <p>No-grad mode is a property of this tape ({@link #setGradEnabled}): outputs then carry no
 * gradient and nothing is recorded. The tape is not thread-safe; use one per thread.
 */
public final class Tape {

    private static final float[] ONE = {1f};   // the seed d(out)/d(out); never written

    private final Kernels kernels;
    private boolean gradEnabled;
    private final List<Backward> records = new ArrayList<>();
    // slot i holds the buffers of the i-th output since the last reset
    private final List<float[]> dataSlots = new ArrayList<>();
    private final List<float[]> gradSlots = new ArrayList<>();
    private final List<Tensor> tensorSlots = new ArrayList<>();   // the i-th output handed out last
    private int nextSlot;
    private boolean backwardDone;   // a reverse pass ran since the last reset
    // one transient buffer shared by all ops (see scratch)
    private float[] scratch = new float[0];

    /** A recording tape on the given backend. */
    public Tape(Kernels kernels) {
        this(kernels, true);
    }

    public Tape(Kernels kernels, boolean gradEnabled) {
        if (kernels == null) throw new IllegalArgumentException("kernels must not be null");
        this.kernels = kernels;
        this.gradEnabled = gradEnabled;
    }

    public Kernels kernels() { return kernels; }

    public boolean gradEnabled() { return gradEnabled; }

    /** Turns recording on or off for the ops that follow. */
    public void setGradEnabled(boolean enabled) { this.gradEnabled = enabled; }

    /** Forgets the recorded ops and recycles every buffer handed out since the last reset. */
    public void reset() {
        records.clear();
        nextSlot = 0;
        backwardDone = false;
    }

    /** Number of op applications recorded since the last reset. */
    public int recorded() { return records.size(); }

    /**
     * A fresh output tensor of the given shape in a recycled buffer. Its values are unspecified
     * (the op overwrites them); its gradient, present when {@code wantsGrad} and recording is on,
     * is zero.
     */
    public Tensor output(boolean wantsGrad, int... shape) {
        Shapes.check(shape);
        int n = Shapes.size(shape);
        boolean grad = wantsGrad && gradEnabled;
        int slot = nextSlot++;
        float[] data = slotBuffer(dataSlots, slot, n);
        float[] g = null;
        if (grad) {
            g = slotBuffer(gradSlots, slot, n);
            Arrays.fill(g, 0, n, 0f);
        }
        while (tensorSlots.size() <= slot) tensorSlots.add(null);
        Tensor last = tensorSlots.get(slot);
        if (last != null && last.data() == data && last.grad() == g && last.hasShape(shape)) return last;
        Tensor t = new Tensor(shape.clone(), data, 0, g, 0);
        tensorSlots.set(slot, t);
        return t;
    }

    /** {@link #output(boolean, int...)} with the shape of {@code like} (without copying that shape first). */
    public Tensor outputLike(boolean wantsGrad, Tensor like) {
        return output(wantsGrad, like.shapeRef());
    }

    /** A tape-owned copy of {@code values} with the given shape; a gradient slot when asked. */
    public Tensor input(float[] values, int valuesOff, boolean wantsGrad, int... shape) {
        Tensor t = output(wantsGrad, shape);
        System.arraycopy(values, valuesOff, t.data(), 0, t.size());
        return t;
    }

    /**
     * A temporary buffer of at least {@code n} floats for use inside one op's forward or backward
     * rule. It is shared by every op of this tape: its contents are unspecified and are only valid
     * until the next call of {@code scratch}. Grows once, then is reused (no steady-state allocation).
     */
    public float[] scratch(int n) {
        if (n < 0) throw new IllegalArgumentException("scratch: negative size " + n);
        if (scratch.length < n) scratch = new float[n];
        return scratch;
    }

    /** Records a backward rule; ignored in no-grad mode. */
    public void record(Backward rule) {
        if (gradEnabled) records.add(rule);
    }

    /** Reverse pass from a one-element tensor, seeding d(out)/d(out) = 1. */
    public void backward(Tensor out) {
        if (out.size() != 1) {
            throw new IllegalArgumentException("backward: needs a one-element tensor, got shape "
                    + Arrays.toString(out.shape()) + "; pass an output gradient for other shapes");
        }
        backward(out, ONE);
    }

    /**
     * Reverse pass with a given output gradient (cotangent) of out's size. Runs every rule
     * recorded since the last {@link #reset()}, so it may run once per reset: a second pass would
     * push the first loss's gradients into the leaves again. For two losses, add them and run
     * one pass, or reset (or use a second tape) in between.
     *
     * @throws IllegalStateException when out carries no gradient, or a pass already ran since the last reset
     */
    public void backward(Tensor out, float[] outGrad) {
        if (backwardDone) {
            throw new IllegalStateException("backward: a reverse pass already ran on this tape since the last "
                    + "reset(); add the losses and run one pass, or reset() in between");
        }
        if (!out.requiresGrad()) {
            throw new IllegalStateException("backward: " + out + " does not depend on any tensor with a "
                    + "gradient (or was computed in no-grad mode)");
        }
        if (outGrad.length != out.size()) {
            throw new IllegalArgumentException("backward: output gradient has " + outGrad.length
                    + " values, output " + Arrays.toString(out.shape()) + " has " + out.size());
        }
        backwardDone = true;
        kernels.axpy(out.size(), 1f, outGrad, 0, out.grad(), out.gradOffset());
        for (int i = records.size() - 1; i >= 0; i--) records.get(i).run();
    }

    private static float[] slotBuffer(List<float[]> slots, int slot, int n) {
        while (slots.size() <= slot) slots.add(null);
        float[] b = slots.get(slot);
        if (b == null || b.length < n) {
            b = new float[n];
            slots.set(slot, b);
        }
        return b;
    }
}
