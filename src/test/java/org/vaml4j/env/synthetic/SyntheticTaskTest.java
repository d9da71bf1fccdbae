package org.vaml4j.env.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.env.Transition;
import org.vaml4j.random.Gaussian;

class SyntheticTaskTest {

    @Test
    void stepIsTheResidualGaussianOfTheMlp() {
        SyntheticTask t = new SyntheticTask(11, 3, 32, 7);
        double[] a = {0.5, -0.5, 2.0}; // the last one is clipped to 1
        double[] s = t.reset(3);
        double[] mean = new double[11], std = new double[11];
        t.dynamics().forward(s, new double[] {0.5, -0.5, 1.0}, mean, std);
        // same episode stream: the first normal draws after the 11 reset draws are the step noise
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 11; i++) Gaussian.next(r);
        Transition tr = t.step(a);
        for (int i = 0; i < 11; i++) assertEquals(s[i] + mean[i] + std[i] * Gaussian.next(r), tr.obs()[i], 1e-12);
        assertEquals(0.0, tr.reward());
        assertFalse(tr.terminated());
    }

    @Test
    void resetIsStandardNormalAndEpisodesAreSeeded() {
        SyntheticTask t = new SyntheticTask(11, 3, 16, 0);
        double sum = 0, sumSq = 0;
        int n = 0;
        for (int seed = 0; seed < 400; seed++) {
            for (double v : t.reset(seed)) {
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        double mean = sum / n, var = sumSq / n - mean * mean;
        assertEquals(0.0, mean, 0.05); // 4400 draws: standard error 0.015
        assertEquals(1.0, var, 0.08);
        SyntheticTask u = new SyntheticTask(11, 3, 16, 0);
        t.reset(9);
        u.reset(9);
        for (int i = 0; i < 20; i++) assertArrayEquals(t.step(new double[3]).obs(), u.step(new double[3]).obs());
    }

    @Test
    void registryOptionsAndModelClasses() {
        EnvRegistry reg = EnvRegistry.standard();
        Env e = reg.make("synthetic:hidden=128,seed=4");
        assertEquals(11, e.observationSpace().flatDim());
        assertEquals(3, e.actionSpace().flatDim());
        assertEquals(200, e.maxEpisodeSteps());
        SyntheticTask raw = (SyntheticTask) ((org.vaml4j.env.TimeLimit) e).inner();
        assertEquals(128, raw.dynamics().hidden());
        assertEquals(2, ModelClass.REALIZABLE.hiddenLayers(raw));
        assertEquals(1, ModelClass.UNREALIZABLE.hiddenLayers(raw));
        assertTrue(e.functions().rewardFromObservations());
        assertEquals(5, reg.make("synthetic:obs_dim=5,act_dim=2").observationSpace().flatDim());
    }
}
