package org.vaml4j.autodiff.ops;

import static org.vaml4j.autodiff.Fixtures.check;
import static org.vaml4j.autodiff.Fixtures.uniform;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tensor;

/**
 * GradCheck of the fused ops (Gaussian NLL, bounded log-variance, tanh-Gaussian log-prob, log-softmax,
 * L2 norm) and the index ops (gather rows, gather columns), every input differentiable.
 */
class FusedOpsProperties {

    @Provide
    Arbitrary<Integer> dims() {
        return Fixtures.dims();
    }

    @Provide
    Arbitrary<Integer> positiveDims() {
        return Fixtures.positiveDims();
    }

    @Property(tries = 50)
    void gaussianNll(@ForAll("dims") int rows, @ForAll("dims") int cols, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor mean = uniform(rng, -2, 2, rows, cols);
        Tensor logVar = uniform(rng, -3, 2, rows, cols);
        Tensor target = uniform(rng, -2, 2, rows, cols);
        check(seed, (t, in) -> GaussianNll.apply(t, in[0], in[1], in[2]), mean, logVar, target);
    }

    @Property(tries = 50)
    void boundedLogVar(@ForAll("dims") int e, @ForAll("dims") int rows, @ForAll("dims") int cols, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor raw = uniform(rng, -13, 3, e, rows, cols);
        Tensor max = uniform(rng, 0, 1, cols);
        Tensor min = uniform(rng, -11, -9, cols);
        check(seed, (t, in) -> BoundedLogVar.apply(t, in[0], in[1], in[2]), raw, max, min);
    }

    @Property(tries = 50)
    void tanhGaussianLogProb(@ForAll("dims") int rows, @ForAll("dims") int actions, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor mean = uniform(rng, -1.5f, 1.5f, rows, actions);
        Tensor logStd = uniform(rng, -2, 0.5f, rows, actions);
        Tensor eps = uniform(rng, -2, 2, rows, actions);
        // both outputs at once: [action, logProb] along the last axis
        check(seed, (t, in) -> {
            TanhGaussianLogProb.Result r = TanhGaussianLogProb.apply(t, in[0], in[1], in[2]);
            return Concat.apply(t, r.action(), r.logProb());
        }, mean, logStd, eps);
    }

    @Property(tries = 50)
    void gatherRows(@ForAll("dims") int n, @ForAll("dims") int cols, @ForAll("dims") int count, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] rows = new int[count + 2];
        for (int i = 0; i < rows.length; i++) rows[i] = n == 0 ? 0 : rng.nextInt(n);   // repeats likely
        Tensor x = uniform(rng, -2, 2, n, cols);
        if (n == 0) {
            check(seed, (t, in) -> GatherRows.apply(t, in[0], rows, 1, 0), x);
        } else {
            check(seed, (t, in) -> GatherRows.apply(t, in[0], rows, 1, count), x);
        }
    }

    @Property(tries = 50)
    void logSoftmax(@ForAll("dims") int rows, @ForAll("dims") int cols, @ForAll long seed) {
        check(seed, (t, in) -> LogSoftmax.apply(t, in[0]), uniform(new SplittableRandom(seed), -3, 3, rows, cols));
    }

    @Property(tries = 50)
    void gatherColumns(@ForAll("dims") int rows, @ForAll("positiveDims") int cols, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[rows + 1];
        for (int i = 0; i < idx.length; i++) idx[i] = rng.nextInt(cols);
        check(seed, (t, in) -> GatherColumns.apply(t, in[0], idx, 1), uniform(rng, -2, 2, rows, cols));
    }

    @Property(tries = 50)
    void l2Norm(@ForAll("dims") int rows, @ForAll("dims") int cols, @ForAll boolean keepDims, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor x = Fixtures.awayFromZero(rng, 0.1f, 2, rows, cols);
        check(seed, (t, in) -> L2Norm.apply(t, in[0], keepDims), x);
    }
}
