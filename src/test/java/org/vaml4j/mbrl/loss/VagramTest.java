package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

class VagramTest {

    private final SplittableRandom rng = new SplittableRandom(11);

    /** All dV_k/ds = c (every dim, every k): VaGraM is the MSE with the state part scaled by c^2. */
    @Test
    void constantGradientsGiveTheScaledMse() {
        int e = 2, b = 4, ds = 3, da = 2;
        ModelBatch batch = Batches.random(rng, e, b, 1, ds, da, false);
        Tensor[] p = TinyEnsemble.randomParams(rng, e, ds, da, 5, 1f);
        TinyEnsemble model = TinyEnsemble.of(ds, da, false, p);
        float[] ones = {1, 1, 1};
        LinearValues unit = new LinearValues(new float[][] {ones, ones, ones, ones}, new float[] {0, 1, -2, 3});
        // c = 1: the state term is sum_j e_j^2 and the reward term (r_hat - r)^2, i.e. (ds + 1) * mse
        Eval.Result vg = Eval.run(new Vagram(0.95, 0f, 1f), model, batch, unit, 1, p);
        Eval.Result mse = Eval.run(new MseLoss(), model, batch, unit, 1, p);
        assertEquals((ds + 1) * mse.value(), vg.value(), 1e-5 * vg.value());
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < vg.grads()[i].length; j++) {
                assertEquals((ds + 1) * mse.grads()[i][j], vg.grads()[i][j], 1e-4 + 1e-4 * Math.abs(vg.grads()[i][j]));
            }
        }
        // c = 3: the state part grows 9 times, the reward part stays
        float[] threes = {3, 3, 3};
        LinearValues three = new LinearValues(new float[][] {threes, threes, threes, threes}, new float[4]);
        double reward = Eval.value(new Vagram(1, 0f, 1f), model, batch,
                new LinearValues(new float[][] {{0, 0, 0}}, new float[1]), 1);   // zero gradients: only the reward term
        double state = vg.value() - reward;
        assertEquals(9 * state + reward, Eval.value(new Vagram(0.95, 0f, 1f), model, batch, three, 1), 1e-4 * vg.value());
    }

    /** Hand-computed: one transition, two value functions with different gradients, each squared on its own. */
    @Test
    void averagesTheSquaredGradientsOfEachValueFunction() {
        // s = (0, 0), s' = (1, 2), r = 0.5; prediction delta (1.5, 1), reward 0 -> e = (0.5, -1), reward error -0.5
        ModelBatch batch = ModelBatch.transitions(1, 1, 2, 1, new float[] {0, 0}, new float[] {0}, new float[] {0.5f},
                new float[] {1, 2}, new float[] {0}, null);
        FixedModel model = new FixedModel(Tensor.variable(new float[] {1.5f, 1, 0}, 1, 1, 3), null, 1);
        LinearValues vf = new LinearValues(new float[][] {{2, 0}, {1, 3}}, new float[2]);
        // w = ((4 + 1) / 2, (0 + 9) / 2) = (2.5, 4.5); state = 2.5 * 0.25 + 4.5 * 1 = 5.125; reward 0.25
        assertEquals(5.125 + 0.25, Eval.value(new Vagram(1, 0f, 1f), model, batch, vf, 1), 1e-6);
        // lambda I adds lambda ||e||^2 = 0.1 * 1.25; scale multiplies the state term only
        assertEquals(5.125 + 0.125 + 0.25, Eval.value(new Vagram(1, 0.1f, 1f), model, batch, vf, 1), 1e-6);
        assertEquals(2 * 5.125 + 0.25, Eval.value(new Vagram(1, 0f, 2f), model, batch, vf, 1), 1e-6);
        // the cumulative-gradient bug of the public code would give w = ((4 + 9) / 2, (0 + 9) / 2) for (2,0),(3,3)
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> new Vagram(0, 0f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new Vagram(1.5, 0f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new Vagram(0.95, -1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new Vagram(0.95, 0f, 0f));
    }
}
