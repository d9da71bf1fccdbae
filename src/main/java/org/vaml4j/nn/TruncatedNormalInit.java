package org.vaml4j.nn;

import java.util.random.RandomGenerator;
import org.vaml4j.random.Gaussian;

/**
 * MBPO's ensemble initialisation: {@code w ~ N(0, std²)} with {@code std = 1 / (2 sqrt(fanIn))},
 * each value redrawn until it lies within ±2 std (research.md §A.3: mbrl-lib
 * {@code truncated_normal_init}, with the true fan-in as for the ensemble layers).
 */
public record TruncatedNormalInit() implements WeightInit {

    @Override
    public void fill(float[] w, int off, int fanIn, int fanOut, RandomGenerator rng) {
        double std = 1.0 / (2.0 * Math.sqrt(fanIn));
        for (int i = 0; i < fanIn * fanOut; i++) w[off + i] = (float) (std * truncatedStandardNormal(rng));
    }

    /** A standard normal draw redrawn until |z| ≤ 2. */
    static double truncatedStandardNormal(RandomGenerator rng) {
        double z;
        do {
            z = Gaussian.next(rng);
        } while (Math.abs(z) > 2.0);
        return z;
    }

    @Override public String name() { return "truncated-normal"; }
}
