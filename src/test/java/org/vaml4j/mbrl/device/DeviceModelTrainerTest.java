package org.vaml4j.mbrl.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaml4j.mbrl.device.SmoothData.assertClose;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelTrainer;
import org.vaml4j.mbrl.ModelTrainerConfig;
import org.vaml4j.mbrl.ModelTrainingReport;
import org.vaml4j.mbrl.TargetNormalization;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;

/** DeviceModelTrainer on the host reference device against the CPU ModelTrainer with the same seeds. */
class DeviceModelTrainerTest {

    /** The device under test (the GPU subclass overrides it). */
    Device device() {
        return new HostDevice();
    }

    /** Multiplies the tolerances (the GPU rounds exp, log and sums differently). */
    double slack() {
        return 1;
    }

    private static final ModelTrainer.UpdateListener NONE = ModelTrainer.UpdateListener.none();
    private static final ModelTrainerConfig SMALL = new ModelTrainerConfig(32, 1e-3, new double[] {1e-4}, 0.2, 5000, 3, 0, 1);

    /**
     * Without a hold-out, 40 transitions and batches of 64 make one call one gradient step on the
     * same bootstrap batch: loss, gradients (which Adam's first steps would hide: they move every
     * weight by about lr whatever the gradient's scale) and parameters match to float rounding,
     * three calls in a row (the Adam state carries over), for both target normalizations.
     */
    @Test
    void oneGradientStepEqualsTheCpuStep() {
        for (TargetNormalization targets : TargetNormalization.values()) {
            ReplayBuffer data = SmoothData.buffer(40, 1);
            ModelTrainerConfig cfg = new ModelTrainerConfig(64, 3e-3, new double[] {1e-2, 2e-2, 3e-2}, 0, 5000, 5, 1, 1);
            DynamicsEnsemble cpu = SmoothData.model(3, targets), dev = SmoothData.model(3, targets);
            ModelTrainer cpuTrainer = new ModelTrainer(cpu, ModelLosses.create("mle"), cfg, new ScalarKernels());
            try (Device d = device(); DeviceDynamics dd = new DeviceDynamics(d, dev);
                 DeviceModelTrainer devTrainer = new DeviceModelTrainer(dd, ModelLosses.create("mle"), cfg)) {
                for (int call = 0; call < 3; call++) {
                    String what = targets.id() + " step " + call;
                    ModelTrainingReport c = cpuTrainer.train(data, null, 0, new Rng(10 + call), NONE);
                    ModelTrainingReport g = devTrainer.train(data, 0, new Rng(10 + call), NONE);
                    assertEquals(1, g.epochs(), what);
                    assertEquals(call + 1, g.updates(), what);
                    assertEquals(call + 1, devTrainer.updates(), what);
                    assertClose(c.trainLoss(), g.trainLoss(), 1e-6 * slack(), what + " loss");
                    float[] grad = new float[cpu.params().size()];
                    d.download(dd.params().grad(), 0, grad, 0, grad.length);
                    assertClose(cpu.params().grad(), grad, 1e-5 * slack(), what + " gradient");
                    assertClose(cpu.params().data(), dev.params().data(), 1e-6 * slack(), what + " parameters");
                }
            }
        }
    }

    /**
     * Whole calls with the same seed: 12 epochs (the cap) on 300 transitions, then a call on 360
     * that early stopping ends (some members improving, some restored from their snapshots).
     * Tolerances: float rounding grows with the steps taken (the device computes the NLL in
     * standardized units, the CPU in raw units), about 1e-5 after the first call, 1e-3 after the second.
     */
    @Test
    void trainingCallsEqualTheCpuTrainings() {
        ModelTrainerConfig cfg = new ModelTrainerConfig(32, 1e-2, new double[] {1e-4, 2e-4, 3e-4}, 0.2, 5000, 2, 12, 1);
        DynamicsEnsemble cpu = SmoothData.model(4, TargetNormalization.STANDARDIZE);
        DynamicsEnsemble dev = SmoothData.model(4, TargetNormalization.STANDARDIZE);
        ModelTrainer cpuTrainer = new ModelTrainer(cpu, ModelLosses.create("mle"), cfg, new ScalarKernels());
        Rng cpuRng = new Rng(5), devRng = new Rng(5);
        AtomicLong heard = new AtomicLong();
        try (Device d = device(); DeviceDynamics dd = new DeviceDynamics(d, dev);
             DeviceModelTrainer devTrainer = new DeviceModelTrainer(dd, ModelLosses.create("mle"), cfg)) {
            double[] tolerance = {1e-4, 3e-3};
            for (int call = 0; call < 2; call++) {
                ReplayBuffer real = call == 0 ? SmoothData.buffer(300, 2) : SmoothData.buffer(360, 3);
                String what = "call " + call;
                ModelTrainingReport c = cpuTrainer.train(real, null, 0, cpuRng, NONE);
                ModelTrainingReport g = devTrainer.train(real, 0, devRng, heard::set);
                assertTrue(call == 0 ? c.epochs() == 12 : c.epochs() < 12, what + ": the CPU run must stop as planned, " + c);
                assertEquals(c.epochs(), g.epochs(), what + ": epochs");
                assertEquals(c.updates(), g.updates(), what + ": updates");
                assertEquals(g.updates(), heard.get(), what + ": the listener hears every step");
                assertArrayEquals(cpu.elites(), dev.elites(), what + ": elites");
                double tol = tolerance[call] * slack();
                assertClose(c.valMse(), g.valMse(), tol, what + ": validation MSE");
                assertClose(c.eliteMse(), g.eliteMse(), tol, what + ": elite MSE");
                assertClose(c.trainLoss(), g.trainLoss(), tol, what + ": train loss");
                assertClose(c.valLoss(), g.valLoss(), tol, what + ": validation loss");
                assertClose(c.valNll(), g.valNll(), tol, what + ": validation NLL");
                assertTrue(Double.isNaN(g.valueAwareError()), what + ": no value-aware error");
                assertClose(cpu.params().data(), dev.params().data(), tol, what + ": parameters");
                assertEquals(cpu.targetStd(0), dev.targetStd(0), what + ": statistics refit on the host");
            }
            assertEquals(cpuRng.nextLong(), devRng.nextLong(), "the random draws must be the CPU trainer's");
        }
    }

