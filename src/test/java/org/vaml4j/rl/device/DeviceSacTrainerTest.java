package org.vaml4j.rl.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.rl.EpisodeEnd;
import org.vaml4j.rl.OffPolicyLoopConfig;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacTrainer;
import org.vaml4j.rl.TrainerResume;

/** SacTrainer with its updates device-resident (host reference device here): runs repeat, a checkpoint resumes bit-identically. */
class DeviceSacTrainerTest {

    static final EnvRegistry ENVS = EnvRegistry.standard();

    static SacTrainer small(long seed, Supplier<Device> device) {
        SacConfig c = SacConfig.defaults().withHidden(2, 32).withBatchSize(32);
        OffPolicyLoopConfig loop = new OffPolicyLoopConfig(10_000, 150, 150, 1, 200, 2);
        return new SacTrainer(ENVS.make("pendulum:time_limit=50"), ENVS.make("pendulum:time_limit=50"), c, loop, seed,
                KernelChoice.select("auto", 1), (sac, s) -> new DeviceSac(device.get(), sac, loop.bufferCapacity(), s));
    }

    /** Two runs with one seed give the same episodes; updates happened and were reported. */
    static void repeats(Supplier<Device> device) {
        List<EpisodeEnd> a = new ArrayList<>(), b = new ArrayList<>();
        small(3, device).train(400, a::add);
        small(3, device).train(400, b::add);
        assertEquals(8, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).episodeReturn(), b.get(i).episodeReturn());
            assertArrayEquals(a.get(i).metrics(), b.get(i).metrics());
        }
        assertTrue(Double.isNaN(a.get(0).metrics()[0]), "no updates before update_after");
        assertTrue(Double.isFinite(a.get(7).metrics()[0]) && Double.isFinite(a.get(7).metrics()[1]), "critic and actor losses reported");
    }

    /** A state written at an episode boundary and read into a fresh trainer continues as the uninterrupted run. */
    static void resumes(Supplier<Device> device, Path dir) throws Exception {
        TrainerResume.bitIdentical(() -> small(7, device), 300, 500, dir);
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
