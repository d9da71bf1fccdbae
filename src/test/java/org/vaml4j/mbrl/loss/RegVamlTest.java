package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

class RegVamlTest {

    private final SplittableRandom rng = new SplittableRandom(5);
    private final ModelBatch batch = Batches.random(rng, 3, 5, 1, 4, 2, false);
    private final MlpValues vf = new MlpValues(rng, 4, 4, 2, 6, 0.2f);
    private final Tensor[] p = TinyEnsemble.randomParams(rng, 3, 4, 2, 5, 1f);
    private final TinyEnsemble model = TinyEnsemble.of(4, 2, true, p);

    @Test
    void atAlphaOneEqualsMle() {
        Eval.Result reg = Eval.run(new RegVaml(PiecewiseLinear.constant(1), 10, 0.01f), model, batch, vf, 3, p);
        Eval.Result mle = Eval.run(new GaussianNllLoss(0.01f), model, batch, vf, 3, p);
        assertEquals(mle.value(), reg.value());
        for (int i = 0; i < p.length; i++) assertArrayEquals(mle.grads()[i], reg.grads()[i]);
    }

    @Test
    void atAlphaZeroEqualsIterVamlAndMixesLinearlyInBetween() {
        double vaml = Eval.value(new IterVaml(3, 1f), model, batch, vf, 9);
        double mle = Eval.value(new GaussianNllLoss(0.01f), model, batch, vf, 9);
        assertEquals(vaml, Eval.value(new RegVaml(PiecewiseLinear.constant(0), 3, 0.01f), model, batch, vf, 9), 1e-6 * Math.abs(vaml));
        double mixed = Eval.value(new RegVaml(PiecewiseLinear.constant(0.3), 3, 0.01f), model, batch, vf, 9);
        assertEquals(0.3 * mle + 0.7 * vaml, mixed, 1e-5 * (Math.abs(mle) + Math.abs(vaml)));
    }

    @Test
    void alphaFollowsTheCallersStep() {
        RegVaml reg = (RegVaml) ModelLosses.create("reg-vaml");
        assertEquals(1, reg.alphaAt(0));
        assertEquals(1, reg.alphaAt(9_999));
        assertEquals(0.001, reg.alphaAt(10_000), 1e-12);
        assertEquals(0.0005, reg.alphaAt(35_000), 1e-12);
        assertEquals(0, reg.alphaAt(60_000));
        assertEquals(0, reg.alphaAt(1_000_000));
        // the context's step selects alpha: at step 0 the default schedule is pure mle
        double mle = Eval.value(new GaussianNllLoss(0.01f), model, batch, vf, 1);
        assertEquals(mle, Eval.run(reg, model, batch, new LossContext(vf, null, new SplittableRandom(1), 0)).value());
        assertThrows(IllegalArgumentException.class, () -> new RegVaml(PiecewiseLinear.constant(1.5), 1, 0.01f));
    }
}
