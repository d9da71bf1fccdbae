package org.vaml4j.autodiff.ops;

import static org.vaml4j.autodiff.Fixtures.check;
import static org.vaml4j.autodiff.Fixtures.uniform;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.ScalarKernels;

/** GradCheck of the fused dense layer, single and ensemble, every activation, both backends. */
class DenseProperties {

    @Provide
    Arbitrary<Integer> dims() {
        return Fixtures.dims();
    }

    @Property(tries = 60)
    void single(@ForAll("dims") int rows, @ForAll("dims") int in, @ForAll("dims") int out,
                @ForAll Activation act, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor x = uniform(rng, -1, 1, rows, in);
        Tensor w = uniform(rng, -1, 1, in, out);
        Tensor b = uniform(rng, -1, 1, out);
        assumeAwayFromKink(act, x, w, b);
        check(seed, (t, i) -> Dense.apply(t, i[0], i[1], i[2], act), x, w, b);
    }

    @Property(tries = 60)
    void ensemble(@ForAll("dims") int e, @ForAll("dims") int batch, @ForAll("dims") int in, @ForAll("dims") int out,
                  @ForAll boolean sharedX, @ForAll Activation act, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor x = sharedX ? uniform(rng, -1, 1, batch, in) : uniform(rng, -1, 1, e, batch, in);
        Tensor w = uniform(rng, -1, 1, e, in, out);
        Tensor b = uniform(rng, -1, 1, e, out);
        assumeAwayFromKink(act, x, w, b);
        check(seed, (t, i) -> Dense.apply(t, i[0], i[1], i[2], act), x, w, b);
    }

    @Property(tries = 30)
    void singleWithLeadingAxes(@ForAll("dims") int a, @ForAll("dims") int b, @ForAll("dims") int in,
                               @ForAll("dims") int out, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        check(seed, (t, i) -> Dense.apply(t, i[0], i[1], i[2], Activation.TANH),
                uniform(rng, -1, 1, a, b, in), uniform(rng, -1, 1, in, out), uniform(rng, -1, 1, out));
    }

    /** For relu, skips inputs whose pre-activation comes within 0.02 of the kink at 0. */
    private static void assumeAwayFromKink(Activation act, Tensor x, Tensor w, Tensor b) {
        if (act != Activation.RELU) return;
        Tape tape = new Tape(new ScalarKernels(), false);
        float[] z = Dense.apply(tape, x, w, b, Activation.IDENTITY).toArray();
        for (float v : z) Assume.that(Math.abs(v) > 0.02f);
    }
}
