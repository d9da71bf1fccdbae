package org.vaml4j.rl.device;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.kernel.device.Cuda;

/** {@link DeviceSacTrainerTest}'s checks with the updates on a GPU: same seed, same run; a checkpoint resumes bit-identically. */
@Tag("gpu")
class DeviceSacTrainerGpuTest {

    @BeforeAll
    static void needsCuda() {
        Assumptions.assumeTrue(Cuda.status().usable(), "no usable CUDA: " + Cuda.status().reason());
    }

    @Test
    void sameSeedRepeats() {
        DeviceSacTrainerTest.repeats(Cuda::open);
    }

    @Test
    void resumesBitIdentically(@TempDir Path dir) throws Exception {
        DeviceSacTrainerTest.resumes(Cuda::open, dir);
    }
}
