package org.vaml4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

class MountainCarContinuousTest {

    @Test
    void oneStepMatchesHandComputedDynamics() {
        MountainCarContinuous m = new MountainCarContinuous();
        m.reset(0);
        m.setState(-0.5, 0);
        Transition t = m.step(new double[] {1.0});
        double v = 0.0015 - 0.0025 * Math.cos(-1.5);
        assertEquals(0.001323157, v, 1e-9);
        assertArrayEquals(new double[] {(float) (-0.5 + v), (float) v}, t.obs(), 0.0); // stored as float32
        assertEquals(-0.1, t.reward(), 1e-15);
        assertFalse(t.terminated());
    }

    @Test
    void forceIsClippedButTheRewardChargesTheRawAction() {
        MountainCarContinuous m = new MountainCarContinuous();
        m.reset(0);
        m.setState(-0.5, 0);
        Transition big = m.step(new double[] {2.0});
        m.setState(-0.5, 0);
        Transition one = m.step(new double[] {1.0});
        assertArrayEquals(one.obs(), big.obs(), 0.0);
        assertEquals(-0.4, big.reward(), 1e-15);
    }

    @Test
    void reachingTheGoalTerminatesWithTheBonus() {
        MountainCarContinuous m = new MountainCarContinuous();
        m.reset(0);
        m.setState(0.44, 0.07);
        Transition t = m.step(new double[] {0.5});
        assertTrue(t.terminated());
        assertEquals(100 - 0.025, t.reward(), 1e-12);
        TaskFunctions f = m.functions();
        assertTrue(f.terminated(new double[] {0.45, 0}));
        assertFalse(f.terminated(new double[] {0.45, -1e-6}));
        assertFalse(f.terminated(new double[] {0.449, 0.01}));
        assertTrue(f.terminated(new double[] {Double.NaN, 0}));
    }

    @Test
    void leftWallStopsTheCar() {
        MountainCarContinuous m = new MountainCarContinuous();
        m.reset(0);
        m.setState(-1.19, -0.07);
        Transition t = m.step(new double[] {-1});
        assertArrayEquals(new double[] {(float) -1.2, 0}, t.obs(), 0.0);
    }

    @Test
    void functionsAgreeWithTheEnvAndResetIsInRange() {
        MountainCarContinuous m = new MountainCarContinuous();
        TaskFunctions f = m.functions();
        SplittableRandom r = new SplittableRandom(5);
        int goals = 0;
        for (int ep = 0; ep < 10; ep++) {
            double[] obs = m.reset(ep);
            assertTrue(obs[0] >= -0.6 && obs[0] < -0.4 && obs[1] == 0);
            for (int i = 0; i < 999; i++) {
                // bang-bang on the velocity sign pumps energy and reaches the goal
                double[] a = {(obs[1] >= 0 ? 1.0 : -1.0) * r.nextDouble(0.8, 1.3)};
                Transition t = m.step(a);
                assertEquals(t.terminated(), f.terminated(t.obs()));
                assertEquals(t.reward(), f.reward(obs, a, t.obs()), 1e-12);
                obs = t.obs();
                if (t.terminated()) { goals++; break; }
            }
        }
        assertEquals(10, goals);
    }
}
