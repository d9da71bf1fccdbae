package org.vaml4j.mbrl.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaml4j.mbrl.device.SmoothData.assertClose;

import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.ModelTrainer;
import org.vaml4j.mbrl.ModelTrainerConfig;
import org.vaml4j.mbrl.ModelTrainingReport;
import org.vaml4j.mbrl.TargetNormalization;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.mbrl.loss.Vagram;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.device.DeviceSac;

/**
 * DeviceModelTrainer with {@code vagram} on the host reference device against the CPU
 * ModelTrainer: the same model, data, seeds and value functions (an untrained SAC agent whose
 * target critics are moved away from its critics, so all four value functions differ); the
 * device reads the agent's parameters through a {@link DeviceSac} on the same device.
 */
class DeviceVagramTrainerTest {

    /** The device under test (the GPU subclass overrides it). */
    Device device() {
        return new HostDevice();
    }

    /** Multiplies the tolerances (the GPU rounds tanh, exp and sums differently). */
    double slack() {
        return 1;
    }

    private static final ModelTrainer.UpdateListener NONE = ModelTrainer.UpdateListener.none();
    private static final SacConfig SAC = SacConfig.defaults().withHidden(2, 32).withBatchSize(16);

    static DynamicsEnsemble model(long seed, TargetNormalization targets) {
        return new DynamicsEnsemble(SmoothData.DS, SmoothData.DA, new DynamicsConfig(4, 2, 2, 16, ModelHead.DETERMINISTIC, false,
                targets), new Rng(seed));
    }

    /** The last {@code capacity} of {@code added} smooth transitions, in a ring buffer that wrapped around. */
    static ReplayBuffer wrapped(int capacity, int added, long seed) {
        ReplayBuffer all = SmoothData.buffer(added, seed), ring = new ReplayBuffer(capacity, SmoothData.DS, SmoothData.DA);
        int ds = SmoothData.DS, da = SmoothData.DA;
        for (int i = 0; i < added; i++) {
            ring.add(all.obsArray(), i * ds, all.actArray(), i * da, all.rewardArray()[i], all.nextObsArray(), i * ds,
                    all.notDoneArray()[i] == 0f);
        }
        return ring;
    }

    static Sac agent() {
        Sac sac = new Sac(SmoothData.DS, SmoothData.DA, SAC, new ScalarKernels(), new Rng(21));
        float[] t = sac.targetCriticParams().data();
        Rng rng = new Rng(22);
        for (int i = 0; i < t.length; i++) t[i] += (float) (0.2 * (rng.nextDouble() - 0.5));
        return sac;
    }

    /**
     * No hold-out, 40 transitions and batches of 64: one call is one gradient step on the same
     * bootstrap batch (E x B = 256 rows, a quarter clipped at the 0.75-quantile, lambda and scale
     * not 1), three calls in a row, both target normalizations: loss, gradients and parameters to
     * float rounding. The buffer has wrapped around (ages are not storage rows).
     */
    @Test
    void oneGradientStepEqualsTheCpuStep() {
        Vagram vagram = new Vagram(0.75, 0.05f, 2f);
        for (TargetNormalization targets : TargetNormalization.values()) {
            ReplayBuffer data = wrapped(40, 57, 1);
            ModelTrainerConfig cfg = new ModelTrainerConfig(64, 3e-3, new double[] {1e-2, 2e-2, 3e-2}, 0, 5000, 5, 1, 1);
            DynamicsEnsemble cpu = model(3, targets), dev = model(3, targets);
            Sac sac = agent();
            ModelTrainer cpuTrainer = new ModelTrainer(cpu, vagram, cfg, new ScalarKernels());
            try (Device d = device(); DeviceSac agent = new DeviceSac(d, sac, 16, 0);
                 DeviceDynamics dd = new DeviceDynamics(d, dev);
                 DeviceModelTrainer devTrainer = new DeviceModelTrainer(dd, vagram, cfg, agent::valueFunctions, new ScalarKernels())) {
                for (int call = 0; call < 3; call++) {
                    String what = targets.id() + " step " + call;
                    ModelTrainingReport c = cpuTrainer.train(data, sac.valueFunctions(), 0, new Rng(10 + call), NONE);
                    ModelTrainingReport g = devTrainer.train(data, sac.valueFunctions(), 0, new Rng(10 + call), NONE);
                    assertEquals(1, g.epochs(), what);
                    assertEquals(call + 1, g.updates(), what);
                    assertClose(c.trainLoss(), g.trainLoss(), 1e-5 * slack(), what + " loss");
                    float[] grad = new float[cpu.params().size()];
                    d.download(dd.params().grad(), 0, grad, 0, grad.length);
                    assertClose(cpu.params().grad(), grad, 1e-5 * slack(), what + " gradient");
                    assertClose(cpu.params().data(), dev.params().data(), 1e-6 * slack(), what + " parameters");
                }
            }
        }
    }

