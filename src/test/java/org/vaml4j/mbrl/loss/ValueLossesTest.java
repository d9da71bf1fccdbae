package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

/** {@link ValueWeighted} and {@link VamlSac} cases. */
class ValueLossesTest {

    // E = 1, B = 2, ds = 2: deltas (1, 0) and (0, 1), rewards 0
    private final ModelBatch batch = ModelBatch.transitions(1, 2, 2, 1, new float[4], new float[2], new float[2],
            new float[] {1, 0, 0, 1}, new float[2], null);

    @Test
    void valueWeightedUsesNormalizedInverseValues() {
        // predictions off by (1, 1) in both rows; V(s') = 1 and 3 -> u = 1, 1/3 -> w = 1.5, 0.5
        FixedModel m = new FixedModel(Tensor.variable(new float[] {2, 1, 0, 1, 2, 0}, 1, 2, 3), null, 1);
        LinearValues vf = new LinearValues(new float[][] {{1, 3}}, new float[1]);
        // mean_b w_b (1/ds) ||e||^2 = (1.5 * 1 + 0.5 * 1) / 2 = 1; rewards exact
        assertEquals(1, Eval.value(new ValueWeighted(1e-6f, 1f), m, batch, vf, 1), 1e-5);
        // constant |V|: weights 1, the state part of the mse per dim
        LinearValues flat = new LinearValues(new float[][] {{0, 0}}, new float[] {-4});
        assertEquals(1, Eval.value(new ValueWeighted(1e-6f, 1f), m, batch, flat, 1), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> new ValueWeighted(0f, 1f));
    }

    @Test
    void vamlSacIsZeroForAnExactModelAndPositiveOtherwise() {
        SplittableRandom rng = new SplittableRandom(4);
        MlpValues soft = new MlpValues(rng, 4, 2, 1, 6, 0.3f);
        FixedModel exact = new FixedModel(Tensor.variable(new float[] {1, 0, 0, 0, 1, 0}, 1, 2, 3), null, 1);
        // the same action noise at s' and at the prediction: the soft values cancel exactly
        assertEquals(0, Eval.value(new VamlSac(3, 1f), exact, batch, soft, 7), 1e-9);
        FixedModel off = new FixedModel(Tensor.variable(new float[] {1.5f, 0, 0, 0, 1, 0}, 1, 2, 3), null, 1);
        assertTrue(Eval.value(new VamlSac(3, 1f), off, batch, soft, 7) > 1e-6);
        // plain value functions (no policy) are rejected with a clear message
        LinearValues plain = new LinearValues(new float[][] {{1, 1}}, new float[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Eval.value(new VamlSac(1, 1f), off, batch, plain, 1));
        assertTrue(e.getMessage().contains("SoftValueFunctions"), e.getMessage());
    }

    @Test
    void valueLossesNeedValues() {
        FixedModel m = new FixedModel(Tensor.variable(new float[6], 1, 2, 3), null, 1);
        for (String name : ModelLosses.names()) {
            ModelLoss l = ModelLosses.create(name, name.startsWith("ma-direct") ? java.util.Map.of("horizon", "1") : java.util.Map.of());
            if (!l.needsValues() || l.horizon() > 1) continue;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Eval.value(l, m, batch, null, 1), name);
            assertTrue(e.getMessage().contains("needs the agent's value functions") || e.getMessage().contains("probabilistic"), e.getMessage());
        }
    }
}
