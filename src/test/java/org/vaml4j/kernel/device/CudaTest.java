package org.vaml4j.kernel.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What {@link Cuda#status()} says on any machine (on CI: no GPU, no driver), and that a build
 * with nvcc puts a library into the classes that loads in this JVM.
 */
class CudaTest {

    @Test
    void statusIsProbedOnceAndIsOneClearLine() {
        Cuda.Status s = Cuda.status();
        assertSame(s, Cuda.status());
        if (s.usable()) {
            assertFalse(s.gpu().isBlank());
            assertTrue(s.totalBytes() > 0 && s.freeBytes() <= s.totalBytes(), s.toString());
            assertTrue(s.capability().matches("\\d+\\.\\d+"), s.capability());
            assertTrue(s.multiprocessors() > 0, s.toString());
            assertTrue(s.describe().startsWith(s.gpu() + ", ") && s.describe().contains(" SMs, driver "), s.describe());
        } else {
            assertFalse(s.reason().isBlank());
            assertFalse(s.reason().contains("\n"), s.reason());
            assertEquals("not usable: " + s.reason(), s.describe());
            IllegalStateException e = assertThrows(IllegalStateException.class, Cuda::open);
            assertEquals("run.kernels=cuda: CUDA is not usable here: " + s.reason(), e.getMessage());
        }
    }

    @Test
    void aBuildWithNvccCarriesALibraryThatLoads() {
        assumeTrue(nvccFound(), "nvcc not found: the build made no CUDA library");
        assertNotNull(Cuda.class.getResource(Cuda.RESOURCE), Cuda.RESOURCE + " is missing from the built classes");
        Cuda.Status s = Cuda.status();
        // the library loaded and its probe ran: whatever it says is about the driver or the GPU
        assertTrue(s.usable() || !(s.reason().startsWith("this jar carries no CUDA library")
                || s.reason().startsWith("could not") || s.reason().startsWith("the CUDA library lacks")), s.reason());
    }

    /** The way native/build.sh looks for nvcc: $NVCC, the PATH, /usr/local/cuda/bin. */
    private static boolean nvccFound() {
        String explicit = System.getenv("NVCC");
        if (explicit != null && !explicit.isEmpty()) return Files.isExecutable(Path.of(explicit));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nvcc"))) return true;
        }
        return Files.isExecutable(Path.of("/usr/local/cuda/bin/nvcc"));
    }
}
