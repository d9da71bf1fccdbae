package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.HostDevice;

/** {@link HostDevice}'s VaGraM kernels against the CPU loss's own pieces ({@link ValueGradients#clipRows}, {@link Vagram}'s weights). */
class HostVagramKernelsTest {

    @Test
    void clipRowNormsIsValueGradientsClipRowsPerValueFunction() {
        SplittableRandom rng = new SplittableRandom(3);
        try (HostDevice dev = new HostDevice()) {
            for (int rows : new int[] {1, 2, 5, 64, 333}) {
                for (double p : new double[] {0.05, 0.5, 0.95, 1}) {
                    int k = 4, d = 1 + rng.nextInt(6);
                    float[] byRow = new float[rows * k * d];            // (rows x k x d), the device layout
                    for (int i = 0; i < byRow.length; i++) byRow[i] = (float) (rng.nextGaussian() * Math.exp(rng.nextGaussian()));
                    float[] byFunction = new float[k * rows * d];       // (k x rows x d), the CPU layout
                    for (int i = 0; i < rows; i++) {
                        for (int v = 0; v < k; v++) System.arraycopy(byRow, (i * k + v) * d, byFunction, (v * rows + i) * d, d);
                    }
                    for (int v = 0; v < k; v++) ValueGradients.clipRows(byFunction, v * rows * d, rows, d, p, new float[2 * rows]);
                    DeviceBuffer g = dev.allocate(DeviceBuffer.Kind.FLOAT, 1 + byRow.length);
                    dev.upload(byRow, 0, g, 1, byRow.length);
                    dev.clipRowNorms(rows, k, d, p, g, 1);
                    float[] got = new float[byRow.length];
                    dev.download(g, 1, got, 0, got.length);
                    for (int i = 0; i < rows; i++) {
                        for (int v = 0; v < k; v++) {
                            float[] want = java.util.Arrays.copyOfRange(byFunction, (v * rows + i) * d, (v * rows + i + 1) * d);
                            float[] have = java.util.Arrays.copyOfRange(got, (i * k + v) * d, (i * k + v + 1) * d);
                            assertArrayEquals(want, have, "rows " + rows + " p " + p + " row " + i + " v " + v);
                        }
                    }
                    g.close();
                }
            }
        }
    }

    @Test
    void clipRowNormsRejectsMoreRowsThanItSorts() {
        try (HostDevice dev = new HostDevice()) {
            DeviceBuffer g = dev.allocate(DeviceBuffer.Kind.FLOAT, Device.MAX_CLIP_ROWS + 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> dev.clipRowNorms(Device.MAX_CLIP_ROWS + 1, 1, 1, 0.95, g, 0));
            assertEquals("clipRowNorms: rows must be in [1, 8192], got 8193", e.getMessage());
        }
    }

    @Test
    void vagramLossIsTheWeightedSquaredErrorAndItsGradient() {
        try (HostDevice dev = new HostDevice()) {
            int rows = 2, ds = 2, k = 2, out = 3;
            float[] g = {1, 2, 3, 4, /* row 1 */ 0, 1, 1, 0};       // (rows x k x ds)
            float[] pred = {1, 2, 3, 4, 5, 6}, y = {0, 0, 0, 4, 4, 4}, std = {2, 1, 0.5f};
            float lambda = 0.5f, scale = 3f, w = 0.25f;
            float[][] r = run(dev, rows, ds, k, g, pred, y, std, lambda, scale, w);
            // row 0: w_j = (1 + 9)/2 + .5 = 5.5, (4 + 16)/2 + .5 = 10.5; e = 2, 2, 1.5
            assertArrayEquals(new float[] {3 * 5.5f * 4, 3 * 10.5f * 4, 2.25f, 0, 3 * 1f * 1, 1}, r[0], 1e-5f);
            assertArrayEquals(new float[] {w * 2 * 3 * 5.5f * 2 * 2, w * 2 * 3 * 10.5f * 2, w * 2 * 1.5f * 0.5f,
                0, w * 2 * 3 * 1f * 1, w * 2 * 1 * 0.5f}, r[1], 1e-5f);
        }
    }

    private static float[][] run(Device dev, int rows, int ds, int k, float[] g, float[] pred, float[] y, float[] std, float lambda,
                                 float scale, float w) {
        int n = rows * (ds + 1);
        DeviceBuffer gb = up(dev, g), pb = up(dev, pred), yb = up(dev, y), sb = up(dev, std);
        DeviceBuffer lb = dev.allocate(DeviceBuffer.Kind.FLOAT, n), db = dev.allocate(DeviceBuffer.Kind.FLOAT, n);
        dev.vagramLoss(rows, ds, k, gb, pb, yb, sb, lambda, scale, w, lb, db);
        float[] l = new float[n], d = new float[n];
        dev.download(lb, 0, l, 0, n);
        dev.download(db, 0, d, 0, n);
        return new float[][] {l, d};
    }

    private static DeviceBuffer up(Device dev, float[] v) {
        DeviceBuffer b = dev.allocate(DeviceBuffer.Kind.FLOAT, v.length);
        dev.upload(v, 0, b, 0, v.length);
        return b;
    }
}
