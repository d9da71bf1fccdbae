package org.vaml4j.kernel.device;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.Activation;

/**
 * The kernels whose arithmetic is fully specified, bit for bit (native/src/gemm.cu and
 * kernels.cuh): the products are one fp32 fma per k in increasing k from 0, whatever the tile
 * (so they equal a Java {@link Math#fma} chain), the dense layer adds the bias and applies
 * FloatMath's activation, and the element-wise kernels built from +, -, *, / alone give
 * HostDevice's bits. {@link CudaDeviceTest} compares to tolerances; this pins the bits, over
 * shapes around every tile size, offsets that leave the base 16-byte aligned or not, and strides
 * that allow float4 loads or not (the combination aligned base, leading dimension % 4 == 0 and
 * batch stride % 4 != 0 is where a wrong vector condition would load misaligned float4s).
 *
 * <p>Skipped where CUDA is not usable. Runs on the CPU emulation too (native/emu/README.md), with
 * VAML4J_EMU_SMS=1 or 1000000 to force the 128 or the 32 tile.
 */
@Tag("gpu")
class CudaDeviceBitsTest {

    private static final int[] SIZES = {1, 3, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 200, 257};
    private static CudaDevice gpu;

    @BeforeAll
    static void open() {
        Assumptions.assumeTrue(Cuda.status().usable(), Cuda.status().reason());
        gpu = Cuda.open();
    }

    @AfterAll
    static void close() {
        if (gpu != null) gpu.close();
    }

