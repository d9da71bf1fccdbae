package org.vaml4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

class PendulumTest {

    @Test
    void oneStepMatchesHandComputedDynamicsAndReward() {
        Pendulum p = new Pendulum();
        p.reset(0);
        p.setState(0.5, 0.3);
        Transition t = p.step(new double[] {1.0});
        // θ̇' = 0.3 + (15 sin 0.5 + 3) * 0.05 = 0.809569154..., θ' = 0.5 + θ̇' * 0.05
        double thdot = 0.3 + (15 * 0.479425538604203 + 3) * 0.05;
        double th = 0.5 + thdot * 0.05;
        assertArrayEquals(new double[] {th, thdot}, p.state(), 1e-12);
        assertEquals(0.8095691540, thdot, 1e-9);
        assertArrayEquals(new double[] {Math.cos(th), Math.sin(th), thdot}, t.obs(), 1e-12);
        // reward on the pre-step state: -(0.25 + 0.1 * 0.09 + 0.001 * 1)
        assertEquals(-0.26, t.reward(), 1e-12);
        assertFalse(t.terminated());
        assertFalse(t.truncated());
    }

    @Test
    void torqueIsClippedAndVelocityClippedBeforeThePositionUpdate() {
        Pendulum p = new Pendulum();
        p.reset(0);
        p.setState(Math.PI / 2, 7.9);
        Transition t = p.step(new double[] {5.0}); // u = 2
        // 7.9 + (15 + 6) * 0.05 = 8.95 -> 8, θ' = π/2 + 8 * 0.05 (v1: clipped velocity moves the pole)
        assertArrayEquals(new double[] {Math.PI / 2 + 0.4, 8.0}, p.state(), 1e-12);
        // reward uses the clipped torque: -((π/2)² + 0.1 * 7.9² + 0.001 * 4)
        assertEquals(-(Math.PI * Math.PI / 4 + 0.1 * 7.9 * 7.9 + 0.004), t.reward(), 1e-12);
    }

    @Test
    void angleNormalizeFollowsPythonModulo() {
        assertEquals(-Math.PI / 2, Pendulum.angleNormalize(1.5 * Math.PI), 1e-12);
        assertEquals(-Math.PI, Pendulum.angleNormalize(Math.PI), 1e-12);
        assertEquals(-Math.PI, Pendulum.angleNormalize(-Math.PI), 1e-12);
        assertEquals(0.25, Pendulum.angleNormalize(0.25 + 6 * Math.PI), 1e-9);
        assertEquals(-0.25, Pendulum.angleNormalize(-0.25 - 4 * Math.PI), 1e-9);
    }

    @Test
    void rewardFunctionMatchesTheEnvAlongARandomTrajectory() {
        Pendulum p = new Pendulum();
        TaskFunctions f = p.functions();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[] obs = p.reset(11);
        for (int i = 0; i < 300; i++) {
            double[] a = {r.nextDouble(-3, 3)};
            Transition t = p.step(a);
            assertEquals(t.reward(), f.reward(obs, a, t.obs()), 1e-9);
            assertFalse(f.terminated(t.obs()));
            obs = t.obs();
        }
        // batch float form
        float[] o = {1, 0, 0, 0, 1, 2}, a = {0, 3}, n = new float[6], out = new float[2];
        f.rewards(2, o, a, n, out);
        assertEquals(0f, out[0], 1e-6);
        assertEquals(-(Math.PI * Math.PI / 4 + 0.4 + 0.004), out[1], 1e-5);
    }

    @Test
    void resetDrawsFromTheDocumentedBoxAndIsSeeded() {
        Pendulum p = new Pendulum();
        for (int s = 0; s < 500; s++) {
            p.reset(s);
            double[] st = p.state();
            assertTrue(st[0] >= -Math.PI && st[0] < Math.PI);
            assertTrue(st[1] >= -1 && st[1] < 1);
        }
        assertArrayEquals(rollout(new Pendulum(), 42), rollout(new Pendulum(), 42));
        assertFalse(java.util.Arrays.equals(rollout(new Pendulum(), 42), rollout(new Pendulum(), 43)));
    }

    private static double[] rollout(Pendulum p, long seed) {
        double[] obs = p.reset(seed);
        double[] out = new double[3 * 51];
        System.arraycopy(obs, 0, out, 0, 3);
        for (int i = 1; i <= 50; i++) System.arraycopy(p.step(new double[] {Math.sin(i)}).obs(), 0, out, 3 * i, 3);
        return out;
    }

    @Test
    void badActionsAreRejected() {
        Pendulum p = new Pendulum();
        assertThrows(IllegalStateException.class, () -> p.step(new double[] {0}));
        p.reset(0);
        assertThrows(IllegalArgumentException.class, () -> p.step(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> p.step(new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> p.step(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> p.step(null));
    }
}
