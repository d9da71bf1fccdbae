package org.vaml4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

class AcrobotTaskTest {

    @Test
    void derivativeMatchesHandComputedBookDynamics() {
        double[] out = new double[4];
        // at rest hanging down with τ = 1: d1 = 4.5, d2 = 1.75, φ1 = φ2 = 0,
        // θ̈2 = 1 / (1.25 - 1.75² / 4.5), θ̈1 = -1.75 θ̈2 / 4.5
        AcrobotDynamics.derivative(new double[] {0, 0, 0, 0}, 1.0, out);
        double dd2 = 1 / (1.25 - 1.75 * 1.75 / 4.5);
        assertArrayEquals(new double[] {0, 0, -1.75 * dd2 / 4.5, dd2}, out, 1e-12);
        assertEquals(1.756097561, dd2, 1e-9);
        // displaced link 1 falls back: θ1 = 0.3, θ2 = 0, no torque; φ2 = 4.9 sin 0.3, φ1 = 14.7 sin 0.3 + φ2
        AcrobotDynamics.derivative(new double[] {0.3, 0, 0, 0}, 0.0, out);
        double phi2 = 0.5 * 9.8 * Math.sin(0.3), phi1 = 1.5 * 9.8 * Math.sin(0.3) + phi2;
        double e2 = (1.75 / 4.5 * phi1 - phi2) / (1.25 - 1.75 * 1.75 / 4.5);
        assertEquals(e2, out[3], 1e-12);
        assertEquals(-(1.75 * e2 + phi1) / 4.5, out[2], 1e-12);
        assertTrue(out[2] < 0);
    }

    @Test
    void rk4StepIsCloseToAFineIntegration() {
        double[] s = {0.4, -0.3, 0.5, -0.2};
        double[] fine = s.clone();
        AcrobotDynamics.step(s, 0.7);
        // 200 explicit midpoint substeps of dt/200 (no wrapping needed: angles stay small)
        double h = AcrobotDynamics.DT / 200;
        double[] k = new double[4], mid = new double[4];
        for (int i = 0; i < 200; i++) {
            AcrobotDynamics.derivative(fine, 0.7, k);
            for (int j = 0; j < 4; j++) mid[j] = fine[j] + h / 2 * k[j];
            AcrobotDynamics.derivative(mid, 0.7, k);
            for (int j = 0; j < 4; j++) fine[j] += h * k[j];
        }
        assertArrayEquals(fine, s, 2e-3);
    }

    @Test
    void anglesWrapAndVelocitiesClip() {
        assertEquals(3.0, AcrobotDynamics.wrap(3.0), 0.0);
        assertEquals(3.5 - 2 * Math.PI, AcrobotDynamics.wrap(3.5), 0.0);
        assertEquals(-3.5 + 2 * Math.PI, AcrobotDynamics.wrap(-3.5), 1e-15);
        assertEquals(1.0, AcrobotDynamics.wrap(1.0 + 4 * Math.PI), 1e-12);
        double[] s = {Math.PI - 0.01, 0, 20, -40};
        AcrobotDynamics.step(s, 0);
        assertTrue(s[0] >= -Math.PI && s[0] <= Math.PI);
        assertEquals(4 * Math.PI, s[2], 0.0);
        assertEquals(-9 * Math.PI, s[3], 0.0);
    }

    @Test
    void rewardIsPreStepTipHeightAndAgreesWithTheFunctions() {
        AcrobotContinuous a = new AcrobotContinuous();
        a.reset(0);
        a.setState(new double[] {0, 0, 0, 0});
        assertEquals(-2.0, a.step(new double[] {0}).reward(), 1e-12); // hanging straight down
        a.setState(new double[] {Math.PI, 0, 0, 0});
        assertEquals(2.0, a.step(new double[] {0}).reward(), 1e-12); // fully upright
        TaskFunctions f = a.functions();
        SplittableRandom r = new SplittableRandom(2);
        double[] obs = a.reset(4);
        for (int i = 0; i < 200; i++) {
            double[] act = {r.nextDouble(-1.5, 1.5)};
            Transition t = a.step(act);
            assertEquals(t.reward(), f.reward(obs, act, t.obs()), 1e-12);
            assertFalse(t.terminated());
            obs = t.obs();
        }
    }

    @Test
    void torqueMappings() {
        AcrobotContinuous c = new AcrobotContinuous();
        assertEquals(0.25, c.torque(0.25));
        AcrobotThreeLevel d = new AcrobotThreeLevel();
        assertEquals(-1.0, d.torque(-0.34));
        assertEquals(0.0, d.torque(-0.33));
        assertEquals(0.0, d.torque(0.32));
        assertEquals(1.0, d.torque(0.33));
        // continuous actions are clipped to [-1, 1] at the boundary: 5 acts as 1
        c.reset(3);
        double[] s0 = c.state();
        double[] big = c.step(new double[] {5}).obs();
        c.reset(3);
        assertArrayEquals(s0, c.state());
        assertArrayEquals(c.step(new double[] {1}).obs(), big);
    }

    @Test
    void resetBoundsAndSeeding() {
        AcrobotContinuous a = new AcrobotContinuous();
        for (int s = 0; s < 300; s++) {
            a.reset(s);
            for (double v : a.state()) assertTrue(v >= -0.1 && v < 0.1);
        }
        AcrobotContinuous b = new AcrobotContinuous();
        a.reset(77);
        b.reset(77);
        for (int i = 0; i < 50; i++) {
            double[] act = {Math.cos(i)};
            assertArrayEquals(a.step(act).obs(), b.step(act).obs());
        }
    }
}
