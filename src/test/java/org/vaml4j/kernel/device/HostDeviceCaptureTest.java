package org.vaml4j.kernel.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** HostDevice's capture has CudaDevice's semantics (CudaDeviceGpuTest): it records, it does not run, yet checks its arguments at once. */
class HostDeviceCaptureTest {

    @Test
    void captureRecordsWithoutRunningAndReplayRuns() {
        try (HostDevice d = new HostDevice()) {
            int n = 16;
            DeviceBuffer a = d.allocate(DeviceBuffer.Kind.FLOAT, n), b = d.allocate(DeviceBuffer.Kind.FLOAT, n);
            DeviceBuffer count = d.allocate(DeviceBuffer.Kind.INT, 1);
            float[] ones = new float[n];
            Arrays.fill(ones, 1f);
            d.upload(ones, 0, a, 0, n);
            Graph g = d.capture(() -> {
                d.axpy(n, 2f, a, 0, b, 0);
                d.increment(count, 0);
            });
            float[] out = new float[n];
            int[] c = new int[1];
            d.download(b, 0, out, 0, n);
            d.download(count, 0, c, 0, 1);
            assertArrayEquals(new float[n], out, "capture records, it does not run");
            assertArrayEquals(new int[] {0}, c);
            g.replay();
            g.replay();
            d.download(b, 0, out, 0, n);
            d.download(count, 0, c, 0, 1);
            float[] fours = new float[n];
            Arrays.fill(fours, 4f);
            assertArrayEquals(fours, out);
            assertArrayEquals(new int[] {2}, c);
        }
    }

    @Test
    void badArgumentsAreRefusedAtCaptureAndLeaveNothingChanged() {
        try (HostDevice d = new HostDevice()) {
            DeviceBuffer a = d.allocate(DeviceBuffer.Kind.FLOAT, 8), b = d.allocate(DeviceBuffer.Kind.FLOAT, 8);
            d.upload(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, a, 0, 8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.capture(() -> {
                d.copy(a, 0, b, 0, 8);
                d.copy(a, 0, b, 4, 8);
            }));
            assertTrue(e.getMessage().contains("outside a buffer of 8"), e.getMessage());
            float[] out = new float[8];
            d.download(b, 0, out, 0, 8);
            assertArrayEquals(new float[8], out);
            assertThrows(IllegalStateException.class, () -> d.capture(() -> d.upload(new float[8], 0, a, 0, 8)));
        }
    }
}
