package org.vaml4j.kernel.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The VaGraM kernels ({@code native/src/vagram.cu}) against {@link HostDevice} on random shapes,
 * outputs poisoned with NaN first. The clip is exact (the same float and double operations, the
 * sort only permutes), so it is compared bit for bit; the loss to a few float roundings.
 * Skipped where CUDA is not usable.
 */
@Tag("gpu")
class CudaVagramKernelsTest {

    private static CudaDevice gpu;
    private static final HostDevice host = new HostDevice();

    @BeforeAll
    static void open() {
        if (Cuda.status().usable()) gpu = Cuda.open();
    }

    @AfterAll
    static void close() {
        if (gpu != null) gpu.close();
        host.close();
    }

    @BeforeEach
    void requireGpu() {
        Assumptions.assumeTrue(Cuda.status().usable(), Cuda.status().reason());
    }

    @Test
    void clipRowNormsMatchesTheHostBitForBit() {
        SplittableRandom rng = new SplittableRandom(5);
        int[] rowCounts = {1, 2, 3, 17, 256, 1000, 1792, 4097, Device.MAX_CLIP_ROWS};
        double[] ps = {0, 0.3, 0.95, 1};
        for (int rows : rowCounts) {
            for (double p : ps) {
                int k = 1 + rng.nextInt(4), d = 1 + rng.nextInt(17), off = rng.nextInt(3);
                float[] g = values(rng, off + rows * k * d);
                if (rows > 4) g[off + 2 * k * d] = g[off + 3 * k * d];   // a tie
                float[] h = onBoth(g, (dev, b) -> dev.clipRowNorms(rows, k, d, p, b, off), host);
                float[] c = onBoth(g, (dev, b) -> dev.clipRowNorms(rows, k, d, p, b, off), gpu);
                assertArrayEquals(h, c, "clipRowNorms rows " + rows + " k " + k + " d " + d + " p " + p);
            }
        }
    }

    @Test
    void vagramLossMatchesTheHost() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int rows : new int[] {1, 3, 31, 257, 1792}) {
            int ds = 1 + rng.nextInt(17), k = 1 + rng.nextInt(4), out = ds + 1;
            float lambda = rng.nextBoolean() ? 0f : 0.3f, scale = 0.5f + rng.nextInt(3), w = 1f / (1 + rng.nextInt(256));
            float[] g = values(rng, rows * k * ds), pred = values(rng, rows * out), y = values(rng, rows * out);
            float[] std = new float[out];
            for (int j = 0; j < out; j++) std[j] = (float) (0.1 + 3 * rng.nextDouble());
            float[][] h = loss(host, rows, ds, k, g, pred, y, std, lambda, scale, w);
            float[][] c = loss(gpu, rows, ds, k, g, pred, y, std, lambda, scale, w);
            for (int t = 0; t < 2; t++) {
                for (int i = 0; i < h[t].length; i++) {
                    assertEquals(h[t][i], c[t][i], 4e-6 * Math.abs(h[t][i]) + 1e-30, (t == 0 ? "loss " : "dPred ") + i + " rows " + rows);
                }
            }
        }
    }

    private static float[][] loss(Device dev, int rows, int ds, int k, float[] g, float[] pred, float[] y, float[] std, float lambda,
                                  float scale, float w) {
        int n = rows * (ds + 1);
        try (DeviceBuffer gb = up(dev, g); DeviceBuffer pb = up(dev, pred); DeviceBuffer yb = up(dev, y); DeviceBuffer sb = up(dev, std);
             DeviceBuffer lb = up(dev, nan(n)); DeviceBuffer db = up(dev, nan(n))) {
            dev.vagramLoss(rows, ds, k, gb, pb, yb, sb, lambda, scale, w, lb, db);
            return new float[][] {down(dev, lb, n), down(dev, db, n)};
        }
    }

    private interface Call {
        void run(Device d, DeviceBuffer b);
    }

    private static float[] onBoth(float[] v, Call call, Device dev) {
        try (DeviceBuffer b = up(dev, v)) {
            call.run(dev, b);
            return down(dev, b, v.length);
        }
    }

    private static DeviceBuffer up(Device dev, float[] v) {
        DeviceBuffer b = dev.allocate(DeviceBuffer.Kind.FLOAT, v.length);
        dev.upload(v, 0, b, 0, v.length);
        return b;
    }

    private static float[] down(Device dev, DeviceBuffer b, int n) {
        float[] v = new float[n];
        dev.download(b, 0, v, 0, n);
        return v;
    }

    private static float[] nan(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, Float.NaN);
        return v;
    }

    private static float[] values(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) ((rng.nextDouble() - 0.5) * Math.exp(3 * rng.nextGaussian()) + 1e-3);
        return v;
    }
}
