package org.vaml4j.autodiff;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.ScalarKernels;

/** Shared test inputs: both backends, random shapes with awkward sizes, random tensors. */
public final class Fixtures {

    private Fixtures() {}

    /** The reference backend and the SIMD backend on one thread; every property runs on both. */
    public static final List<Kernels> BACKENDS = List.of(new ScalarKernels(), KernelChoice.select("vector", 1));

    /** Axis lengths: 1, primes, sizes around a 16-lane register, and (rarely) 0. */
    public static Arbitrary<Integer> dims() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(12, Arbitraries.of(1, 2, 3, 5, 7, 13, 17)));
    }

    /** Nonempty axis lengths. */
    public static Arbitrary<Integer> positiveDims() {
        return Arbitraries.of(1, 2, 3, 5, 7, 13, 17);
    }

    /** Shapes of rank 0..maxRank with at most maxSize values. */
    public static Arbitrary<int[]> shapes(int maxRank, int maxSize) {
        return dims().array(int[].class).ofMinSize(0).ofMaxSize(maxRank).filter(s -> Shapes.size(s) <= maxSize);
    }

    /** Runs GradCheck on every backend with the same seed. */
    public static void check(long seed, GradCheck.Fn f, Tensor... inputs) {
        for (Kernels kn : BACKENDS) GradCheck.check(kn, new SplittableRandom(seed), f, inputs);
    }

    /** A variable with values uniform in [lo, hi). */
    public static Tensor uniform(RandomGenerator rng, float lo, float hi, int... shape) {
        return Tensor.variable(values(rng, lo, hi, Shapes.size(shape)), shape);
    }

    /** A variable with magnitudes uniform in [lo, hi) and random signs: away from kinks at 0. */
    public static Tensor awayFromZero(RandomGenerator rng, float lo, float hi, int... shape) {
        float[] v = values(rng, lo, hi, Shapes.size(shape));
        for (int i = 0; i < v.length; i++) if (rng.nextBoolean()) v[i] = -v[i];
        return Tensor.variable(v, shape);
    }

    public static float[] values(RandomGenerator rng, float lo, float hi, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * rng.nextFloat();
        return v;
    }
}
