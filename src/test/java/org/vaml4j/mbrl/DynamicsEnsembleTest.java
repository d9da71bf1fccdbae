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
        return small(head, TargetNormalization.NONE);
    }

    /** The same initial weights for both target normalizations (drawn from the same seed). */
    static DynamicsEnsemble small(ModelHead head, TargetNormalization targets) {
        return new DynamicsEnsemble(DS, DA, new DynamicsConfig(E, 2, 2, 8, head, false, targets), new Rng(1));
    }

    /** n rows of [s' - s, r] with very different scales per output: deltas ~ 0.1, reward ~ 5 around -6. */
    static float[] targets(int n, long seed) {
        float[] y = random(n * (DS + 1), seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < DS; j++) y[i * (DS + 1) + j] = 0.1f * y[i * (DS + 1) + j] + 0.02f * j;
            y[i * (DS + 1) + DS] = 5f * y[i * (DS + 1) + DS] - 6f;
        }
        return y;
    }

    /** (E x B x d) with the same B rows for every member. */
    static float[] repeat(float[] rows) {
        float[] out = new float[E * rows.length];
        for (int e = 0; e < E; e++) System.arraycopy(rows, 0, out, e * rows.length, rows.length);
        return out;
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
    void targetStatisticsAreTheUnbiasedMeanAndStdAndOnlyStandardizeFitsThem() {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN, TargetNormalization.STANDARDIZE);
        float[] rows = {1, 0, 5, -2, 3, 0, 5, 4};   // two rows of (ds + 1) = 4
        m.fitTargetNormalizer(rows, 2);
        assertEquals(2.0, m.targetMean(0), 1e-12);
        assertEquals(Math.sqrt(2.0), m.targetStd(0), 1e-12);   // unbiased std of {1, 3}
        assertEquals(1.0, m.targetStd(2), 1e-12);              // {5, 5} is constant: std 1
        assertEquals(1.0, m.targetMean(3), 1e-12);
        assertEquals(Math.sqrt(18.0), m.targetStd(3), 1e-12);  // {-2, 4}
        DynamicsEnsemble raw = small(ModelHead.GAUSSIAN, TargetNormalization.NONE);
        raw.fitTargetNormalizer(rows, 2);
        assertEquals(0.0, raw.targetMean(0));
        assertEquals(1.0, raw.targetStd(3));
    }

    @Test
    void standardizedPredictionIsTheRawNetworkOutputMappedBackToRawUnits() {
        // same weights: the standardizing model's network output is the raw model's prediction, so
        // mean_S = m_y + sigma_y mean_N and logVar_S = logVar_N + 2 log sigma_y, per output
        for (ModelHead head : ModelHead.values()) {
            DynamicsEnsemble raw = small(head, TargetNormalization.NONE), std = small(head, TargetNormalization.STANDARDIZE);
            float[] in = random(30 * (DS + DA), 12);
            raw.fitNormalizer(in, 30);
            std.fitNormalizer(in, 30);
            std.fitTargetNormalizer(targets(30, 13), 30);
            Tape t = new Tape(KN, false);
            Tensor s = Tensor.constant(random(E * B * DS, 14), E, B, DS), a = Tensor.constant(random(E * B * DA, 15), E, B, DA);
            ModelPrediction pn = raw.predict(t, s, a), ps = std.predict(t, s, a);
            for (int i = 0; i < E * B; i++) {
                for (int j = 0; j <= DS; j++) {
                    int k = i * (DS + 1) + j;
                    double sd = std.targetStd(j);
                    assertTrue(sd > 0.05 && sd != 1.0, "fitted std " + sd);
                    assertEquals(std.targetMean(j) + sd * pn.mean().get(k), ps.mean().get(k), 1e-5 * (1 + Math.abs(ps.mean().get(k))));
                    if (head == ModelHead.GAUSSIAN) {
                        assertEquals(pn.logVar().get(k) + 2 * Math.log(sd), ps.logVar().get(k), 1e-5);
                    }
                }
            }
            // the bound penalty is on the standardized bounds: the same for both
            assertEquals(head == ModelHead.GAUSSIAN ? 10.5f * (DS + 1) : 0f,
                    head == ModelHead.GAUSSIAN ? std.logVarBoundGap(t).item() : 0f, 1e-4f);
        }
    }

    @Test
    void rawUnitNllOfAStandardizingModelIsTheStandardizedNllPlusTwoLogSigmaWithTheSameGradient() {
        // model S standardizes with (m_y, sigma_y) and is scored on raw targets y; model N (same
        // weights, raw targets) is scored on z = (y - m_y) / sigma_y. Per element
        // (y - mu)^2 e^-lv + lv = (z - mu_z)^2 e^-lv_z + lv_z + 2 log sigma_y, so
        // L_S = L_N + E mean_j 2 log sigma_j and both have the same parameter gradient.
        DynamicsEnsemble n = small(ModelHead.GAUSSIAN, TargetNormalization.NONE);
        DynamicsEnsemble st = small(ModelHead.GAUSSIAN, TargetNormalization.STANDARDIZE);
        float[] in = random(40 * (DS + DA), 16);
        float[] y = targets(40, 17);
        n.fitNormalizer(in, 40);
        st.fitNormalizer(in, 40);
        st.fitTargetNormalizer(y, 40);
        float[] s = random(B * DS, 18), a = random(B * DA, 19), yb = targets(B, 20);
        float[] s2Raw = new float[B * DS], rRaw = new float[B], s2Z = new float[B * DS], rZ = new float[B];
        double shift = 0;
        for (int j = 0; j <= DS; j++) shift += 2 * Math.log(st.targetStd(j));
        shift = E * shift / (DS + 1);
        for (int i = 0; i < B; i++) {
            for (int j = 0; j < DS; j++) {
                float d = yb[i * (DS + 1) + j];
                s2Raw[i * DS + j] = s[i * DS + j] + d;
                s2Z[i * DS + j] = s[i * DS + j] + (float) ((d - st.targetMean(j)) / st.targetStd(j));
            }
            rRaw[i] = yb[i * (DS + 1) + DS];
            rZ[i] = (float) ((rRaw[i] - st.targetMean(DS)) / st.targetStd(DS));
        }
        var mle = org.vaml4j.mbrl.loss.ModelLosses.create("mle");
        float[][] grads = new float[2][];
        double[] losses = new double[2];
        DynamicsEnsemble[] models = {st, n};
        for (int k = 0; k < 2; k++) {
            ModelBatch batch = ModelBatch.transitions(E, B, DS, DA, repeat(s), repeat(a), repeat(k == 0 ? rRaw : rZ),
                    repeat(k == 0 ? s2Raw : s2Z), new float[E * B], null);
            Tape t = new Tape(KN);
            Tensor l = mle.loss(t, models[k], batch, new org.vaml4j.mbrl.loss.LossContext(null, null, new Rng(1), 0));
            losses[k] = l.item();
            models[k].params().zeroGrad();
            t.backward(l);
            grads[k] = models[k].params().grad().clone();
        }
        assertEquals(losses[1] + shift, losses[0], 1e-4 * Math.abs(losses[0]));
        double norm = 0;
        for (float g : grads[1]) norm = Math.max(norm, Math.abs(g));
        assertTrue(norm > 1e-3, "gradient must not vanish: " + norm);
        for (int i = 0; i < grads[0].length; i++) assertEquals(grads[1][i], grads[0][i], 1e-4 * norm, "parameter " + i);
    }

    @Test
    void standardizedPredictionIsDifferentiableInStatesAndActions() {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN, TargetNormalization.STANDARDIZE);
        m.fitNormalizer(random(20 * (DS + DA), 4), 20);
        m.fitTargetNormalizer(targets(20, 21), 20);
        GradCheck.Fn f = (tape, x) -> {
            ModelPrediction p = m.predict(tape, x[0], x[1]);
            return Add.apply(tape, Sum.apply(tape, Mul.apply(tape, p.mean(), p.mean())), Sum.apply(tape, p.logVar()));
        };
        GradCheck.check(KN, new Rng(5), f, Tensor.variable(random(E * B * DS, 6), E, B, DS),
                Tensor.variable(random(E * B * DA, 7), E, B, DA));
    }

    @Test
    void elitesCopyPredictsLikeTheSourceMembers() {
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN, TargetNormalization.STANDARDIZE);
        m.fitNormalizer(random(10 * (DS + DA), 8), 10);
        m.fitTargetNormalizer(targets(10, 22), 10);
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
        DynamicsEnsemble m = small(ModelHead.GAUSSIAN, TargetNormalization.STANDARDIZE);
        m.fitNormalizer(random(10 * (DS + DA), 11), 10);
        m.fitTargetNormalizer(targets(10, 23), 10);
        m.setElites(new int[] {2, 1});
        Path f = dir.resolve("model.bin");
        m.save(f);
        DynamicsEnsemble back = new DynamicsEnsemble(DS, DA, m.config(), new Rng(99));
        back.load(f);
        assertArrayEquals(m.params().data(), back.params().data());
        assertArrayEquals(new int[] {2, 1}, back.elites());
        for (int j = 0; j < DS + DA; j++) assertEquals(m.inputStd(j), back.inputStd(j));
        for (int j = 0; j <= DS; j++) {
            assertEquals(m.targetMean(j), back.targetMean(j));
            assertEquals(m.targetStd(j), back.targetStd(j));
        }
        Tape t = new Tape(KN, false);
        Tensor s = Tensor.constant(random(E * B * DS, 24), E, B, DS), a = Tensor.constant(random(E * B * DA, 25), E, B, DA);
        assertArrayEquals(m.predict(t, s, a).mean().toArray(), back.predict(t, s, a).mean().toArray());
        assertArrayEquals(m.predict(t, s, a).logVar().toArray(), back.predict(t, s, a).logVar().toArray());
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
