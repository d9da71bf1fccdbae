package org.vaml4j.render;

import java.util.SplittableRandom;
import org.vaml4j.env.Box;
import org.vaml4j.env.Space;

/** Actions drawn uniformly from a {@link Box} action space, from its own seeded stream. */
public final class RandomPolicy implements Policy {

    private final Box box;
    private final SplittableRandom rng;

    public RandomPolicy(Space actions, long seed) {
        if (!(actions instanceof Box b)) {
            throw new IllegalArgumentException("random actions need a continuous (Box) action space, got " + actions);
        }
        for (int i = 0; i < b.flatDim(); i++) {
            if (!Double.isFinite(b.low(i)) || !Double.isFinite(b.high(i))) {
                throw new IllegalArgumentException("random actions need a bounded action space; dimension " + i + " is ["
                        + b.low(i) + ", " + b.high(i) + "]");
            }
        }
        this.box = b;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public double[] act(double[] obs) {
        double[] a = new double[box.flatDim()];
        for (int i = 0; i < a.length; i++) a[i] = box.low(i) + rng.nextDouble() * (box.high(i) - box.low(i));
        return a;
    }
}
