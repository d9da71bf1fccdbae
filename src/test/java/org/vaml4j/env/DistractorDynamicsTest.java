package org.vaml4j.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistractorDynamicsTest {

    @Test
    void stepIsStatePlusSineOfAs() {
        DistractorDynamics d = new DistractorDynamics(2, new double[] {2, 0, 1, -1}, new double[] {0.05, -0.05});
        double[] s = {1.0, 0.5};
        d.step(s, 0);
        assertArrayEquals(new double[] {1 + Math.sin(2.0), 0.5 + Math.sin(0.5)}, s, 1e-15);
    }

    @Test
    void anyComponentReachingTwentyResetsTheWholeVectorToS0() {
        double c = Math.PI / (2 * 19.5); // sin(c * 19.5) = 1: 19.5 -> 20.5
        DistractorDynamics d = new DistractorDynamics(2, new double[] {c, 0, 0, 0}, new double[] {0.05, -0.05});
        double[] s = {9, 19.5, 0.3};
        d.step(s, 1); // offset 1: components (19.5, 0.3)
        assertArrayEquals(new double[] {9, 0.05, -0.05}, s, 0.0);
        double[] t = {19.0, 0.3};
        d.step(t, 0); // 19 + sin(c 19) < 20: kept
        assertEquals(19 + Math.sin(c * 19), t[0], 1e-12);
    }

    @Test
    void drawsAWithStd10AndS0WithStd01FixedBySeed() {
        DistractorDynamics d = new DistractorDynamics(40, new SplittableRandom(1));
        assertEquals(10.0, std(d.matrix()), 0.5);   // 1600 draws
        DistractorDynamics e = new DistractorDynamics(2000, new SplittableRandom(1));
        assertEquals(0.1, std(e.initialState()), 0.005); // 2000 draws
        assertArrayEquals(d.matrix(), new DistractorDynamics(40, new SplittableRandom(1)).matrix());
        assertFalse(java.util.Arrays.equals(d.matrix(), new DistractorDynamics(40, new SplittableRandom(2)).matrix()));
    }

    private static double std(double[] x) {
        double s = 0, s2 = 0;
        for (double v : x) {
            s += v;
            s2 += v * v;
        }
        double m = s / x.length;
        return Math.sqrt(s2 / x.length - m * m);
    }
}
