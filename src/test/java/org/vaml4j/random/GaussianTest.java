package org.vaml4j.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.rl.Rng;

/** Moments and tail mass of {@link Gaussian#next} (their cross-JDK identity: CrossJdkReproducibilityTest). */
class GaussianTest {

    @Test
    void momentsAndTailsOfAStandardNormal() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 1_000_000;
        double s1 = 0, s2 = 0, s4 = 0;
        int beyond2 = 0;
        for (int i = 0; i < n; i++) {
            double z = Gaussian.next(rng);
            s1 += z;
            s2 += z * z;
            s4 += z * z * z * z;
            if (Math.abs(z) > 2) beyond2++;
        }
        // standard errors at n = 1e6: mean 0.001, variance 0.0014, 4th moment 0.01, P(|z| > 2) 0.0002
        assertEquals(0, s1 / n, 0.005, "mean");
        assertEquals(1, s2 / n, 0.007, "variance");
        assertEquals(3, s4 / n, 0.05, "4th moment");
        assertEquals(0.0455, (double) beyond2 / n, 0.001, "P(|z| > 2)");
    }

    @Test
    void rngUsesIt() {
        Rng a = new Rng(5), b = new Rng(5);
        for (int i = 0; i < 1000; i++) assertEquals(Gaussian.next(a), b.nextGaussian());
        assertTrue(a.state() == b.state());
    }
}
