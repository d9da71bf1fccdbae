package org.vaml4j.nn;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.kernel.Activation;

/** GradCheck of every layer with respect to its input and all of its parameters. */
class LayerProperties {

    @Provide
    Arbitrary<Activation> smooth() {
        return Arbitraries.of(Activation.TANH, Activation.SILU, Activation.SOFTPLUS, Activation.SIGMOID, Activation.IDENTITY);
    }

    @Provide
    Arbitrary<Integer> dim() {
        return Arbitraries.of(1, 2, 3, 5, 7, 17);
    }

    @Property(tries = 30)
    void linear(@ForAll("dim") int batch, @ForAll("dim") int in, @ForAll("dim") int out, @ForAll("smooth") Activation act,
                @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Params.Builder b = Params.builder();
        Linear l = new Linear(b, "l", in, out, act);
        Params p = b.build();
        l.init(p, new XavierUniformInit(), rng);
        for (int i = 0; i < p.size(); i++) p.data()[i] += 0.1f * (float) rng.nextGaussian();   // non-zero biases
        Fixtures.check(seed, (tape, x) -> {
            ParamsBinding.bind(tape, p, x[1]);
            return l.forward(tape, p, x[0], true);
        }, Fixtures.uniform(rng, -1, 1, batch, in), ParamsBinding.variable(p));
    }

    @Property(tries = 30)
    void mlp(@ForAll("dim") int batch, @ForAll("dim") int in, @ForAll("dim") int out, @ForAll("smooth") Activation act,
             @ForAll("smooth") Activation outAct, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Params.Builder b = Params.builder();
        Mlp m = new Mlp(b, "m", in, new int[] {7, 5}, out, act, outAct);
        Params p = b.build();
        m.init(p, new OrthogonalInit(1.0), rng);
        Fixtures.check(seed, (tape, x) -> {
            ParamsBinding.bind(tape, p, x[1]);
            return m.forward(tape, p, x[0], true);
        }, Fixtures.uniform(rng, -1, 1, batch, in), ParamsBinding.variable(p));
    }

    @Property(tries = 30)
    void ensembleMlpWithPerMemberAndSharedInput(@ForAll("dim") int batch, @ForAll("dim") int in, @ForAll("dim") int out,
                                                @ForAll("smooth") Activation act, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int members = 1 + rng.nextInt(4);
        Params.Builder b = Params.builder();
        EnsembleMlp m = new EnsembleMlp(b, "e", members, in, new int[] {6}, out, act, Activation.IDENTITY);
        Params p = b.build();
        m.init(p, new TruncatedNormalInit(), rng);
        Fixtures.check(seed, (tape, x) -> {
            ParamsBinding.bind(tape, p, x[1]);
            return m.forward(tape, p, x[0], true);
        }, Fixtures.uniform(rng, -1, 1, members, batch, in), ParamsBinding.variable(p));
        Fixtures.check(seed, (tape, x) -> {
            ParamsBinding.bind(tape, p, x[1]);
            return m.forward(tape, p, x[0], true);
        }, Fixtures.uniform(rng, -1, 1, batch, in), ParamsBinding.variable(p));
    }

    @Property(tries = 30)
    void gaussianHeadMeanAndBoundedLogvar(@ForAll("dim") int batch, @ForAll("dim") int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Params.Builder b = Params.builder();
        GaussianHead h = new GaussianHead(b, "h", n);
        Params p = b.build();
        h.init(p);
        // raw log-variances spread over both soft bounds (-10 and 0.5) and the middle
        Tensor raw = Fixtures.uniform(rng, -14, 4, 2, batch, 2 * n);
        Fixtures.check(seed, (tape, x) -> {
            ParamsBinding.bind(tape, p, x[1]);
            GaussianHead.Output o = h.apply(tape, p, x[0], true);
            return Concat.apply(tape, o.mean(), o.logvar());
        }, raw, ParamsBinding.variable(p));
        Fixtures.check(seed, (tape, x) -> {
            ParamsBinding.bind(tape, p, x[0]);
            return h.boundPenalty(tape, p, true);
        }, ParamsBinding.variable(p));
    }
}
