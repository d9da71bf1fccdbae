package org.vaml4j.env.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomMlpDynamicsTest {

    @Test
    void forwardMatchesAHandComputedOneUnitNetwork() {
        // [s, a] -> z = 0.1 + 0.5 s - a -> h = z sigmoid(z) -> (mean, raw) = (-0.5 + 2h, 0.2 + 3h)
        RandomMlpDynamics d = new RandomMlpDynamics(1, 1, 1, 1,
                new double[][] {{0.5, -1}, {2, 3}}, new double[][] {{0.1}, {-0.5, 0.2}});
        double[] mean = new double[1], std = new double[1];
        d.forward(new double[] {1.0}, new double[] {0.4}, mean, std);
        double h = 0.2 / (1 + Math.exp(-0.2));
        assertEquals(0.1099667, h, 1e-7);
        assertEquals(-0.5 + 2 * h, mean[0], 1e-12);
        double raw = 0.2 + 3 * h;
        double lv = 2 - Math.log1p(Math.exp(2 - raw));
        lv = -20 + Math.log1p(Math.exp(lv + 20));
        assertEquals(Math.exp(lv / 2), std[0], 1e-12);
    }

    @Test
    void logVarianceIsSoftBoundedBetweenMinus20And2() {
        double[] mean = new double[1], std = new double[1];
        RandomMlpDynamics high = new RandomMlpDynamics(1, 1, 1, 1,
                new double[][] {{0, 0}, {0, 0}}, new double[][] {{0}, {0, 100}});
        high.forward(new double[] {0}, new double[] {0}, mean, std);
        assertEquals(Math.exp(1), std[0], 1e-9);
        RandomMlpDynamics low = new RandomMlpDynamics(1, 1, 1, 1,
                new double[][] {{0, 0}, {0, 0}}, new double[][] {{0}, {0, -100}});
        low.forward(new double[] {0}, new double[] {0}, mean, std);
        assertEquals(Math.exp(-10), std[0], 1e-12);
    }

    @Test
    void randomInitIsWithinTheFanInBoundAndSeeded() {
        RandomMlpDynamics a = new RandomMlpDynamics(11, 3, 32, 2, new SplittableRandom(1));
        RandomMlpDynamics b = new RandomMlpDynamics(11, 3, 32, 2, new SplittableRandom(1));
        RandomMlpDynamics c = new RandomMlpDynamics(11, 3, 32, 2, new SplittableRandom(2));
        double[] s = new double[11], act = {0.1, -0.2, 0.3};
        for (int i = 0; i < 11; i++) s[i] = Math.sin(i);
        double[] ma = new double[11], sa = new double[11], mb = new double[11], sb = new double[11], mc = new double[11], sc = new double[11];
        a.forward(s, act, ma, sa);
        b.forward(s, act, mb, sb);
        c.forward(s, act, mc, sc);
        assertEquals(java.util.Arrays.toString(ma), java.util.Arrays.toString(mb));
        assertTrue(Math.abs(ma[0] - mc[0]) > 1e-9);
        for (double v : sa) assertTrue(v > Math.exp(-10) && v < Math.exp(1));
        assertThrows(IllegalArgumentException.class, () -> new RandomMlpDynamics(1, 1, 1, 1,
                new double[][] {{0.5}, {2, 3}}, new double[][] {{0.1}, {-0.5, 0.2}}));
    }
}
