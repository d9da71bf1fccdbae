package org.vaml4j.autodiff.ops;

import static org.vaml4j.autodiff.Fixtures.awayFromZero;
import static org.vaml4j.autodiff.Fixtures.check;
import static org.vaml4j.autodiff.Fixtures.uniform;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tensor;

/**
 * GradCheck of the elementwise ops of two tensors, with equal shapes and with either operand
 * broadcast over the leading axes of the other, on both backends.
 */
class BinaryOpsProperties {

    @Provide
    Arbitrary<int[]> shapes() {
        return Fixtures.shapes(3, 300);
    }

    /** The shape of the small operand: the last {@code keep} axes of the big one. */
    private static int[] suffix(int[] big, int keep) {
        int k = Math.min(keep, big.length);
        return Arrays.copyOfRange(big, big.length - k, big.length);
    }

    /** Operands a and b: one has the full shape, the other a suffix of it when {@code keep >= 0}. */
    private static Tensor[] operands(int[] shape, int keep, boolean smallFirst, long seed, float lo, float hi, boolean awayFromZeroB) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] small = keep < 0 ? shape : suffix(shape, keep);
        int[] sa = smallFirst ? small : shape, sb = smallFirst ? shape : small;
        Tensor a = uniform(rng, lo, hi, sa);
        Tensor b = awayFromZeroB ? awayFromZero(rng, 0.5f, 2, sb) : uniform(rng, lo, hi, sb);
        return new Tensor[] {a, b};
    }

    @Property(tries = 50)
    void add(@ForAll("shapes") int[] shape, @ForAll @IntRange(min = -1, max = 3) int keep, @ForAll boolean smallFirst,
             @ForAll long seed) {
        check(seed, (t, in) -> Add.apply(t, in[0], in[1]), operands(shape, keep, smallFirst, seed, -2, 2, false));
    }

    @Property(tries = 50)
    void sub(@ForAll("shapes") int[] shape, @ForAll @IntRange(min = -1, max = 3) int keep, @ForAll boolean smallFirst,
             @ForAll long seed) {
        check(seed, (t, in) -> Sub.apply(t, in[0], in[1]), operands(shape, keep, smallFirst, seed, -2, 2, false));
    }

    @Property(tries = 50)
    void mul(@ForAll("shapes") int[] shape, @ForAll @IntRange(min = -1, max = 3) int keep, @ForAll boolean smallFirst,
             @ForAll long seed) {
        check(seed, (t, in) -> Mul.apply(t, in[0], in[1]), operands(shape, keep, smallFirst, seed, -2, 2, false));
    }

    @Property(tries = 50)
    void div(@ForAll("shapes") int[] shape, @ForAll @IntRange(min = -1, max = 3) int keep, @ForAll boolean smallFirst,
             @ForAll long seed) {
        check(seed, (t, in) -> Div.apply(t, in[0], in[1]), operands(shape, keep, smallFirst, seed, -2, 2, true));
    }

    @Property(tries = 50)
    void min(@ForAll("shapes") int[] shape, @ForAll @IntRange(min = -1, max = 3) int keep, @ForAll boolean smallFirst,
             @ForAll long seed) {
        check(seed, (t, in) -> Min.apply(t, in[0], in[1]), apart(operands(shape, keep, smallFirst, seed, -2, 2, false)));
    }

    @Property(tries = 50)
    void max(@ForAll("shapes") int[] shape, @ForAll @IntRange(min = -1, max = 3) int keep, @ForAll boolean smallFirst,
             @ForAll long seed) {
        check(seed, (t, in) -> Max.apply(t, in[0], in[1]), apart(operands(shape, keep, smallFirst, seed, -2, 2, false)));
    }

    @Property(tries = 30)
    void operandUsedTwice(@ForAll("shapes") int[] shape, @ForAll long seed) {
        // y = x * x + x: the gradient of x accumulates from three uses
        Tensor x = uniform(new SplittableRandom(seed), -2, 2, shape);
        check(seed, (t, in) -> Add.apply(t, Mul.apply(t, in[0], in[0]), in[0]), x);
    }

    /**
     * Moves the big operand's values at least 0.05 away from the small one's at every pair they
     * meet, so no tie (a kink of min/max) lies within the finite-difference step.
     */
    private static Tensor[] apart(Tensor[] ab) {
        Tensor big = ab[0].size() >= ab[1].size() ? ab[0] : ab[1];
        Tensor small = big == ab[0] ? ab[1] : ab[0];
        float[] bv = big.data(), sv = small.data();
        for (int i = 0; i < bv.length && sv.length > 0; i++) {
            float d = bv[i] - sv[i % sv.length];
            if (Math.abs(d) < 0.05f) bv[i] += d >= 0 ? 0.1f : -0.1f;
        }
        return ab;
    }
}
