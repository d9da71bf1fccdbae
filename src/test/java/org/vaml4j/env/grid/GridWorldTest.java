package org.vaml4j.env.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

class GridWorldTest {

    @Test
    void tableOfTheFiveByFiveGrid() {
        GridWorld g = new GridWorld(5);
        GridTable t = g.table();
        assertEquals(9, t.states());
        assertEquals(0, t.start());
        assertEquals(8, t.goal());
        assertEquals(100, t.maxSteps());
        assertEquals(0, t.next(0, GridWorld.NORTH)); // wall
        assertEquals(0, t.next(0, GridWorld.WEST));
        assertEquals(1, t.next(0, GridWorld.EAST));
        assertEquals(3, t.next(0, GridWorld.SOUTH));
        assertEquals(7, t.next(4, GridWorld.SOUTH));
        for (int a = 0; a < 4; a++) assertEquals(8, t.next(8, a)); // absorbing goal
        // dense reward (d(s) - d(s')) / d0, d0 = 2√2: from (1,1) to (2,1)
        double d0 = 2 * Math.sqrt(2);
        assertEquals((d0 - Math.sqrt(5)) / d0, t.reward(0, GridWorld.EAST, 1), 1e-12);
        assertEquals(0.0, t.reward(0, GridWorld.NORTH, 1), 0.0);
        assertEquals(-(d0 - Math.sqrt(5)) / d0, t.reward(1, GridWorld.WEST, 1), 1e-12);
        // entering the goal from (3,2) on step 7: dense 1/d0 + 1 - 0.9 * 7/100
        assertEquals(1 / d0 + 1 - 0.063, t.reward(5, GridWorld.SOUTH, 7), 1e-12);
        assertEquals(0.0, t.reward(8, GridWorld.SOUTH, 7), 0.0);
        double[] p = t.transitionMatrix();
        assertEquals(9 * 4 * 9, p.length);
        for (int sa = 0; sa < 36; sa++) {
            double sum = 0;
            for (int s2 = 0; s2 < 9; s2++) sum += p[sa * 9 + s2];
            assertEquals(1.0, sum, 0.0);
        }
    }

    @Test
    void shortestPathReturnIsOnePlusTheDecayedBonus() {
        for (int n : new int[] {5, 8, 12, 16}) {
            GridWorld g = new GridWorld(n);
            double[] obs = g.reset(0);
            assertEquals(1.0, obs[0]);
            double ret = 0;
            int steps = 2 * (n - 3);
            Transition tr = null;
            for (int i = 0; i < steps; i++) {
                tr = g.step(new double[] {i % 2 == 0 ? GridWorld.EAST : GridWorld.SOUTH});
                ret += tr.reward();
            }
            assertTrue(tr.terminated());
            assertEquals(g.table().goal(), g.state());
            assertEquals(2 - 0.9 * steps / (4.0 * n * n), ret, 1e-9, "N = " + n);
        }
    }

    @Test
    void returnAboveOneExactlyWhenTheGoalIsReached() {
        Env env = EnvRegistry.standard().make("gridworld:size=5");
        assertEquals(100, env.maxEpisodeSteps());
        SplittableRandom r = new SplittableRandom(0);
        int reached = 0, missed = 0;
        for (int ep = 0; ep < 60; ep++) {
            env.reset(ep);
            double ret = 0;
            Transition t;
            int steps = 0;
            do {
                // odd episodes: uniform moves (reach the goal); even: mostly north/west (time out)
                boolean uniform = ep % 2 == 1 || r.nextInt(10) < 3;
                t = env.step(new double[] {uniform ? r.nextInt(4) : (r.nextBoolean() ? 0 : 3)});
                ret += t.reward();
                steps++;
            } while (!t.done());
            if (t.terminated()) reached++; else missed++;
            assertEquals(t.terminated(), ret > 1, "episode " + ep + " return " + ret);
            if (!t.terminated()) assertEquals(100, steps);
        }
        assertTrue(reached > 0 && missed > 0, reached + " / " + missed);
    }

    @Test
    void terminationFunctionReadsTheArgmax() {
        GridWorld g = new GridWorld(5);
        TaskFunctions f = g.functions();
        assertFalse(f.rewardFromObservations());
        assertTrue(f.terminated(g.observation(8)));
        assertFalse(f.terminated(g.observation(7)));
        double[] probs = {0.1, 0, 0, 0, 0, 0, 0, 0.3, 0.6};
        assertTrue(f.terminated(probs));
        probs[7] = 0.7;
        probs[8] = 0.2;
        assertFalse(f.terminated(probs));
        probs[0] = Double.NaN;
        assertTrue(f.terminated(probs));
        assertThrows(UnsupportedOperationException.class, () -> f.reward(g.observation(0), new double[] {0}, g.observation(1)));
    }

    @Test
    void registryPresetsAndValidation() {
        EnvRegistry reg = EnvRegistry.standard();
        assertEquals(1024, reg.make("GridEmpty-16x16").maxEpisodeSteps());
        assertEquals(196, reg.make("gridworld-16x16").observationSpace().flatDim());
        Env twelve = reg.make("gridworld:size=12");
        assertEquals(576, twelve.maxEpisodeSteps());
        assertEquals(100, twelve.observationSpace().flatDim());
        assertThrows(IllegalArgumentException.class, () -> reg.make("gridworld:size=3"));
        GridWorld g = new GridWorld(8);
        g.reset(0);
        assertThrows(IllegalArgumentException.class, () -> g.step(new double[] {4}));
        assertThrows(IllegalArgumentException.class, () -> g.step(new double[] {0.5}));
        assertArrayEquals(new int[] {6, 6}, g.cell(g.table().goal()));
    }
}
