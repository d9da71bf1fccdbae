package org.vaml4j.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.mbrl.ModelTrainerConfig;
import org.vaml4j.mbrl.loss.LossContext;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.mbrl.loss.ValueGradientCache;
import org.vaml4j.nn.Adam;
import org.vaml4j.nn.AdamConfig;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;

/**
 * The dynamics-ensemble workloads of the PyTorch anchor ({@code anchors/torch/bench.py}), built
 * from the library's classes: {@link DynamicsEnsemble} (MBPO's 7 x 14-200-200-200-200-24 SiLU
 * Gaussian ensemble), the model losses of {@link ModelLosses} and {@link Adam} with MBPO's
 * per-layer coupled weight decay, stepped exactly as {@code ModelTrainer} steps them.
 *
 * <p>Differences to bench.py that remain (the library's real code path, not a re-implementation):
 * the model normalizes its inputs on the tape ({@code (concat(s, a) - mu) / sigma}, 3 cheap
 * elementwise ops); the targets are {@code [s' - s, r]} of random transitions instead of free
 * random targets; VaGraM's value gradients use the actor's mean action (bench.py samples
 * a' ~ pi), clip per value function (bench.py: one quantile over all 4 N norms) and average
 * the 4 squared gradients (bench.py sums them, a constant factor).
 */
final class EnsembleWorkloads {

    static final int OBS = EngineWorkloads.OBS, ACT = EngineWorkloads.ACT, REW = 1;
    static final int MEMBERS = 7, BATCH = 256, PREDICT_ROWS = 100_000;

    private EnsembleWorkloads() {}

    /** FLOPs of one row through one member: 2 in out per layer, 14-200-200-200-200-24. */
    static long flopsPerRow() {
        int[] dims = {OBS + ACT, 200, 200, 200, 200, 2 * (OBS + REW)};
        long f = 0;
        for (int i = 0; i + 1 < dims.length; i++) f += 2L * dims[i] * dims[i + 1];
        return f;
    }

    /**
     * ENSEMBLE_TRAIN: one step of the {@code mle} loss (Gaussian NLL, learned soft log-variance
     * bounds, 0.01 bound penalty) on 7 x 256 rows: forward, backward, Adam 1e-3 with MBPO's
     * per-layer L2 as coupled decay. GFLOP/s counts 3x the forward matmul FLOPs (bench.py).
     */
    static Workload ensembleTrain(Kernels kn) {
        DynamicsEnsemble model = new DynamicsEnsemble(OBS, ACT, learnedBounds(), new SplittableRandom(1));
        ModelTrainerConfig tc = ModelTrainerConfig.defaults();
        Adam opt = new Adam(model.params(), AdamConfig.of(tc.lr()), model.weightDecay(tc.weightDecay()));
        ModelLoss loss = ModelLosses.create("mle");
        ModelBatch batch = randomBatch(new SplittableRandom(0), false);
        LossContext ctx = LossContext.of(new SplittableRandom(2));
        Tape tape = new Tape(kn);
        return new Workload("ENSEMBLE_TRAIN", () -> step(tape, model, loss, batch, ctx, opt),
                3 * flopsPerRow() * MEMBERS * BATCH, 1,
                "7x256 rows; fwd+bwd+Adam (DynamicsEnsemble + mle loss); gflops=3x fwd matmul flops",
                () -> new float[][] {model.params().data()});
    }

    /** ENSEMBLE_PREDICT: no-grad forward of 100k rows split over the 7 members (7 x 14286). */
    static Workload ensemblePredict(Kernels kn) {
        return ensemblePredict(kn, (PREDICT_ROWS + MEMBERS - 1) / MEMBERS);
    }

