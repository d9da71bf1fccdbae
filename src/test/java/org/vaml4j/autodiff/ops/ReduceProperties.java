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

/** GradCheck of Sum and Mean over all values and over each axis, with and without keepDims. */
class ReduceProperties {

    @Provide
    Arbitrary<int[]> shapes() {
        return Fixtures.shapes(3, 300);
    }

    @Provide
    Arbitrary<int[]> nonemptyShapes() {
        return Fixtures.positiveDims().array(int[].class).ofMinSize(1).ofMaxSize(3)
                .filter(s -> org.vaml4j.autodiff.Shapes.size(s) <= 300);
    }

    @Property(tries = 50)
    void sumAll(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Sum.apply(t, in[0]), uniform(new SplittableRandom(seed), -2, 2, shape));
    }

    @Property(tries = 50)
    void meanAll(@ForAll("nonemptyShapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Mean.apply(t, in[0]), uniform(new SplittableRandom(seed), -2, 2, shape));
    }

    @Property(tries = 50)
    void sumAxis(@ForAll("shapes") int[] shape, @ForAll int axisSeed, @ForAll boolean keepDims, @ForAll long seed) {
        if (shape.length == 0) return;   // no axis to reduce
        int axis = Math.floorMod(axisSeed, shape.length) - (axisSeed % 2 == 0 ? 0 : shape.length);
        Tensor x = uniform(new SplittableRandom(seed), -2, 2, shape);
        check(seed, (t, in) -> Sum.apply(t, in[0], axis, keepDims), x);
    }

    @Property(tries = 50)
    void meanAxis(@ForAll("nonemptyShapes") int[] shape, @ForAll int axisSeed, @ForAll boolean keepDims, @ForAll long seed) {
        int axis = Math.floorMod(axisSeed, shape.length);
        Tensor x = uniform(new SplittableRandom(seed), -2, 2, shape);
        check(seed, (t, in) -> Mean.apply(t, in[0], axis, keepDims), x);
    }
}
