package org.vaml4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.rl.Batch;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;

/**
 * The registry of engine workloads, named and defined as in the PyTorch anchor
 * ({@code anchors/torch/bench.py}, README there). A workload is a factory from the kernels to a
 * ready {@link Workload}; add one by adding an entry to {@link #all()}.
 */
public final class EngineWorkloads {

    static final int OBS = 11, ACT = 3, SAC_BATCH = 256;

    private EngineWorkloads() {}

    /** Every workload in run order, by name. */
    public static Map<String, Function<Kernels, Workload>> all() {
        Map<String, Function<Kernels, Workload>> m = new LinkedHashMap<>();
        m.put("SAC_UPDATE", EngineWorkloads::sacUpdate);
        m.put("GEMM_256x200x200", k -> gemm(k, 256, 200, 200, 50, "gemm into a preallocated C; per-call time"));
        m.put("GEMM_1024x1024x1024", k -> gemm(k, 1024, 1024, 1024, 1, "gemm into a preallocated C"));
        m.put("BMM_7x256x200x200", k -> batched(k, 7, 256, 200, 200, 20, "gemmBatched (ensemble hidden layer); per-call"));
        m.put("GEMM_256x14x200", k -> gemm(k, 256, 14, 200, 50, "gemm into a preallocated C (ensemble input layer); per-call time"));
        m.put("ENSEMBLE_TRAIN", EnsembleWorkloads::ensembleTrain);
        m.put("ENSEMBLE_PREDICT", EnsembleWorkloads::ensemblePredict);
        m.put("VALUE_GRAD", k -> EnsembleWorkloads.valueGrad(k, false));
        m.put("VALUE_GRAD_7x256", k -> EnsembleWorkloads.valueGrad(k, true));
        return m;
    }

    /** C (m x n) = A (m x k) B (k x n), random normal A and B (torch.mm). */
    static Workload gemm(Kernels kn, int m, int k, int n, int inner, String notes) {
        SplittableRandom rng = new SplittableRandom(0);
        float[] a = normal(rng, m * k), b = normal(rng, k * n), c = new float[m * n];
        return new Workload("GEMM_" + m + "x" + k + "x" + n,
                () -> kn.gemm(false, false, m, n, k, 1f, a, 0, b, 0, 0f, c, 0), 2L * m * k * n, inner, notes,
                () -> new float[][] {c});
    }

    /** C[e] (m x n) = A[e] (m x k) B[e] (k x n) for e < batch (torch.bmm). */
    static Workload batched(Kernels kn, int batch, int m, int k, int n, int inner, String notes) {
        SplittableRandom rng = new SplittableRandom(0);
        float[] a = normal(rng, batch * m * k), b = normal(rng, batch * k * n), c = new float[batch * m * n];
        return new Workload("BMM_" + batch + "x" + m + "x" + k + "x" + n,
                () -> kn.gemmBatched(batch, false, false, m, n, k, 1f, a, 0, m * k, b, 0, k * n, 0f, c, 0, m * n),
                2L * batch * m * k * n, inner, notes, () -> new float[][] {c});
    }

    /**
     * SAC_UPDATE: the library's {@link Sac} with MBPO's defaults (2 x 256 ReLU, batch 256, Adam
     * 3e-4, learned temperature, Polyak 0.005) on obs 11, act 3; one update = critic + actor +
     * temperature + Polyak on a fixed random batch (bench.py: same sizes, same steps).
     */
    static Workload sacUpdate(Kernels kn) {
        SplittableRandom rng = new SplittableRandom(0);
        Sac sac = new Sac(OBS, ACT, SacConfig.defaults(), kn, new SplittableRandom(1));
        Batch batch = new Batch(SAC_BATCH, OBS, ACT);
        fill(rng, batch.obs);
        fill(rng, batch.nextObs);
        fill(rng, batch.reward);
        for (int i = 0; i < batch.act.length; i++) batch.act[i] = (float) (rng.nextDouble() * 2 - 1);
        for (int i = 0; i < batch.notDone.length; i++) batch.notDone[i] = rng.nextDouble() < 0.01 ? 0f : 1f;
        SplittableRandom updateRng = new SplittableRandom(2);
        return new Workload("SAC_UPDATE", () -> sac.update(batch, updateRng), 0, 1,
                "batch 256; critic+actor+alpha+polyak (org.vaml4j.rl.Sac)",
                () -> new float[][] {sac.criticParams().data(), sac.actorParams().data(), sac.targetCriticParams().data(),
                        sac.logAlphaParams().data()});
    }

    static float[] normal(SplittableRandom rng, int size) {
        float[] v = new float[size];
        fill(rng, v);
        return v;
    }

    private static void fill(SplittableRandom rng, float[] v) {
        for (int i = 0; i < v.length; i++) {
            // Box-Muller: N(0, 1)
            double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
            v[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
    }
}