    /**
     * Whole calls with the same seed (the default vagram: 0.95-quantile clip): 10 epochs (the cap)
     * on 300 transitions, then a call on 360 (of a buffer that wrapped around) that early stopping
     * ends (cap 60). Epochs, updates and elites
     * are equal; the figures within 1e-4 after the first call and 3e-3 after the second (float
     * rounding grows with the steps); the hold-out loss and value-aware error are the CPU's.
     */
    @Test
    void trainingCallsEqualTheCpuTrainings() {
        ModelTrainerConfig cfg = new ModelTrainerConfig(32, 1e-2, new double[] {1e-4, 2e-4, 3e-4}, 0.2, 5000, 2, 10, 1);
        DynamicsEnsemble cpu = model(4, TargetNormalization.STANDARDIZE), dev = model(4, TargetNormalization.STANDARDIZE);
        Sac sac = agent();
        var vagram = ModelLosses.create("vagram");
        ModelTrainer cpuTrainer = new ModelTrainer(cpu, vagram, cfg, new ScalarKernels());
        Rng cpuRng = new Rng(5), devRng = new Rng(5);
        try (Device d = device(); DeviceSac agent = new DeviceSac(d, sac, 16, 0);
             DeviceDynamics dd = new DeviceDynamics(d, dev);
             DeviceModelTrainer devTrainer = new DeviceModelTrainer(dd, vagram, cfg, agent::valueFunctions, new ScalarKernels())) {
            double[] tolerance = {1e-4, 3e-3};
            for (int call = 0; call < 2; call++) {
                ReplayBuffer real = call == 0 ? SmoothData.buffer(300, 2) : wrapped(360, 421, 3);
                String what = "call " + call;
                int cap = call == 0 ? 10 : 60;
                ModelTrainingReport c = cpuTrainer.train(real, sac.valueFunctions(), 0, cpuRng, NONE, cap);
                ModelTrainingReport g = devTrainer.train(real, sac.valueFunctions(), 0, devRng, NONE, cap);
                assertTrue(call == 0 ? c.epochs() == 10 : c.epochs() < 60, what + ": the CPU run must stop as planned, " + c);
                assertEquals(c.epochs(), g.epochs(), what + ": epochs");
                assertEquals(c.updates(), g.updates(), what + ": updates");
                assertArrayEquals(cpu.elites(), dev.elites(), what + ": elites");
                double tol = tolerance[call] * slack();
                assertClose(c.valMse(), g.valMse(), tol, what + ": validation MSE");
                assertClose(c.eliteMse(), g.eliteMse(), tol, what + ": elite MSE");
                assertClose(c.trainLoss(), g.trainLoss(), tol, what + ": train loss");
                assertClose(c.valLoss(), g.valLoss(), tol, what + ": validation loss");
                assertClose(c.valueAwareError(), g.valueAwareError(), tol, what + ": value-aware error");
                assertTrue(Double.isNaN(c.valNll()) && Double.isNaN(g.valNll()), what + ": a deterministic model has no NLL");
                assertClose(cpu.params().data(), dev.params().data(), tol, what + ": parameters");
            }
            assertEquals(cpuRng.nextLong(), devRng.nextLong(), "the random draws must be the CPU trainer's");
        }
    }

    @Test
    void rejectsWhatHasNoDevicePath() {
        ModelTrainerConfig cfg = new ModelTrainerConfig(32, 1e-3, new double[] {1e-4}, 0.2, 5000, 3, 0, 1);
        try (Device d = device(); DeviceSac agent = new DeviceSac(d, agent(), 16, 0)) {
            DeviceDynamics gaussian = new DeviceDynamics(d, SmoothData.model(1, TargetNormalization.STANDARDIZE));
            var e = assertThrows(IllegalArgumentException.class,
                    () -> new DeviceModelTrainer(gaussian, ModelLosses.create("vagram"), cfg, agent::valueFunctions, new ScalarKernels()));
            assertEquals("device model training: the vagram loss needs a deterministic head, got gaussian", e.getMessage());
            DeviceDynamics det = new DeviceDynamics(d, model(1, TargetNormalization.NONE));
            e = assertThrows(IllegalArgumentException.class, () -> new DeviceModelTrainer(det, ModelLosses.create("mle"), cfg));
            assertEquals("device model training: the mle loss needs a gaussian head, got deterministic", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> new DeviceModelTrainer(det, ModelLosses.create("vagram"), cfg));
            assertTrue(e.getMessage().contains("value functions"), e.getMessage());
            ModelTrainerConfig big = new ModelTrainerConfig(4096, 1e-3, new double[] {1e-4}, 0.2, 5000, 3, 0, 1);
            e = assertThrows(IllegalArgumentException.class,
                    () -> new DeviceModelTrainer(det, ModelLosses.create("vagram"), big, agent::valueFunctions, new ScalarKernels()));
            assertTrue(e.getMessage().contains("16384") && e.getMessage().contains("8192"), e.getMessage());
            DeviceModelTrainer t = new DeviceModelTrainer(det, ModelLosses.create("vagram"), cfg, agent::valueFunctions, new ScalarKernels());
            e = assertThrows(IllegalArgumentException.class, () -> t.train(SmoothData.buffer(10, 1), null, 0, new Rng(1), NONE));
            assertTrue(e.getMessage().contains("value functions"), e.getMessage());
        }
    }
}
