package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

class IterVamlTest {

    // two transitions (E = 1, B = 2), ds = 3; rewards 0.5 and -1
    private final ModelBatch batch = ModelBatch.transitions(1, 2, 3, 1, new float[] {0, 0, 0, 1, 1, 1}, new float[2],
            new float[] {0.5f, -1}, new float[] {1, 2, 3, 1, 0, 2}, new float[2], null);
    private final LinearValues vf = new LinearValues(new float[][] {{1, 0, 0}, {0, 2, 0}}, new float[] {0.3f, -1});

    /** delta = s' - s + (0, 0, v): the same values as s' (v is invisible to V), rewards exact. */
    private FixedModel offBy(float v) {
        return new FixedModel(Tensor.variable(new float[] {1, 2, 3 + v, 0.5f, 0, -1, 1 + v, -1}, 1, 2, 4), null, 1);
    }

    @Test
    void zeroWhenTheValuesMatchEvenIfTheStatesDoNot() {
        assertEquals(0, Eval.value(new IterVaml(1, 1f), offBy(7), batch, vf, 1), 1e-9);
        assertTrue(Eval.value(new MseLoss(), offBy(7), batch, vf, 1) > 1);
        assertEquals(0, Eval.value(new MaL1(1, 1f), offBy(7), batch, vf, 1), 1e-9);
        assertEquals(0, Eval.value(new IterVamlPlusMse(1, 1f, 0f), offBy(7), batch, vf, 1), 1e-9);
    }

    @Test
    void handComputed() {
        // row 0 predicted delta (1.5, 2, 3): A_1 = -0.5, A_2 = 0; row 1 delta (0, -0.5, 1): A_1 = 0, A_2 = 2 * 0.5 = 1
        // itervaml = mean_b (1/2) sum_k A^2 = ((0.25 + 0) / 2 + (0 + 1) / 2) / 2 = 0.3125; reward errors 0.5 and 0
        FixedModel m = new FixedModel(Tensor.variable(new float[] {1.5f, 2, 3, 1, 0, -0.5f, 1, -1}, 1, 2, 4), null, 1);
        double reward = (0.25 + 0) / 2;
        assertEquals(0.3125 + reward, Eval.value(new IterVaml(1, 1f), m, batch, vf, 1), 1e-6);
        assertEquals(2 * 0.3125 + reward, Eval.value(new IterVaml(1, 2f), m, batch, vf, 1), 1e-6);
        // ma-l1: mean_b (1/2) sum_k |A| = ((0.5) / 2 + 1 / 2) / 2 = 0.375
        assertEquals(0.375 + reward, Eval.value(new MaL1(1, 1f), m, batch, vf, 1), 1e-6);
        // itervaml+mse adds lambda * mean over the 4 outputs and 2 rows of squared errors: (0.25 + 0.25 + 0.25) / 8
        assertEquals(0.3125 + reward + 0.5 * 0.75 / 8, Eval.value(new IterVamlPlusMse(1, 1f, 0.5f), m, batch, vf, 1), 1e-6);
    }

    @Test
    void valueAwareErrorIsTheIterVamlTermPerMember() {
        FixedModel m = new FixedModel(Tensor.variable(new float[] {1.5f, 2, 3, 0.5f, 0, -0.5f, 1, -1}, 1, 2, 4), null, 1);
        double vae = ValueAwareError.evaluate(new org.vaml4j.autodiff.Tape(new org.vaml4j.kernel.ScalarKernels()), m, batch, vf,
                new java.util.SplittableRandom(1), 10);
        assertEquals(0.3125, vae, 1e-6);   // rewards exact here, so the same as the loss
        assertEquals(0, ValueAwareError.evaluate(new org.vaml4j.autodiff.Tape(new org.vaml4j.kernel.ScalarKernels()), offBy(3),
                batch, vf, new java.util.SplittableRandom(1), 1), 1e-9);
    }
}
