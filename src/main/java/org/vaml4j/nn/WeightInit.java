package org.vaml4j.nn;

import java.util.random.RandomGenerator;

/**
 * How a weight matrix is initialised. Weights are stored (fanIn x fanOut) row-major (the layer
 * computes {@code y = x W + b}); ensembles call this once per member. Biases start at zero.
 *
 * <p>Variants: {@link TruncatedNormalInit} (MBPO's ensemble), {@link XavierUniformInit},
 * {@link OrthogonalInit} (pytorch_sac, the SAC that MBPO ran).
 */
public interface WeightInit {

    /** Fills {@code w[off .. off + fanIn*fanOut)}, a (fanIn x fanOut) matrix. */
    void fill(float[] w, int off, int fanIn, int fanOut, RandomGenerator rng);

    /** Short name for configs and logs. */
    String name();

    /** The variant called {@code name}: {@code truncated-normal}, {@code xavier-uniform}, {@code orthogonal}. */
    static WeightInit byName(String name) {
        return switch (name) {
            case "truncated-normal" -> new TruncatedNormalInit();
            case "xavier-uniform" -> new XavierUniformInit();
            case "orthogonal" -> new OrthogonalInit(1.0);
            default -> throw new IllegalArgumentException("unknown weight init '" + name
                    + "'; choices: truncated-normal, xavier-uniform, orthogonal");
        };
    }
}
