package org.vaml4j.nn;

import java.io.IOException;
import java.util.Arrays;

/**
 * State and bias correction shared by {@link Adam} and {@link AdamW}: first and second moments
 * in the layout of the parameters, the step count, and one decay coefficient per entry. The
 * subclasses differ only in where the weight decay enters the update.
 */
abstract sealed class AdamBase implements Optimizer, AdamState permits Adam, AdamW {

    protected final Params params;
    protected final AdamConfig config;
    protected final float[] m;       // (size) first-moment average, layout of params
    protected final float[] v;       // (size) second-moment average
    private final float[] decay;     // (entries) weight-decay coefficient per entry
    private long t;

    AdamBase(Params params, AdamConfig config, WeightDecay decay) {
        this.params = params;
        this.config = config;
        this.m = new float[params.size()];
        this.v = new float[params.size()];
        this.decay = decay.coefficients(params);
    }

    @Override public Params params() { return params; }

    @Override public long steps() { return t; }

    public AdamConfig config() { return config; }

    @Override public float[] moment1() { return m; }

    @Override public float[] moment2() { return v; }

    @Override
    public void restoreSteps(long steps) {
        if (steps < 0) throw new IllegalArgumentException("adam: step count must be >= 0, got " + steps);
        t = steps;
    }

    @Override
    public void step() {
        t++;
        double bc1 = 1 - StrictMath.pow(config.beta1(), t), bc2 = 1 - StrictMath.pow(config.beta2(), t);
        // theta -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps)   (torch's arrangement)
        float stepSize = (float) (config.lr() / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        for (int i = 0; i < decay.length; i++) {
            Params.Entry e = params.entries().get(i);
            update(e.offset(), e.size(), decay[i], stepSize, invSqrtBc2);
        }
    }

    /** Updates {@code [off, off + n)} of the parameters with weight decay {@code wd}. */
    abstract void update(int off, int n, float wd, float stepSize, float invSqrtBc2);

    @Override
    public void write(ArchiveWriter w, String prefix) throws IOException {
        w.floats(prefix + "m", m);
        w.floats(prefix + "v", v);
        w.longs(prefix + "t", t);
    }

    @Override
    public void read(ArchiveReader r, String prefix) {
        float[] m2 = r.floats(prefix + "m", m.length);
        float[] v2 = r.floats(prefix + "v", v.length);
        long t2 = r.longValue(prefix + "t");
        System.arraycopy(m2, 0, m, 0, m.length);
        System.arraycopy(v2, 0, v, 0, v.length);
        t = t2;
    }

    /** Resets moments and step count (a fresh optimizer on the same parameters). */
    public void reset() {
        Arrays.fill(m, 0f);
        Arrays.fill(v, 0f);
        t = 0;
    }
}
