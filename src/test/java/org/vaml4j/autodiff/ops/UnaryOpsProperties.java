package org.vaml4j.autodiff.ops;

import static org.vaml4j.autodiff.Fixtures.awayFromZero;
import static org.vaml4j.autodiff.Fixtures.check;
import static org.vaml4j.autodiff.Fixtures.uniform;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tensor;

/** GradCheck of every elementwise op of one tensor, over random shapes, on both backends. */
class UnaryOpsProperties {

    @Provide
    Arbitrary<int[]> shapes() {
        return Fixtures.shapes(3, 300);
    }

    @Property(tries = 50)
    void neg(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Neg.apply(t, in[0]), uniform(new SplittableRandom(seed), -3, 3, shape));
    }

    @Property(tries = 50)
    void relu(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Relu.apply(t, in[0]), awayFromZero(new SplittableRandom(seed), 0.05f, 3, shape));
    }

    @Property(tries = 50)
    void silu(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Silu.apply(t, in[0]), uniform(new SplittableRandom(seed), -4, 4, shape));
    }

    @Property(tries = 50)
    void tanh(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Tanh.apply(t, in[0]), uniform(new SplittableRandom(seed), -3, 3, shape));
    }

    @Property(tries = 50)
    void sigmoid(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Sigmoid.apply(t, in[0]), uniform(new SplittableRandom(seed), -4, 4, shape));
    }

    @Property(tries = 50)
    void softplus(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Softplus.apply(t, in[0]), uniform(new SplittableRandom(seed), -4, 4, shape));
    }

    @Property(tries = 50)
    void exp(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Exp.apply(t, in[0]), uniform(new SplittableRandom(seed), -3, 3, shape));
    }

    @Property(tries = 50)
    void log(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Log.apply(t, in[0]), uniform(new SplittableRandom(seed), 0.2f, 4, shape));
    }

    @Property(tries = 50)
    void square(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Square.apply(t, in[0]), uniform(new SplittableRandom(seed), -3, 3, shape));
    }

    @Property(tries = 50)
    void sqrt(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Sqrt.apply(t, in[0]), uniform(new SplittableRandom(seed), 0.2f, 4, shape));
    }

    @Property(tries = 50)
    void abs(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Abs.apply(t, in[0]), awayFromZero(new SplittableRandom(seed), 0.05f, 3, shape));
    }

    @Property(tries = 50)
    void pow(@ForAll("shapes") int[] shape, @ForAll long seed) {
        float p = new float[] {-1.5f, 0.5f, 2f, 3f, 0.3f}[(int) Math.floorMod(seed, 5L)];
        check(seed, (t, in) -> Pow.apply(t, in[0], p), uniform(new SplittableRandom(seed), 0.3f, 3, shape));
    }

    @Property(tries = 50)
    void reciprocal(@ForAll("shapes") int[] shape, @ForAll long seed) {
        check(seed, (t, in) -> Div.apply(t, 2f, in[0]), awayFromZero(new SplittableRandom(seed), 0.3f, 3, shape));
    }

    @Property(tries = 50)
    void clamp(@ForAll("shapes") int[] shape, @ForAll long seed) {
        // values at least 0.05 away from both bounds -1 and 0.5
        Tensor x = uniform(new SplittableRandom(seed), -3, 3, shape);
        float[] v = x.data();
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i] + 1f) < 0.05f) v[i] -= 0.1f;
            if (Math.abs(v[i] - 0.5f) < 0.05f) v[i] += 0.1f;
        }
        check(seed, (t, in) -> Clamp.apply(t, in[0], -1f, 0.5f), x);
    }

    @Property(tries = 30)
    void scalarVariants(@ForAll("shapes") int[] shape, @ForAll long seed) {
        Tensor x = uniform(new SplittableRandom(seed), -3, 3, shape);
        check(seed, (t, in) -> Add.apply(t, in[0], 0.7f), x);
        check(seed, (t, in) -> Sub.apply(t, in[0], 0.7f), x);
        check(seed, (t, in) -> Sub.apply(t, 0.7f, in[0]), x);
        check(seed, (t, in) -> Mul.apply(t, in[0], -1.3f), x);
        check(seed, (t, in) -> Div.apply(t, in[0], 4f), x);
    }
}
