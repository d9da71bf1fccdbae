package org.vaml4j.mbrl;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.kernel.device.Cuda;

/** {@link MbpoDeviceTest}'s checks on a GPU: same seed, same run; a checkpoint resumes bit-identically. */
@Tag("gpu")
class MbpoDeviceGpuTest {

    @BeforeAll
    static void needsCuda() {
        Assumptions.assumeTrue(Cuda.status().usable(), "no usable CUDA: " + Cuda.status().reason());
    }

    @Test
    void sameSeedRepeats() {
        MbpoDeviceTest.repeats(Cuda::open);
    }

    @Test
    void resumesBitIdentically(@TempDir Path dir) throws Exception {
        MbpoDeviceTest.resumes(Cuda::open, dir);
    }

    @Test
    void vagramRepeatsAndResumesBitIdentically(@TempDir Path dir) throws Exception {
        MbpoDeviceTest.repeats(Cuda::open, "vagram");
        MbpoDeviceTest.resumes(Cuda::open, dir, "vagram");
    }
}
