package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

class VagramTaylorTest {

    // s = (0, 0, 0), s' = (1, 1, 1), r = 0; g = (1, 2, -1)
    private final ModelBatch batch = ModelBatch.transitions(1, 1, 3, 1, new float[3], new float[1], new float[1],
            new float[] {1, 1, 1}, new float[1], null);
    private final LinearValues vf = new LinearValues(new float[][] {{1, 2, -1}}, new float[1]);

    private FixedModel predicting(float... delta) {
        return new FixedModel(Tensor.variable(new float[] {delta[0], delta[1], delta[2], 0}, 1, 1, 4), null, 1);
    }

    /** On the hyperplane e . g = 0 the Taylor loss vanishes however far the prediction is; VaGraM does not. */
    @Test
    void zeroOnTheHyperplaneOrthogonalToTheValueGradientWhileVagramIsNot() {
        for (float t : new float[] {0.1f, 1f, 10f}) {
            // e = t (2, -1, 0) + t (1, 0, 1): both orthogonal to g
            FixedModel far = predicting(1 + 3 * t, 1 - t, 1 + t);
            assertEquals(0, Eval.value(new VagramTaylor(1, 1f), far, batch, vf, 1), 1e-4 * t * t);
            double vagram = Eval.value(new Vagram(1, 0f, 1f), far, batch, vf, 1);
            // (1*3t)^2 + (2*(-t))^2 + (-1*t)^2 = 14 t^2
            assertEquals(14 * t * t, vagram, 1e-4 * t * t);
            assertTrue(vagram > 0);
        }
    }

    @Test
    void handComputedOffTheHyperplane() {
        // e = (0.5, 0, 0): (g . e)^2 = 0.25; hessian: 2 * 0.25 + 2 * (M^2 / 4) * ||e||^4 = 0.5 + 0.5 * 4 * 0.0625
        FixedModel m = predicting(1.5f, 1, 1);
        assertEquals(0.25, Eval.value(new VagramTaylor(1, 1f), m, batch, vf, 1), 1e-6);
        assertEquals(0.5 + 0.5 * 4 * 0.0625, Eval.value(new VagramHessian(1, 2f, 1f), m, batch, vf, 1), 1e-6);
        assertEquals(0.5, Eval.value(new VagramHessian(1, 0f, 1f), m, batch, vf, 1), 1e-6);
    }
}