    /** A learning rate that makes every epoch worse: every member is restored to the start, as on the CPU. */
    @Test
    void aTrainingThatCannotImproveRestoresTheStartingPoint() {
        ModelTrainerConfig wild = new ModelTrainerConfig(32, 5.0, new double[] {0}, 0.2, 5000, 2, 0, 1);
        ReplayBuffer data = SmoothData.buffer(200, 4);
        DynamicsEnsemble cpu = SmoothData.model(6, TargetNormalization.STANDARDIZE);
        DynamicsEnsemble dev = SmoothData.model(6, TargetNormalization.STANDARDIZE);
        float[] before = dev.params().data().clone();
        ModelTrainingReport c = new ModelTrainer(cpu, ModelLosses.create("mle"), wild, new ScalarKernels())
                .train(data, null, 0, new Rng(7), NONE);
        try (Device d = device(); DeviceDynamics dd = new DeviceDynamics(d, dev);
             DeviceModelTrainer t = new DeviceModelTrainer(dd, ModelLosses.create("mle"), wild)) {
            ModelTrainingReport g = t.train(data, 0, new Rng(7), NONE);
            assertEquals(2, g.epochs());
            assertEquals(c.epochs(), g.epochs());
            assertArrayEquals(before, dev.params().data());
            assertArrayEquals(cpu.elites(), dev.elites());
            assertClose(c.valMse(), g.valMse(), 1e-5 * slack(), "validation MSE of the start");
        }
    }

    @Test
    void rejectsWhatHasNoDevicePath() {
        try (Device d = device()) {
            DynamicsEnsemble m = SmoothData.model(1, TargetNormalization.STANDARDIZE);
            DynamicsEnsemble det = new DynamicsEnsemble(3, 2, m.config().withHead(org.vaml4j.mbrl.ModelHead.DETERMINISTIC), new Rng(1));
            DeviceDynamics deterministic = new DeviceDynamics(d, det);   // a device copy, but no mle training
            var e = assertThrows(IllegalArgumentException.class, () -> new DeviceModelTrainer(deterministic, ModelLosses.create("mle"), SMALL));
            assertTrue(e.getMessage().contains("head"), e.getMessage());
            var c = m.config();
            DynamicsEnsemble learned = new DynamicsEnsemble(3, 2, new org.vaml4j.mbrl.DynamicsConfig(c.members(), c.elites(),
                    c.hiddenLayers(), c.hiddenWidth(), c.head(), true, c.targets()), new Rng(1));
            e = assertThrows(IllegalArgumentException.class, () -> new DeviceDynamics(d, learned));
            assertTrue(e.getMessage().contains("learnLogVarBounds"), e.getMessage());
            DeviceDynamics dd = new DeviceDynamics(d, m);
            e = assertThrows(IllegalArgumentException.class,
                    () -> new DeviceModelTrainer(dd, ModelLosses.create("mse"), SMALL));
            assertTrue(e.getMessage().contains("mle") && e.getMessage().contains("mse"), e.getMessage());
            DeviceModelTrainer t = new DeviceModelTrainer(dd, ModelLosses.create("mle"), SMALL);
            e = assertThrows(IllegalArgumentException.class, () -> t.train(SmoothData.buffer(1, 1), 0, new Rng(1), NONE));
            assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        }
    }
}
