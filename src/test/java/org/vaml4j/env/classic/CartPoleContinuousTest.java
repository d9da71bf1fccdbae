package org.vaml4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

class CartPoleContinuousTest {

    @Test
    void oneStepFromRestMatchesHandComputedEuler() {
        CartPoleContinuous c = new CartPoleContinuous();
        c.reset(0);
        c.setState(new double[] {0, 0, 0, 0});
        Transition t = c.step(new double[] {1.0});
        // F = 10: temp = 100/11, θ̈ = -(100/11) / (0.5 (4/3 - 1/11)) = -600/41, ẍ = 100/11 + 300/451 = 4400/451
        assertArrayEquals(new double[] {0, 0.02 * 4400 / 451, 0, -0.02 * 600 / 41}, t.obs(), 1e-12);
        assertEquals(1.0, t.reward());
        assertFalse(t.terminated());
    }

    @Test
    void positionsAdvanceWithTheOldVelocitiesAndActionsAreNotClipped() {
        CartPoleContinuous c = new CartPoleContinuous();
        c.reset(0);
        c.setState(new double[] {0.1, 0.5, 0.05, -0.2});
        double[] s1 = c.step(new double[] {2.0}).obs();
        assertEquals(0.1 + 0.02 * 0.5, s1[0], 1e-15);
        assertEquals(0.05 - 0.02 * 0.2, s1[2], 1e-15);
        c.setState(new double[] {0.1, 0.5, 0.05, -0.2});
        double[] s2 = c.step(new double[] {1.0}).obs();
        assertTrue(s1[1] > s2[1] + 0.1, "force 20 must accelerate more than force 10");
    }

    @Test
    void terminatesLeavingTheTrackWithRewardOne() {
        CartPoleContinuous c = new CartPoleContinuous();
        c.reset(0);
        c.setState(new double[] {2.39, 1.0, 0, 0});
        Transition t = c.step(new double[] {0});
        assertTrue(t.terminated());
        assertEquals(1.0, t.reward());
        assertThrows(IllegalStateException.class, () -> c.step(new double[] {0}));
    }

    @Test
    void terminationFunctionIsStrictAndTreatsNonFiniteAsTerminal() {
        TaskFunctions f = new CartPoleContinuous.Functions();
        assertFalse(f.terminated(new double[] {2.4, 0, 0, 0}));
        assertTrue(f.terminated(new double[] {2.4000001, 0, 0, 0}));
        assertTrue(f.terminated(new double[] {-2.4000001, 0, 0, 0}));
        assertFalse(f.terminated(new double[] {0, 0, CartPoleContinuous.THETA_THRESHOLD, 0}));
        assertTrue(f.terminated(new double[] {0, 0, 0.21, 0}));
        assertTrue(f.terminated(new double[] {0, 0, -0.21, 0}));
        assertTrue(f.terminated(new double[] {Double.NaN, 0, 0, 0}));
        assertTrue(f.terminated(new double[] {0, Double.POSITIVE_INFINITY, 0, 0}));
        boolean[] out = new boolean[3];
        f.terminations(3, new float[] {0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0.3f, 0}, out);
        assertArrayEquals(new boolean[] {false, true, true}, out);
    }

    @Test
    void functionsAgreeWithTheEnvOnRandomEpisodes() {
        CartPoleContinuous c = new CartPoleContinuous();
        TaskFunctions f = c.functions();
        SplittableRandom r = new SplittableRandom(1);
        for (int ep = 0; ep < 20; ep++) {
            double[] obs = c.reset(ep);
            for (int i = 0; i < 200; i++) {
                double[] a = {r.nextDouble(-1, 1)};
                Transition t = c.step(a);
                assertEquals(t.terminated(), f.terminated(t.obs()));
                assertEquals(t.reward(), f.reward(obs, a, t.obs()));
                if (t.terminated()) break;
                obs = t.obs();
            }
        }
    }

    @Test
    void resetBoundsAndSeeding() {
        CartPoleContinuous c = new CartPoleContinuous();
        for (int s = 0; s < 300; s++) {
            for (double v : c.reset(s)) assertTrue(v >= -0.05 && v < 0.05);
        }
        assertArrayEquals(new CartPoleContinuous().reset(9), new CartPoleContinuous().reset(9));
        assertThrows(IllegalArgumentException.class, () -> c.step(new double[] {Double.NaN}));
    }
}