    /** ENSEMBLE_PREDICT with {@code rows} rows per member (the allocation test's cheaper variant, same code paths). */
    static Workload ensemblePredict(Kernels kn, int rows) {
        DynamicsEnsemble model = new DynamicsEnsemble(OBS, ACT, learnedBounds(), new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(0);
        float[] s = EngineWorkloads.normal(rng, MEMBERS * rows * OBS);       // (E x rows x ds)
        float[] a = EngineWorkloads.normal(rng, MEMBERS * rows * ACT);       // (E x rows x da)
        Tensor st = Tensor.constant(s, MEMBERS, rows, OBS), at = Tensor.constant(a, MEMBERS, rows, ACT);
        Tape tape = new Tape(kn, false);
        ModelPrediction[] last = new ModelPrediction[1];
        return new Workload("ENSEMBLE_PREDICT", () -> {
            tape.reset();
            last[0] = model.predict(tape, st, at);
        }, flopsPerRow() * MEMBERS * rows, 1, true, "7x" + rows + " rows" + (MEMBERS * rows >= PREDICT_ROWS ? " (100k split)" : "") + "; no-grad fwd (DynamicsEnsemble.predict)",
                () -> new float[][] {last[0].mean().toArray(), last[0].logVar().toArray()});
    }

    /**
     * VALUE_GRAD / VALUE_GRAD_7x256: one step of the {@code vagram} loss (95th-percentile clip)
     * with the 4 value functions of a {@link Sac} agent (2 critics, 2 target critics), backward
     * into the ensemble and an Adam step. Shared: the same 256 (s, a, s') for every member; the
     * library's loss takes a per-member batch, so it computes the value gradients at all 7 x 256
     * rows either way (bench.py's shared variant computes 256).
     */
    static Workload valueGrad(Kernels kn, boolean perMember) {
        Sac sac = new Sac(OBS, ACT, SacConfig.defaults(), kn, new SplittableRandom(1));
        DynamicsEnsemble model = new DynamicsEnsemble(OBS, ACT, DynamicsConfig.defaults(), new SplittableRandom(3));
        ModelTrainerConfig tc = ModelTrainerConfig.defaults();
        Adam opt = new Adam(model.params(), AdamConfig.of(tc.lr()), model.weightDecay(tc.weightDecay()));
        ModelLoss loss = ModelLosses.create("vagram");
        ModelBatch batch = randomBatch(new SplittableRandom(0), !perMember);
        // a cache that stores nothing: the value gradients are recomputed every step, as in bench.py
        LossContext ctx = new LossContext(sac.valueFunctions(), new ValueGradientCache(kn, 0), new SplittableRandom(2), 0);
        Tape tape = new Tape(kn);
        String name = perMember ? "VALUE_GRAD_7x256" : "VALUE_GRAD";
        String notes = (perMember ? "7x256 per-member s'" : "256 shared s' (value grads at all 7x256 rows)")
                + "; 4 value-function input grads + 95pct clip + ensemble fwd/bwd/Adam (vagram loss)";
        return new Workload(name, () -> step(tape, model, loss, batch, ctx, opt), 0, 1, notes,
                () -> new float[][] {model.params().data()});
    }

    /** One gradient step as ModelTrainer takes it. */
    private static void step(Tape tape, DynamicsEnsemble model, ModelLoss loss, ModelBatch batch, LossContext ctx, Adam opt) {
        tape.reset();
        Tensor l = loss.loss(tape, model, batch, ctx);
        model.params().zeroGrad();
        tape.backward(l);
        opt.step();
    }

    /** MBPO's ensemble with the log-variance bounds trained, as bench.py's model. */
    private static DynamicsConfig learnedBounds() {
        DynamicsConfig d = DynamicsConfig.defaults();
        return new DynamicsConfig(d.members(), d.elites(), d.hiddenLayers(), d.hiddenWidth(), ModelHead.GAUSSIAN, true, d.targets());
    }

    /**
     * 7 x 256 random transitions: s, s' = s + 0.1 noise, a uniform in [-1, 1], r normal (bench.py's
     * VALUE_GRAD data); {@code shared}: member 0's rows repeated for every member.
     */
    static ModelBatch randomBatch(SplittableRandom rng, boolean shared) {
        int rows = shared ? BATCH : MEMBERS * BATCH, all = MEMBERS * BATCH;
        float[] s = EngineWorkloads.normal(rng, rows * OBS), noise = EngineWorkloads.normal(rng, rows * OBS);
        float[] s2 = new float[rows * OBS], a = new float[rows * ACT], r = EngineWorkloads.normal(rng, rows);
        for (int i = 0; i < s2.length; i++) s2[i] = s[i] + 0.1f * noise[i];
        for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() * 2 - 1);
        return ModelBatch.transitions(MEMBERS, BATCH, OBS, ACT, tile(s, all * OBS), tile(a, all * ACT), tile(r, all),
                tile(s2, all * OBS), new float[all], null);
    }

    /** {@code v} repeated to length n (n a multiple of v.length). */
    private static float[] tile(float[] v, int n) {
        float[] out = Arrays.copyOf(v, n);
        for (int i = v.length; i < n; i++) out[i] = v[i % v.length];
        return out;
    }
}
