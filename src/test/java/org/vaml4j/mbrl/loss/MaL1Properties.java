package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;

class MaL1Properties {

    /**
     * Triangle inequality (MA eq. 9): mean_b |A| >= |mean_b A| per member and value function, so
     * ma-l1 >= ma-direct-l1 over one-step segments (gamma 1); both draw the same model samples
     * from the same seed and have the same reward term. Equal for one row per member.
     */
    @Property(tries = 60)
    void upperBoundsTheAbsoluteMeanAdvantage(@ForAll @IntRange(min = 1, max = 3) int e, @ForAll @IntRange(min = 1, max = 8) int b,
                                             @ForAll @IntRange(min = 1, max = 4) int ds, @ForAll boolean probabilistic,
                                             @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ModelBatch batch = Batches.random(rng, e, b, 1, ds, 1, false);
        MlpValues vf = new MlpValues(rng, 4, ds, 1, 6, 0.2f);
        Tensor[] p = TinyEnsemble.randomParams(rng, e, ds, 1, 5, 1f);
        TinyEnsemble model = TinyEnsemble.of(ds, 1, probabilistic, p);
        double bound = Eval.value(new MaL1(2, 1f), model, batch, vf, seed);
        double direct = Eval.value(new MaDirectL1(1f, 2, 1, 1f), model, batch, vf, seed);
        assertTrue(bound >= direct - 1e-6 * Math.abs(bound), "ma-l1 " + bound + " < |mean advantage| " + direct);
        if (b == 1) assertEquals(direct, bound, 1e-5 * Math.abs(bound) + 1e-7);
    }
}
