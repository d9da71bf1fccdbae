package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

/** Hand-computed cases of the segment losses {@link Slbo}, {@link MaDirectL1}, {@link MaDirectL2}, {@link Vps}. */
class MultiStepLossesTest {

    // E = 1, B = 2, H = 2, ds = 1: row 0 s = 0, 1, 3 (rewards 1, 2); row 1 s = 0, 2, pad (ends after step 0, reward 0)
    private final ModelBatch batch = new ModelBatch(1, 2, 2, 1, 1, new float[] {0, 0, 1, 2, 3, 0}, new float[4],
            new float[] {1, 0, 2, 0}, new float[] {0, 1, 0, 0}, new float[] {1, 1, 1, 0}, null);
    // the model always predicts delta 1.5 and reward 1 (deterministic)
    private final FixedModel model = new FixedModel(Tensor.variable(new float[] {1.5f, 1, 1.5f, 1}, 1, 2, 2), null, 1);
    private final LinearValues identity = new LinearValues(new float[][] {{1}}, new float[1]);

    @Test
    void slboSumsTheStepNormsOfValidSteps() {
        // row 0: |1.5 - 1| + |1.5 - 2| = 1; row 1: |1.5 - 2| = 0.5 (step 1 invalid); mean over rows 0.75
        // reward MSE of step 0: ((1 - 1)^2 + (1 - 0)^2) / 2 = 0.5
        assertEquals(0.75 + 0.5, Eval.value(new Slbo(2), model, batch, null, 1), 1e-6);
        // one step: (|1.5 - 1| + |1.5 - 2|) / 2 + reward
        assertEquals(0.5 + 0.5, Eval.value(new Slbo(1), model, batch, null, 1), 1e-6);
    }

    @Test
    void maDirectDiscountsTheAdvantageSumOverTheTrajectory() {
        // V(s) = s: A_t = s_{t+1} - (s_t + 1.5). Row 0: A_0 = -0.5, A_1 = 0.5; row 1: A_0 = 0.5
        // gamma 0.5: D = ((-0.5 + 0.5 * 0.5) + 0.5) / 2 = 0.125
        // reward over valid steps / (B H): (0 + 1 + 1) / 4 = 0.5
        assertEquals(0.125 + 0.5, Eval.value(new MaDirectL1(0.5f, 1, 2, 1f), model, batch, identity, 1), 1e-6);
        assertEquals(0.125 * 0.125 + 0.5, Eval.value(new MaDirectL2(0.5f, 1, 2, 1f), model, batch, identity, 1), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new MaDirectL1(0f, 1, 2, 1f));
    }

    @Test
    void vpsComparesConsecutiveValueChanges() {
        // s_hat = 0, 1.5, 3 for both rows. Row 0: (3 - 1.5) - (3 - 1) = -0.5; row 1 invalid at step 1
        // -> 0.5 / (B (H - 1)) = 0.25
        assertEquals(0.25, Eval.value(new Vps(2), model, batch, identity, 1), 1e-6);
        // combined: alpha * main + lambda * vps; main ma-l1 on step 0: mean |A_0| = 0.5, reward 0.5
        double l = Eval.value(new WithVps(new MaL1(1, 0.1f), new Vps(2), 2f), model, batch, identity, 1);
        assertEquals(0.1 * 0.5 + 0.5 + 2 * 0.25, l, 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new Vps(1));
    }

    @Test
    void aBatchShorterThanTheLossHorizonIsRejected() {
        ModelBatch oneStep = ModelBatch.transitions(1, 2, 1, 1, new float[2], new float[2], new float[2], new float[2], new float[2], null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Eval.value(new Slbo(2), new FixedModel(Tensor.variable(new float[4], 1, 2, 2), null, 1), oneStep, null, 1));
        assertEquals("model loss 'slbo' needs segments of 2 transitions, the batch has 1", e.getMessage());
    }
}
