package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

/** Hand-computed cases of {@link GaussianNllLoss} and {@link MseLoss}. */
class LikelihoodLossesTest {

    // E = 2 members, B = 1, ds = 1: s = 1 / 2, s' = 2 / 2, r = 1 / 0
    private final ModelBatch batch = ModelBatch.transitions(2, 1, 1, 1, new float[] {1, 2}, new float[2], new float[] {1, 0},
            new float[] {2, 2}, new float[2], null);
    // predicted [delta, r]: member 0 (1.5, 1), member 1 (1, 0) -> errors (0.5, 0) and (1, 0)
    private final Tensor mean = Tensor.variable(new float[] {1.5f, 1, 1, 0}, 2, 1, 2);
    private final Tensor logVar = Tensor.variable(new float[] {0, 1, (float) Math.log(4), 0}, 2, 1, 2);

    @Test
    void nllIsTheMbpoConventionSummedOverMembers() {
        // member 0: (0.25 e^0 + 0 + 0 + 1) / 2 = 0.625; member 1: (1 / 4 + log 4 + 0 + 0) / 2
        double expected = 0.625 + (0.25 + Math.log(4)) / 2 + 0.01 * 2;   // FixedModel's bound gap is 2
        assertEquals(expected, Eval.value(new GaussianNllLoss(0.01f), new FixedModel(mean, logVar, 1), batch, null, 1), 1e-6);
        assertThrows(IllegalArgumentException.class,
                () -> Eval.value(new GaussianNllLoss(0.01f), new FixedModel(mean, null, 1), batch, null, 1));
    }

    @Test
    void mseIsTheMeanOverOutputsSummedOverMembers() {
        // member 0: (0.25 + 0) / 2, member 1: (1 + 0) / 2
        assertEquals(0.625, Eval.value(new MseLoss(), new FixedModel(mean, logVar, 1), batch, null, 1), 1e-6);
        Eval.Result r = Eval.run(new MseLoss(), new FixedModel(mean, null, 1), batch, LossContext.of(new java.util.SplittableRandom(1)), mean);
        // d/dmu = 2 e / 2 outputs
        assertEquals(0.5, r.grads()[0][0], 1e-6);
        assertEquals(1, r.grads()[0][2], 1e-6);
        assertTrue(r.grads()[0][1] == 0 && r.grads()[0][3] == 0);
    }
}