    private static float[] nonZero(SplittableRandom rng, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double mag = 0.1 + 0.9 * rng.nextDouble();
            v[i] = (float) ((rng.nextBoolean() ? mag : -mag) * scale);
        }
        return v;
    }

    private static int pick(SplittableRandom rng, int... values) {
        return values[rng.nextInt(values.length)];
    }

    private static DeviceBuffer put(Device d, float[] v) {
        DeviceBuffer b = d.allocate(DeviceBuffer.Kind.FLOAT, v.length);
        d.upload(v, 0, b, 0, v.length);
        return b;
    }

    private static float[] get(Device d, DeviceBuffer b) {
        float[] v = new float[b.length()];
        d.download(b, 0, v, 0, v.length);
        return v;
    }

    private static void assertSameBits(String what, float[] want, float[] got) {
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i])) {
                fail(what + ": element " + i + " of " + want.length + ": gpu " + got[i] + ", expected " + want[i]);
            }
        }
    }

    @Test
    void gemmIsTheFmaChainForEveryShape() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int c = 0; c < 240; c++) {
            boolean hugeBatch = c >= 236;   // more members than a grid's y dimension holds
            int batch = hugeBatch ? 65535 + 3 * (c - 235) : pick(rng, 1, 1, 2, 3, 7);
            int m = hugeBatch ? 2 : SIZES[rng.nextInt(SIZES.length)], n = hugeBatch ? 3 : SIZES[rng.nextInt(SIZES.length)];
            int k = hugeBatch ? 5 : c % 16 == 0 ? 0 : pick(rng, 1, 2, 3, 4, 5, 8, 9, 16, 17, 31, 33, 64, 127, 129, 200, 257);
            boolean ta = (c & 1) != 0, tb = (c & 2) != 0;
            int aOff = pick(rng, 0, 0, 1, 4), bOff = pick(rng, 0, 0, 3, 4), cOff = pick(rng, 0, 0, 1, 4);
            int aStride = c % 7 == 3 ? 0 : m * k + pick(rng, 0, 1, 2, 4), bStride = c % 7 == 5 ? 0 : k * n + pick(rng, 0, 1, 3, 4);
            int cStride = m * n + pick(rng, 0, 1, 4);
            float alpha = pick(rng, 1, 2) == 1 ? 1f : (float) (rng.nextDouble() * 4 - 2);
            float beta = pick(rng, 0, 0, 1, 2) == 0 ? 0f : pick(rng, 1, 2) == 1 ? 1f : (float) (rng.nextDouble() * 2 - 1);
            float[] a = nonZero(rng, aOff + (batch - 1) * aStride + m * k, 1);
            float[] b = nonZero(rng, bOff + (batch - 1) * bStride + k * n, 1);
            float[] c0 = nonZero(rng, cOff + (batch - 1) * cStride + m * n + 2, 1);
            if (beta == 0f) Arrays.fill(c0, Float.NaN);   // not read
            float[] want = c0.clone();
            for (int e = 0; e < batch; e++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float acc = 0f;
                        for (int p = 0; p < k; p++) {
                            float x = ta ? a[aOff + e * aStride + p * m + i] : a[aOff + e * aStride + i * k + p];
                            float y = tb ? b[bOff + e * bStride + j * k + p] : b[bOff + e * bStride + p * n + j];
                            acc = Math.fma(x, y, acc);
                        }
                        int o = cOff + e * cStride + i * n + j;
                        want[o] = beta == 0f ? alpha * acc : alpha * acc + beta * c0[o];
                    }
                }
            }
            try (DeviceBuffer da = put(gpu, a); DeviceBuffer db = put(gpu, b); DeviceBuffer dc = put(gpu, c0)) {
                gpu.gemm(batch, ta, tb, m, n, k, alpha, da, aOff, aStride, db, bOff, bStride, beta, dc, cOff, cStride);
                assertSameBits("gemm batch " + batch + (ta ? " T" : " N") + (tb ? "T " : "N ") + m + "x" + n + "x" + k + " offsets " + aOff
                        + "/" + bOff + "/" + cOff + " strides " + aStride + "/" + bStride + "/" + cStride + " alpha " + alpha + " beta "
                        + beta, want, get(gpu, dc));
            }
        }
    }

    @Test
    void denseIsTheFmaChainPlusBiasThenTheActivation() {
        SplittableRandom rng = new SplittableRandom(22);
        Activation[] acts = Activation.values();
        for (int c = 0; c < 90; c++) {
            int batch = pick(rng, 1, 2, 7), m = SIZES[rng.nextInt(SIZES.length)], n = SIZES[rng.nextInt(SIZES.length)];
            int k = pick(rng, 1, 3, 4, 17, 24, 33, 64, 200, 257);
            Activation act = acts[c % acts.length];
            boolean shared = c % 4 == 1, withZ = act != Activation.IDENTITY && c % 3 != 0;
            int xOff = pick(rng, 0, 0, 1, 4), wOff = pick(rng, 0, 0, 2, 4), bOff = rng.nextInt(3), yOff = pick(rng, 0, 0, 1, 4);
            int zOff = pick(rng, 0, 0, 3, 4);
            int xStride = shared ? 0 : m * k + pick(rng, 0, 0, 2, 4);
            float[] x = nonZero(rng, xOff + (batch - 1) * xStride + m * k, 1);
            float[] w = nonZero(rng, wOff + batch * k * n, 1.0 / Math.sqrt(k));
            float[] bias = nonZero(rng, bOff + batch * n, 0.5);
            float[] y0 = new float[yOff + batch * m * n + 2], z0 = new float[zOff + batch * m * n + 1];
            Arrays.fill(y0, Float.NaN);
            Arrays.fill(z0, Float.NaN);
            float[] wantY = y0.clone(), wantZ = z0.clone();
            for (int e = 0; e < batch; e++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float acc = 0f;
                        for (int p = 0; p < k; p++) acc = Math.fma(x[xOff + e * xStride + i * k + p], w[wOff + e * k * n + p * n + j], acc);
                        float pre = acc + bias[bOff + e * n + j];
                        int o = e * m * n + i * n + j;
                        wantY[yOff + o] = act.apply(pre);
                        if (withZ) wantZ[zOff + o] = pre;
                    }
                }
            }
            try (DeviceBuffer dx = put(gpu, x); DeviceBuffer dw = put(gpu, w); DeviceBuffer db = put(gpu, bias);
                 DeviceBuffer dy = put(gpu, y0); DeviceBuffer dz = put(gpu, z0)) {
                gpu.dense(batch, m, n, k, dx, xOff, xStride, dw, wOff, db, bOff, act, withZ ? dz : null, zOff, dy, yOff);
                String what = "dense " + act + " batch " + batch + " " + m + "x" + n + "x" + k + " offsets " + xOff + "/" + wOff + "/" + bOff
                        + "/" + yOff + "/" + zOff + (shared ? " shared x" : "");
                assertSameBits(what + " y", wantY, get(gpu, dy));
                assertSameBits(what + " z", wantZ, get(gpu, dz));
            }
        }
    }

    /** activationBackward, axpy, polyak, columnSums, criticTarget and criticLossGrad: HostDevice's bits. */
    @Test
    void exactElementwiseKernelsGiveTheHostBits() {
        SplittableRandom rng = new SplittableRandom(23);
        try (HostDevice host = new HostDevice()) {
            for (int n : new int[] {1, 3, 255, 257, 4099}) {
                float[] z = nonZero(rng, n, 6), dy = nonZero(rng, n + 1, 1), x = nonZero(rng, n + 1, 2), y = nonZero(rng, n + 3, 2);
                float[] q = nonZero(rng, 2 * n + 1, 10), col = nonZero(rng, 3 * 17 * 5 + 1, 1);
                float alpha = (float) rng.nextDouble(-2, 2), tau = (float) rng.nextDouble(0.001, 0.5);
                float[][] results = new float[2][];
                Device[] devices = {host, gpu};
                for (int q2 = 0; q2 < 2; q2++) {
                    Device d = devices[q2];
                    float[] out = new float[0];
                    for (Activation act : Activation.values()) {
                        float[] yz = new float[n];
                        for (int i = 0; i < n; i++) yz[i] = act.apply(z[i]);
                        try (DeviceBuffer bz = put(d, z); DeviceBuffer by = put(d, yz); DeviceBuffer bdy = put(d, dy);
                             DeviceBuffer bdz = put(d, new float[n + 2])) {
                            d.activationBackward(act, n, bz, 0, by, 0, bdy, 1, bdz, 2);
                            out = concat(out, get(d, bdz));
                        }
                    }
                    try (DeviceBuffer bx = put(d, x); DeviceBuffer by = put(d, y); DeviceBuffer bq = put(d, q); DeviceBuffer bc = put(d, col);
                         DeviceBuffer sums = put(d, new float[3 * 5 + 2]); DeviceBuffer al = put(d, new float[] {0.3f, 0.7f});
                         DeviceBuffer target = put(d, new float[n + 1]); DeviceBuffer dq = put(d, new float[2 * n + 1]);
                         DeviceBuffer sq = put(d, new float[2 * n + 2])) {
                        d.axpy(n, alpha, bx, 1, by, 2);
                        d.polyak(n, tau, bx, 0, by, 1);
                        d.columnSums(3, 17, 5, bc, 1, sums, 2, false);
                        d.criticTarget(n, bq, 1, bx, 0, by, 1, bx, 1, al, 1, 0.99f, target, 1);
                        d.criticLossGrad(n, bq, 1, target, 1, dq, 1, sq, 2);
                        for (DeviceBuffer b : new DeviceBuffer[] {by, sums, target, dq, sq}) out = concat(out, get(d, b));
                    }
                    results[q2] = out;
                }
                assertSameBits("element-wise kernels, n " + n, results[0], results[1]);
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
