package org.vaml4j.mbrl.loss;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

/**
 * Every registered loss passes GradCheck with respect to the model's parameters, over random
 * ensemble sizes, batch sizes, state and action dims, value-function counts, and both
 * deterministic and Gaussian models (Gaussian only for the likelihood losses).
 */
class ModelLossesProperties {

    /** Losses with |x| or ||x|| of a model-dependent quantity: finite differences are meaningless when it is within eps of 0. */
    private static final java.util.Set<String> KINKED = java.util.Set.of("ma-l1", "ma-direct-l1", "vps", "slbo");

    @Property(tries = 15)
    void everyLossPassesGradCheck(@ForAll @IntRange(min = 1, max = 3) int members, @ForAll @IntRange(min = 1, max = 6) int batch,
                                  @ForAll @IntRange(min = 1, max = 4) int stateDim, @ForAll @IntRange(min = 1, max = 2) int actionDim,
                                  @ForAll @IntRange(min = 1, max = 4) int valueCount, @ForAll boolean probabilistic,
                                  @ForAll @IntRange(min = 0, max = 1 << 20) int seed) {
        for (String name : ModelLosses.names()) {
            boolean needsGaussian = name.equals("mle") || name.equals("reg-vaml");
            boolean gaussian = probabilistic || needsGaussian;
            if (!KINKED.contains(name)) {
                check(name, options(name), members, batch, stateDim, actionDim, valueCount, gaussian, seed);
                continue;
            }
            // A kink hit depends on the draw (with 12 |.| terms one lands within eps of 0 now and
            // then: seen failing two of three draws in a clean CI run); a wrong gradient fails at
            // every draw. So a kinked loss fails only when all three draws of the same shapes fail.
            int failed = 0;
            AssertionError first = null;
            for (int r = 0; r < 3 && failed == r; r++) {
                try {
                    check(name, options(name), members, batch, stateDim, actionDim, valueCount, gaussian, seed + 7919 * r);
                } catch (AssertionError e) {
                    failed++;
                    if (first == null) first = e;
                }
            }
            if (failed == 3) throw first;
        }
    }

    /** Options that make every loss fast and exercise all its terms (reg-vaml halfway, short trajectories, 2 samples). */
    private static Map<String, String> options(String name) {
        Map<String, String> o = new HashMap<>();
        switch (name) {
            case "reg-vaml" -> { o.put("alpha", "0:0.3"); o.put("samples", "2"); }
            case "ma-direct-l1", "ma-direct-l2" -> { o.put("horizon", "3"); o.put("samples", "2"); }
            case "vps" -> o.put("lambda", "0.5");
            case "itervaml", "ma-l1", "vaml-sac" -> o.put("samples", "2");
            case "vagram" -> { o.put("clip", "0.5"); o.put("lambda", "0.1"); }
            case "vagram-taylor", "vagram-hessian" -> o.put("clip", "0.5");
            default -> { }
        }
        return o;
    }

    static void check(String name, Map<String, String> options, int e, int b, int ds, int da, int k, boolean probabilistic, int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ModelLoss loss = ModelLosses.create(name, options);
        int h = Math.max(loss.horizon(), 1);
        ModelBatch batch = Batches.random(rng, e, b, h, ds, da, true);
        // V_k(s) = Q_k(s, mu(s)) differentiates with mu held fixed (the ValueFunctions contract); a
        // state-independent mu makes that the true derivative, so the whole loss can be checked.
        // The soft values (vaml-sac) are differentiated through the action: checked with a state-dependent policy.
        MlpValues values = new MlpValues(rng, k, ds, da, 6, 0.2f, name.equals("vaml-sac") ? 0.7f : 0f);
        Tensor[] params = TinyEnsemble.randomParams(rng, e, ds, da, 5, 0.8f);
        long ctxSeed = rng.nextLong();
        try {
            Fixtures.check(seed, (tape, in) -> loss.loss(tape, TinyEnsemble.of(ds, da, probabilistic, in), batch,
                    new LossContext(values, null, new SplittableRandom(ctxSeed), 0)), params);
        } catch (AssertionError | RuntimeException ex) {
            throw new AssertionError("loss " + name + " (E " + e + ", B " + b + ", ds " + ds + ", da " + da + ", K " + k
                    + ", probabilistic " + probabilistic + "): " + ex.getMessage(), ex);
        }
    }
}
