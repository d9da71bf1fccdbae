package org.vaml4j.mbrl.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.TargetNormalization;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;

/** Fixtures of the device-model tests: transitions of a smooth system, small models, float comparisons. */
final class SmoothData {

    static final int DS = 3, DA = 2;

    private SmoothData() {}

    /**
     * {@code n} transitions from s, a ~ U(-1, 1): s' = s + 0.1 [sin(2 s0 + a0), cos(s1) a1, 0.3 s2 - 0.2 a0 a1],
     * r = sin(s0) - 0.5 a0^2 + 0.1 s1 (smooth, outputs of different scales).
     */
    static ReplayBuffer buffer(int n, long seed) {
        Rng rng = new Rng(seed);
        ReplayBuffer b = new ReplayBuffer(n, DS, DA);
        for (int i = 0; i < n; i++) {
            double[] s = new double[DS], a = new double[DA];
            for (int j = 0; j < DS; j++) s[j] = 2 * rng.nextDouble() - 1;
            for (int j = 0; j < DA; j++) a[j] = 2 * rng.nextDouble() - 1;
            double[] s2 = {s[0] + 0.1 * Math.sin(2 * s[0] + a[0]), s[1] + 0.1 * Math.cos(s[1]) * a[1], s[2] + 0.1 * (0.3 * s[2] - 0.2 * a[0] * a[1])};
            b.add(s, a, Math.sin(s[0]) - 0.5 * a[0] * a[0] + 0.1 * s[1], s2, false);
        }
        return b;
    }

    /** A small Gaussian ensemble: 4 members (2 elites), 2 x 16 SiLU, weights from {@code seed}. */
    static DynamicsEnsemble model(long seed, TargetNormalization targets) {
        return new DynamicsEnsemble(DS, DA, new DynamicsConfig(4, 2, 2, 16, ModelHead.GAUSSIAN, false, targets), new Rng(seed));
    }

    /** Largest |expected - actual| relative to the largest |expected| (a scale-free error of a whole array). */
    static double relativeError(float[] expected, float[] actual) {
        if (expected.length != actual.length) throw new IllegalArgumentException(expected.length + " vs " + actual.length);
        double worst = 0, scale = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return worst / Math.max(scale, 1e-30);
    }

    static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        double err = relativeError(expected, actual);
        assertTrue(err <= tolerance, what + ": relative error " + err + " > " + tolerance);
    }

    static void assertClose(double expected, double actual, double tolerance, String what) {
        double err = Math.abs(expected - actual) / Math.max(Math.abs(expected), 1e-30);
        assertTrue(err <= tolerance, what + ": " + actual + " instead of " + expected + " (relative error " + err + ")");
    }
}
