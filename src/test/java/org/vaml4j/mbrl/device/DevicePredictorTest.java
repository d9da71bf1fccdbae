package org.vaml4j.mbrl.device;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vaml4j.mbrl.device.SmoothData.assertClose;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.Graph;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.mbrl.TargetNormalization;
import org.vaml4j.mbrl.TransitionTable;
import org.vaml4j.rl.Rng;

/** DevicePredictor (host reference device) against DynamicsEnsemble.predict with every member seeing every row. */
class DevicePredictorTest {

    /** The device under test (the GPU subclass overrides it). */
    Device device() {
        return new HostDevice();
    }

    /** Multiplies the tolerances (the GPU rounds exp, log and sums differently). */
    double slack() {
        return 1;
    }

    private static final int DS = SmoothData.DS, DA = SmoothData.DA, OUT = DS + 1;

    @Test
    void allMembersAndAnEliteSubsetPredictAsTheHostModel() {
        for (TargetNormalization targets : TargetNormalization.values()) {
            DynamicsEnsemble host = fittedModel(targets);
            int rows = 37;
            float[] s = values(rows * DS, 11, 2.0), a = values(rows * DA, 12, 1.0);
            try (Device d = device(); DeviceDynamics dd = new DeviceDynamics(d, host)) {
                DeviceBuffer sd = upload(d, s), ad = upload(d, a);
                for (int[] which : new int[][] {{0, 1, 2, 3}, {2, 0}}) {
                    String what = targets.id() + " members " + Arrays.toString(which);
                    try (DevicePredictor p = new DevicePredictor(dd, which, 50)) {
                        p.predict(sd, 0, ad, 0, rows);
                        check(host, which, s, a, rows, p, what);
                    }
                }
            }
        }
    }

    /** Captured once, replayed on new rows (fewer than the maximum) and after new statistics: still the host model's prediction. */
    @Test
    void aCapturedPredictionFollowsNewInputsAndStatistics() {
        DynamicsEnsemble host = fittedModel(TargetNormalization.STANDARDIZE);
        int rows = 9;
        try (Device d = device(); DeviceDynamics dd = new DeviceDynamics(d, host);
             DevicePredictor p = new DevicePredictor(dd, new int[] {3, 1}, 16)) {
            DeviceBuffer sd = d.allocate(DeviceBuffer.Kind.FLOAT, 16 * DS), ad = d.allocate(DeviceBuffer.Kind.FLOAT, 16 * DA);
            Graph g = d.capture(() -> p.predict(sd, 0, ad, 0, rows));
            for (int round = 0; round < 2; round++) {
                if (round == 1) {
                    TransitionTable t = new TransitionTable(DS, DA);
                    t.fill(SmoothData.buffer(80, 9));
                    t.fitStatistics(host);
                    dd.uploadStatistics();       // the input statistics are read at every prediction
                    p.useMembers(new int[] {3, 1});  // the output statistics are copied
                }
                float[] s = values(rows * DS, 20 + round, 1.5), a = values(rows * DA, 30 + round, 1.0);
                d.upload(s, 0, sd, 0, s.length);
                d.upload(a, 0, ad, 0, a.length);
                g.replay();
                check(host, new int[] {3, 1}, s, a, rows, p, "round " + round);
            }
        }
    }

    @Test
    void rejectsBadMembersAndRows() {
        DynamicsEnsemble host = fittedModel(TargetNormalization.STANDARDIZE);
        try (Device d = device(); DeviceDynamics dd = new DeviceDynamics(d, host)) {
            assertThrows(IllegalArgumentException.class, () -> new DevicePredictor(dd, new int[] {1, 1}, 4));
            assertThrows(IllegalArgumentException.class, () -> new DevicePredictor(dd, new int[] {4}, 4));
            DevicePredictor p = new DevicePredictor(dd, new int[] {0}, 4);
            assertThrows(IllegalArgumentException.class, () -> p.useMembers(new int[] {0, 1}));
            DeviceBuffer sd = d.allocate(DeviceBuffer.Kind.FLOAT, 5 * DS), ad = d.allocate(DeviceBuffer.Kind.FLOAT, 5 * DA);
            assertThrows(IllegalArgumentException.class, () -> p.predict(sd, 0, ad, 0, 5));
        }
    }

    /** Compares the predictor's outputs with the host model's for the members {@code which}. */
    private void check(DynamicsEnsemble host, int[] which, float[] s, float[] a, int rows, DevicePredictor p, String what) {
        int e = host.members();
        float[] st = new float[e * rows * DS], at = new float[e * rows * DA];
        for (int m = 0; m < e; m++) {
            System.arraycopy(s, 0, st, m * rows * DS, rows * DS);
            System.arraycopy(a, 0, at, m * rows * DA, rows * DA);
        }
        Tape tape = new Tape(new ScalarKernels(), false);
        ModelPrediction cpu = host.predict(tape, Tensor.constant(st, e, rows, DS), Tensor.constant(at, e, rows, DA));
        float[] mean = new float[which.length * rows * OUT], logVar = new float[mean.length];
        float[] wantMean = new float[mean.length], wantLogVar = new float[mean.length];
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(cpu.mean().data(), cpu.mean().offset() + which[i] * rows * OUT, wantMean, i * rows * OUT, rows * OUT);
            System.arraycopy(cpu.logVar().data(), cpu.logVar().offset() + which[i] * rows * OUT, wantLogVar, i * rows * OUT, rows * OUT);
        }
        p.mean().device().download(p.mean(), 0, mean, 0, mean.length);
        p.logVar().device().download(p.logVar(), 0, logVar, 0, logVar.length);
        assertClose(wantMean, mean, 1e-5 * slack(), what + ": mean");
        assertClose(wantLogVar, logVar, 1e-5 * slack(), what + ": log-variance");
    }

    /** A model with fitted statistics and weights perturbed so raw log-variances reach both soft bounds. */
    private static DynamicsEnsemble fittedModel(TargetNormalization targets) {
        DynamicsEnsemble m = SmoothData.model(8, targets);
        TransitionTable t = new TransitionTable(DS, DA);
        t.fill(SmoothData.buffer(120, 8));
        t.fitStatistics(m);
        Rng rng = new Rng(9);
        float[] p = m.params().data();
        var bounds = m.params().entry(m.maxLogVarName());
        for (int i = 0; i < bounds.offset(); i++) p[i] += (float) (0.5 * rng.nextGaussian());   // network entries come first
        return m;
    }

    private static float[] values(int n, long seed, double scale) {
        Rng rng = new Rng(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (scale * rng.nextGaussian());
        return v;
    }

    private static DeviceBuffer upload(Device d, float[] v) {
        DeviceBuffer b = d.allocate(DeviceBuffer.Kind.FLOAT, v.length);
        d.upload(v, 0, b, 0, v.length);
        return b;
    }
}
