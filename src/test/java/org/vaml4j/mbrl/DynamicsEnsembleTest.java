package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.autodiff.GradCheck;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.rl.Rng;

class DynamicsEnsembleTest {

    static final Kernels KN = KernelChoice.select("auto", 1);
    static final int E = 3, B = 4, DS = 3, DA = 2;

    static DynamicsEnsemble small(ModelHead head) {
        return new DynamicsEnsemble(DS, DA, new DynamicsConfig(E, 2, 2, 8, head, false), new Rng(1));
    }

    static float[] random(int n, long seed) {
        Rng r = new Rng(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    @Test
    void gaussianPredictionHasBoundedLogVarianceAndShapes() {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN);
        Tape t = new Tape(KN, false);
        ModelPrediction p = m.predict(t, Tensor.constant(random(E * B * DS, 2), E, B, DS), Tensor.constant(random(E * B * DA, 3), E, B, DA));
        assertArrayEquals(new int[] {E, B, DS + 1}, p.mean().shape());
        for (int i = 0; i < p.logVar().size(); i++) {
            assertTrue(p.logVar().get(i) < 0.5f && p.logVar().get(i) > -10f, "log-variance " + p.logVar().get(i));
        }
        // bounds +0.5 and -10 on ds + 1 outputs
        assertEquals(10.5f * (DS + 1), m.logVarBoundGap(t).item(), 1e-4f);
        assertNull(small(ModelHead.DETERMINISTIC).predict(t, Tensor.constant(new float[E * B * DS], E, B, DS),
                Tensor.constant(new float[E * B * DA], E, B, DA)).logVar());
    }

    @Test
    void predictionIsDifferentiableInStatesActionsAndParameters() {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN);
        float[] fitData = random(20 * (DS + DA), 4);
        m.fitNormalizer(fitData, 20);
        GradCheck.Fn f = (tape, x) -> {
            ModelPrediction p = m.predict(tape, x[0], x[1]);
            return Add.apply(tape, Sum.apply(tape, Mul.apply(tape, p.mean(), p.mean())), Sum.apply(tape, p.logVar()));
        };
        GradCheck.check(KN, new Rng(5), f, Tensor.variable(random(E * B * DS, 6), E, B, DS),
                Tensor.variable(random(E * B * DA, 7), E, B, DA));
    }

    @Test
    void normalizationUsesTheFittedStatistics() {
        DynamicsEnsemble m = small(ModelHead.DETERMINISTIC);
        float[] rows = {1, 2, 3, 4, 5, 3, 2, 1, 0, -1};   // two rows of (ds + da) = 5
        m.fitNormalizer(rows, 2);
        assertEquals(2.0, m.inputMean(0), 1e-12);
        assertEquals(Math.sqrt(2.0), m.inputStd(0), 1e-12);   // unbiased std of {1, 3}
        assertEquals(1.0, m.inputStd(1), 1e-12);              // {2, 2} is constant: std 1
    }

    @Test
    void elitesCopyPredictsLikeTheSourceMembers() {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN);
        m.fitNormalizer(random(10 * (DS + DA), 8), 10);
        DynamicsEnsemble two = m.withMembers(2);
        two.copyMembersFrom(m, new int[] {2, 0});
        float[] s = random(B * DS, 9), a = random(B * DA, 10);
        float[] s3 = new float[E * B * DS], a3 = new float[E * B * DA];
        for (int e = 0; e < E; e++) {
            System.arraycopy(s, 0, s3, e * B * DS, B * DS);
            System.arraycopy(a, 0, a3, e * B * DA, B * DA);
        }
        Tape t = new Tape(KN, false);
        float[] full = m.predict(t, Tensor.constant(s3, E, B, DS), Tensor.constant(a3, E, B, DA)).mean().toArray();
        float[] sub = two.predict(t, Tensor.constant(java.util.Arrays.copyOf(s3, 2 * B * DS), 2, B, DS),
                Tensor.constant(java.util.Arrays.copyOf(a3, 2 * B * DA), 2, B, DA)).mean().toArray();
        int per = B * (DS + 1);
        for (int i = 0; i < per; i++) {
            assertEquals(full[2 * per + i], sub[i], 1e-6f);
            assertEquals(full[i], sub[per + i], 1e-6f);
        }
    }

    @Test
    void saveAndLoadRestoreParametersStatisticsAndElites(@TempDir Path dir) throws Exception {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN);
        m.fitNormalizer(random(10 * (DS + DA), 11), 10);
        m.setElites(new int[] {2, 1});
        Path f = dir.resolve("model.bin");
        m.save(f);
        DynamicsEnsemble back = new DynamicsEnsemble(DS, DA, m.config(), new Rng(99));
        back.load(f);
        assertArrayEquals(m.params().data(), back.params().data());
        assertArrayEquals(new int[] {2, 1}, back.elites());
        for (int j = 0; j < DS + DA; j++) assertEquals(m.inputStd(j), back.inputStd(j));
        DynamicsEnsemble det = small(ModelHead.DETERMINISTIC);
        assertThrows(IllegalArgumentException.class, () -> det.load(f));
    }

    @Test
    void badInputsAreRejected() {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN);
        Tape t = new Tape(KN, false);
        var e = assertThrows(IllegalArgumentException.class,
                () -> m.predict(t, Tensor.constant(new float[B * DS], B, DS), Tensor.constant(new float[B * DA], B, DA)));
        assertTrue(e.getMessage().contains("states must be"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setElites(new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> m.weightDecay(new double[] {1, 2}));
    }
}
