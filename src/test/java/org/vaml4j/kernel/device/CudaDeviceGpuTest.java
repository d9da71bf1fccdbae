package org.vaml4j.kernel.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The runtime half of {@link CudaDevice} on a real GPU: allocation, transfers of every kind,
 * device copies, capture and replay, and the errors that must stay exceptions. Needs an NVIDIA GPU
 * and a build with nvcc; run with {@code mvn -Dgroups=gpu -DexcludedGroups=learning,bench test}.
 */
@Tag("gpu")
class CudaDeviceGpuTest {

    @BeforeAll
    static void gpuIsUsable() {
        Cuda.Status s = Cuda.status();
        assertTrue(s.usable(), "the gpu tests need a usable GPU: " + s.reason());
        System.out.println("cuda: " + s.describe());
    }

    @Test
    void buffersStartZeroedAndEveryKindRoundTrips() {
        try (CudaDevice d = Cuda.open()) {
            SplittableRandom r = new SplittableRandom(1);
            DeviceBuffer f = d.allocate(DeviceBuffer.Kind.FLOAT, 1000);
            float[] fb = new float[1000];
            Arrays.fill(fb, Float.NaN);
            d.download(f, 0, fb, 0, 1000);
            assertArrayEquals(new float[1000], fb);
            float[] fs = new float[1000];
            for (int i = 0; i < fs.length; i++) fs[i] = (float) r.nextGaussian();
            d.upload(fs, 3, f, 10, 900);
            float[] fo = new float[905];
            d.download(f, 10, fo, 5, 900);
            assertArrayEquals(Arrays.copyOfRange(fs, 3, 903), Arrays.copyOfRange(fo, 5, 905));

            DeviceBuffer i = d.allocate(DeviceBuffer.Kind.INT, 257);
            int[] is = r.ints(257).toArray(), io = new int[257];
            d.upload(is, 0, i, 0, 257);
            d.download(i, 0, io, 0, 257);
            assertArrayEquals(is, io);

            DeviceBuffer l = d.allocate(DeviceBuffer.Kind.LONG, 33);
            long[] ls = r.longs(33).toArray(), lo = new long[33];
            d.upload(ls, 0, l, 0, 33);
            d.download(l, 0, lo, 0, 33);
            assertArrayEquals(ls, lo);
        }
    }

    @Test
    void largeAndEmptyTransfers() {
        try (CudaDevice d = Cuda.open()) {
            int n = 1 << 24;   // 64 MiB
            float[] src = new float[n], back = new float[n];
            for (int i = 0; i < n; i++) src[i] = i;
            DeviceBuffer b = d.allocate(DeviceBuffer.Kind.FLOAT, n);
            d.upload(src, 0, b, 0, n);
            d.download(b, 0, back, 0, n);
            assertArrayEquals(src, back);
            DeviceBuffer empty = d.allocate(DeviceBuffer.Kind.FLOAT, 0);
            d.upload(src, 0, empty, 0, 0);
            d.download(empty, 0, back, 0, 0);
            d.copy(b, 0, empty, 0, 0);
            d.synchronize();
        }
    }

    @Test
    void aCapturedGraphReplaysWithTheBuffersCurrentContents() {
        try (CudaDevice d = Cuda.open()) {
            int n = 4096;
            DeviceBuffer a = d.allocate(DeviceBuffer.Kind.FLOAT, n), b = d.allocate(DeviceBuffer.Kind.FLOAT, n),
                    c = d.allocate(DeviceBuffer.Kind.FLOAT, 2 * n);
            Graph g = d.capture(() -> {
                d.copy(a, 0, b, 0, n);
                d.copy(b, 0, c, n, n);
            });
            float[] out = new float[2 * n];
            d.download(c, 0, out, 0, 2 * n);
            assertArrayEquals(new float[2 * n], out, "capture records, it does not run");
            for (int round = 1; round <= 3; round++) {
                float[] x = new float[n];
                Arrays.fill(x, round);
                d.upload(x, 0, a, 0, n);
                g.replay();
                d.download(c, n, out, 0, n);
                assertArrayEquals(x, Arrays.copyOf(out, n), "round " + round);
            }
            g.close();
            g.close();
            assertThrows(IllegalStateException.class, g::replay);
        }
    }

    @Test
    void aFailedCaptureLeavesTheDeviceUsable() {
        try (CudaDevice d = Cuda.open()) {
            DeviceBuffer a = d.allocate(DeviceBuffer.Kind.FLOAT, 8), b = d.allocate(DeviceBuffer.Kind.FLOAT, 8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.capture(() -> {
                d.copy(a, 0, b, 0, 8);
                d.copy(a, 0, b, 4, 8);   // out of bounds: refused before it reaches CUDA
            }));
            assertTrue(e.getMessage().contains("outside a buffer of 8"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> d.capture(() -> d.upload(new float[8], 0, a, 0, 8)));
            assertThrows(IllegalStateException.class, () -> d.capture(d::synchronize));
            d.synchronize();
            d.upload(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, a, 0, 8);
            try (Graph g = d.capture(() -> d.copy(a, 0, b, 0, 8))) {
                g.replay();
            }
            float[] out = new float[8];
            d.download(b, 0, out, 0, 8);
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, out);
        }
    }

    @Test
    void manyAllocationsAndTwoDevicesSideBySide() {
        try (CudaDevice d = Cuda.open(); CudaDevice e = Cuda.open()) {
            for (int i = 0; i < 500; i++) d.allocate(DeviceBuffer.Kind.FLOAT, 1 + i).close();
            DeviceBuffer x = d.allocate(DeviceBuffer.Kind.INT, 4);
            assertThrows(IllegalArgumentException.class, () -> e.upload(new int[4], 0, x, 0, 4));
            DeviceBuffer y = e.allocate(DeviceBuffer.Kind.INT, 4);
            e.upload(new int[] {4, 3, 2, 1}, 0, y, 0, 4);
            int[] out = new int[4];
            e.download(y, 0, out, 0, 4);
            assertArrayEquals(new int[] {4, 3, 2, 1}, out);
        }
    }

    @Test
    void aClosedDeviceRefusesWork() {
        CudaDevice d = Cuda.open();
        DeviceBuffer b = d.allocate(DeviceBuffer.Kind.FLOAT, 4);
        d.close();
        assertTrue(b.closed());
        assertThrows(IllegalStateException.class, () -> d.allocate(DeviceBuffer.Kind.FLOAT, 4));
        assertThrows(IllegalStateException.class, d::synchronize);
        d.close();
    }

    @Test
    void runningOutOfMemoryIsAnExceptionNamingCuda() {
        try (CudaDevice d = Cuda.open()) {
            List<DeviceBuffer> held = new ArrayList<>();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (int k = 0; k < 128; k++) held.add(d.allocate(DeviceBuffer.Kind.LONG, Integer.MAX_VALUE));   // 16 GiB each
            });
            assertTrue(e.getMessage().startsWith("cuda: cudaMalloc(17179869176 bytes): out of memory"), e.getMessage());
            held.forEach(DeviceBuffer::close);
            DeviceBuffer ok = d.allocate(DeviceBuffer.Kind.INT, 16);   // the failure left nothing behind
            d.upload(new int[16], 0, ok, 0, 16);
            d.synchronize();
        }
    }
}
