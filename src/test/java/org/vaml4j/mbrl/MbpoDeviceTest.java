package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.mbrl.device.DeviceMbpoParts;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.rl.EpisodeEnd;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacStats;
import org.vaml4j.rl.TrainerResume;

/**
 * MBPO with its SAC updates and model training device-resident (on the host reference device here;
 * MbpoDeviceGpuTest on a GPU), both parts on one device ({@link DeviceMbpoParts}): trains, repeats
 * itself, and a checkpoint resumes bit-identically, with the mle loss (Gaussian model) and with
 * vagram (deterministic model, value gradients from the agent's device critics).
 */
class MbpoDeviceTest {

    static Mbpo mbpo(long seed, Supplier<Device> device) {
        return mbpo(seed, device, "mle");
    }

    /** A tiny MBPO with model loss {@code loss} (mle: Gaussian head; vagram: deterministic, its default). */
    static Mbpo mbpo(long seed, Supplier<Device> device, String loss) {
        MbpoConfig c = MbpoTest.tiny();
        ModelHead head = loss.equals("mle") ? ModelHead.GAUSSIAN : ModelHead.DETERMINISTIC;
        DeviceMbpoParts parts = new DeviceMbpoParts(device.get(), c.realCapacity());
        return new Mbpo("mbpo", MbpoTest.ENVS.make("pendulum"), MbpoTest.ENVS.make("pendulum"), c,
                SacConfig.defaults().withHidden(2, 32).withBatchSize(32),
                new DynamicsConfig(3, 2, 2, 16, head, false, TargetNormalization.STANDARDIZE),
                new ModelTrainerConfig(32, 1e-3, new double[] {1e-5}, 0.2, 5000, 2, 2, 1), ModelLosses.create(loss),
                new NoCorrection(), seed, MbpoTest.KN, parts.updaters(), parts.fitters());
    }

    /** Same seed, same episodes and metrics; model training and mixed SAC updates ran. */
    static void repeats(Supplier<Device> device) {
        repeats(device, "mle");
    }

    static void repeats(Supplier<Device> device, String loss) {
        List<EpisodeEnd> a = new ArrayList<>(), b = new ArrayList<>();
        mbpo(3, device, loss).train(1000, a::add);
        mbpo(3, device, loss).train(1000, b::add);
        assertEquals(5, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).episodeReturn(), b.get(i).episodeReturn());
            assertArrayEquals(a.get(i).metrics(), b.get(i).metrics());
        }
        double[] last = a.get(a.size() - 1).metrics();
        assertTrue(Double.isFinite(last[0]) && Double.isFinite(last[1]), "SAC losses reported");
        assertTrue(Double.isFinite(a.get(2).metrics()[6]), "a model training was reported");
    }

    /** Stopped at step 600 (after two model trainings), resumed, continued to 1200: as the uninterrupted run. */
    static void resumes(Supplier<Device> device, Path dir) throws Exception {
        resumes(device, dir, "mle");
    }

    static void resumes(Supplier<Device> device, Path dir, String loss) throws Exception {
        TrainerResume.bitIdentical(() -> mbpo(7, device, loss), 600, 1200, dir);
    }

    @Test
    void sameSeedRepeats() {
        repeats(HostDevice::new);
    }

    @Test
    void resumesBitIdentically(@TempDir Path dir) throws Exception {
        resumes(HostDevice::new, dir);
    }

    /** vagram: the report carries the value-aware error (computed with the host agent, synced before the training). */
    @Test
    void vagramRepeatsAndResumesBitIdentically(@TempDir Path dir) throws Exception {
        repeats(HostDevice::new, "vagram");
        resumes(HostDevice::new, dir, "vagram");
        List<EpisodeEnd> a = new ArrayList<>();
        mbpo(3, HostDevice::new, "vagram").train(1000, a::add);
        int vae = SacStats.NAMES.size() + ModelTrainingReport.NAMES.indexOf("model_vae");
        assertTrue(Double.isFinite(a.get(2).metrics()[vae]), "the value-aware error was reported: " + a.get(2).metrics()[vae]);
    }
}
