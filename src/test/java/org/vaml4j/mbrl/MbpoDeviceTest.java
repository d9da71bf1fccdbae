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
import org.vaml4j.mbrl.device.DeviceDynamics;
import org.vaml4j.mbrl.device.DeviceModelTrainer;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.EpisodeEnd;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.TrainingListener;
import org.vaml4j.rl.device.DeviceSac;

/**
 * MBPO with its SAC updates and model training device-resident (on the host reference device here;
 * MbpoDeviceGpuTest on a GPU): trains, repeats itself, and a checkpoint resumes bit-identically.
 */
class MbpoDeviceTest {

    static Mbpo mbpo(long seed, Supplier<Device> device) {
        MbpoConfig c = MbpoTest.tiny();
        return new Mbpo("mbpo", MbpoTest.ENVS.make("pendulum"), MbpoTest.ENVS.make("pendulum"), c,
                SacConfig.defaults().withHidden(2, 32).withBatchSize(32),
                new DynamicsConfig(3, 2, 2, 16, ModelHead.GAUSSIAN, false, TargetNormalization.STANDARDIZE),
                new ModelTrainerConfig(32, 1e-3, new double[] {1e-5}, 0.2, 5000, 2, 2, 1), ModelLosses.create("mle"),
                new NoCorrection(), seed, MbpoTest.KN,
                (sac, s) -> new DeviceSac(device.get(), sac, c.realCapacity(), s),
                (model, loss, config, k) -> new DeviceModelTrainer(new DeviceDynamics(device.get(), model), loss, config));
    }

    /** Same seed, same episodes and metrics; model training and mixed SAC updates ran. */
    static void repeats(Supplier<Device> device) {
        List<EpisodeEnd> a = new ArrayList<>(), b = new ArrayList<>();
        mbpo(3, device).train(1000, a::add);
        mbpo(3, device).train(1000, b::add);
        assertEquals(5, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).episodeReturn(), b.get(i).episodeReturn());
            assertArrayEquals(a.get(i).metrics(), b.get(i).metrics());
        }
        double[] last = a.get(a.size() - 1).metrics();
        assertTrue(Double.isFinite(last[0]) && Double.isFinite(last[1]), "SAC losses reported");
        assertTrue(Double.isFinite(a.get(2).metrics()[6]), "a model training was reported");
    }

    static void resumes(Supplier<Device> device, Path dir) throws Exception {
        Mbpo straight = mbpo(7, device);
        straight.train(1200, TrainingListener.none());
        Mbpo first = mbpo(7, device);
        first.train(600, TrainingListener.none());
        assertTrue(first.atEpisodeBoundary());
        Path f = dir.resolve("state.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "checkpoint")) {
            first.writeState(w);
            w.commit();
        }
        Mbpo resumed = mbpo(7, device);
        resumed.readState(ArchiveReader.open(f, "checkpoint"));
        resumed.train(1200, TrainingListener.none());
        for (Mbpo m : new Mbpo[] {straight, resumed}) {
            try (ArchiveWriter w = ArchiveWriter.create(dir.resolve("agent.bin"), "agent")) {
                m.writeAgent(w);   // syncs the host agent
            }
        }
        assertArrayEquals(straight.agent().actorParams().data(), resumed.agent().actorParams().data());
        assertArrayEquals(straight.agent().criticParams().data(), resumed.agent().criticParams().data());
        assertArrayEquals(straight.model().params().data(), resumed.model().params().data());
    }

    @Test
    void sameSeedRepeats() {
        repeats(HostDevice::new);
    }

    @Test
    void resumesBitIdentically(@TempDir Path dir) throws Exception {
        resumes(HostDevice::new, dir);
    }
}
