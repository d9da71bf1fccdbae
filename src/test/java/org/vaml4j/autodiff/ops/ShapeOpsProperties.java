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

/** GradCheck of Concat, Slice and Reshape (composed with an op so a gradient rule runs after the view). */
class ShapeOpsProperties {

    @Provide
    Arbitrary<Integer> dims() {
        return Fixtures.dims();
    }

    @Property(tries = 50)
    void concat(@ForAll("dims") int outer, @ForAll("dims") int mid, @ForAll("dims") int n1, @ForAll("dims") int n2,
                @ForAll("dims") int n3, @ForAll boolean middleAxis, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor a, b, c;
        if (middleAxis) { // [outer, n_i, mid] joined along axis 1
            a = uniform(rng, -1, 1, outer, n1, mid);
            b = uniform(rng, -1, 1, outer, n2, mid);
            c = uniform(rng, -1, 1, outer, n3, mid);
            check(seed, (t, in) -> Concat.apply(t, 1, in[0], in[1], in[2]), a, b, c);
        } else {          // [outer, n_i] joined along the last axis
            a = uniform(rng, -1, 1, outer, n1);
            b = uniform(rng, -1, 1, outer, n2);
            check(seed, (t, in) -> Concat.apply(t, in[0], in[1]), a, b);
        }
    }

    @Property(tries = 50)
    void slice(@ForAll("dims") int outer, @ForAll("dims") int len, @ForAll("dims") int inner,
               @ForAll int fromSeed, @ForAll int toSeed, @ForAll boolean lastAxis, @ForAll long seed) {
        int from = Math.floorMod(fromSeed, len + 1);
        int to = from + Math.floorMod(toSeed, len - from + 1);
        SplittableRandom rng = new SplittableRandom(seed);
        if (lastAxis) {
            check(seed, (t, in) -> Slice.apply(t, in[0], from, to), uniform(rng, -1, 1, outer, len));
        } else {
            check(seed, (t, in) -> Slice.apply(t, in[0], 1, from, to), uniform(rng, -1, 1, outer, len, inner));
        }
    }

    @Property(tries = 30)
    void reshape(@ForAll("dims") int a, @ForAll("dims") int b, @ForAll long seed) {
        // [a, b] -> [b, a] view, then an op: the op's gradient lands in the input through the view
        Tensor x = uniform(new SplittableRandom(seed), -2, 2, a, b);
        check(seed, (t, in) -> Tanh.apply(t, Reshape.apply(t, in[0], b, a)), x);
        check(seed, (t, in) -> Reshape.apply(t, Square.apply(t, in[0]), a * b), x);
    }
}
