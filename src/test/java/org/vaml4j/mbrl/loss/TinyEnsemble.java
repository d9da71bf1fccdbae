package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.autodiff.ops.Dense;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Softplus;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.kernel.Activation;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;

/**
 * A test double of a dynamics ensemble built from ops: one tanh hidden layer per member and a
 * head of 2 (ds + 1) outputs, mean and (for a probabilistic model) raw log-variance bounded as in
 * mbrl-lib: {@code lv = max - softplus(max - raw); lv = min + softplus(lv - min)}, bounds fixed.
 * The parameters are the tensors given (GradCheck hands in its own copies).
 *
 * <pre>
 *   w1 (E x (ds + da) x H), b1 (E x H), w2 (E x H x 2(ds + 1)), b2 (E x 2(ds + 1))
 * </pre>
 */
final class TinyEnsemble implements ModelFn {

    static final float MAX_LV = 0.5f, MIN_LV = -10f;

    final int members, stateDim, actionDim, hidden;
    final boolean probabilistic;
    final Tensor w1, b1, w2, b2;

    TinyEnsemble(int stateDim, int actionDim, boolean probabilistic, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        this.members = w1.dim(0);
        this.stateDim = stateDim;
        this.actionDim = actionDim;
        this.hidden = w1.dim(2);
        this.probabilistic = probabilistic;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /** Random parameters (variables) of scale {@code scale / sqrt(fan_in)}. */
    static Tensor[] randomParams(RandomGenerator rng, int e, int ds, int da, int h, float scale) {
        int in = ds + da, out = 2 * (ds + 1);
        return new Tensor[] {
            gaussian(rng, scale / (float) Math.sqrt(in), e, in, h),
            gaussian(rng, 0.1f, e, h),
            gaussian(rng, scale / (float) Math.sqrt(h), e, h, out),
            gaussian(rng, 0.1f, e, out)};
    }

    static TinyEnsemble of(int ds, int da, boolean probabilistic, Tensor... p) {
        return new TinyEnsemble(ds, da, probabilistic, p[0], p[1], p[2], p[3]);
    }

    static Tensor gaussian(RandomGenerator rng, float std, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = std * (float) rng.nextGaussian();
        return Tensor.variable(v, shape);
    }

    @Override public int members() { return members; }
    @Override public int stateDim() { return stateDim; }
    @Override public int actionDim() { return actionDim; }
    @Override public boolean probabilistic() { return probabilistic; }

    @Override
    public ModelPrediction predict(Tape tape, Tensor states, Tensor actions) {
        int o = stateDim + 1;
        Tensor x = Concat.apply(tape, states, actions);                      // (E x B x (ds + da))
        Tensor h = Dense.apply(tape, x, w1, b1, Activation.TANH);           // (E x B x H)
        Tensor y = Dense.apply(tape, h, w2, b2, Activation.IDENTITY);       // (E x B x 2o)
        Tensor mean = Slice.apply(tape, y, 0, o);
        if (!probabilistic) return new ModelPrediction(mean, null);
        Tensor raw = Slice.apply(tape, y, o, 2 * o);
        Tensor lv = Sub.apply(tape, MAX_LV, Softplus.apply(tape, Sub.apply(tape, MAX_LV, raw)));
        lv = Add.apply(tape, Softplus.apply(tape, Add.apply(tape, lv, -MIN_LV)), MIN_LV);
        return new ModelPrediction(mean, lv);
    }

    @Override
    public Tensor logVarBoundGap(Tape tape) {
        if (!probabilistic) throw new UnsupportedOperationException("deterministic test ensemble has no log-variance bounds");
        Tensor t = tape.output(false);
        t.data()[t.offset()] = (stateDim + 1) * (MAX_LV - MIN_LV);   // one bound vector shared by the members
        return t;
    }
}
