package org.vaml4j.autodiff.ops;

import static org.vaml4j.autodiff.Fixtures.check;
import static org.vaml4j.autodiff.Fixtures.uniform;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vaml4j.autodiff.Fixtures;

/** GradCheck of matmul in all four transpose forms and of the batched (ensemble) matmul. */
class MatMulProperties {

    @Provide
    Arbitrary<Integer> dims() {
        return Fixtures.dims();
    }

    @Property(tries = 60)
    void matmul(@ForAll("dims") int m, @ForAll("dims") int k, @ForAll("dims") int n,
                @ForAll boolean transA, @ForAll boolean transB, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        var a = transA ? uniform(rng, -1, 1, k, m) : uniform(rng, -1, 1, m, k);
        var b = transB ? uniform(rng, -1, 1, n, k) : uniform(rng, -1, 1, k, n);
        check(seed, (t, in) -> MatMul.apply(t, in[0], in[1], transA, transB), a, b);
    }

    @Property(tries = 50)
    void batchedMatmul(@ForAll("dims") int e, @ForAll("dims") int m, @ForAll("dims") int k, @ForAll("dims") int n,
                       @ForAll boolean sharedA, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        var a = sharedA ? uniform(rng, -1, 1, m, k) : uniform(rng, -1, 1, e, m, k);
        var b = uniform(rng, -1, 1, e, k, n);
        check(seed, (t, in) -> BatchedMatMul.apply(t, in[0], in[1]), a, b);
    }
}
