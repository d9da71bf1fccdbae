package org.vaml4j.nn;

import java.util.random.RandomGenerator;

/** Glorot/Xavier uniform: {@code w ~ U(-a, a)}, {@code a = sqrt(6 / (fanIn + fanOut))}. */
public record XavierUniformInit() implements WeightInit {

    @Override
    public void fill(float[] w, int off, int fanIn, int fanOut, RandomGenerator rng) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < fanIn * fanOut; i++) w[off + i] = (float) (a * (2.0 * rng.nextDouble() - 1.0));
    }

    @Override public String name() { return "xavier-uniform"; }
}
