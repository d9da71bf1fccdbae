package org.vaml4j.kernel.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.ScalarKernels;

/**
 * The CUDA kernels against {@link HostDevice}, the executable specification: every kernel on
 * fresh random inputs (never zero) over many shapes, odd sizes included, outputs poisoned with NaN
 * beforehand so that an element the GPU does not write fails; the same call on both devices, then
 * a comparison with the tolerance stated per test. Plus determinism (two identical GPU calls give
 * the same bits), graph replay against eager launches, and two large products.
 *
 * <p>Skipped (not failed) where CUDA is not usable: no library in the jar, no driver, no GPU.
 */
@Tag("gpu")
class CudaDeviceTest {

    private static final int[] SIZES = {1, 3, 17, 31, 33, 127, 129, 255, 257};
    private static final double U = 0x1.0p-24;   // unit roundoff of float

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

    // ---- helpers: one array on both devices, calls on both, comparisons ----

    /** The same contents in a buffer of the host reference and one of the GPU. */
    private static final class Twin implements AutoCloseable {
        final HostDevice ref;
        final DeviceBuffer h, g;
        final int length;

        Twin(HostDevice ref, DeviceBuffer.Kind kind, int length) {
            this.ref = ref;
            this.length = length;
            this.h = ref.allocate(kind, length);
            this.g = gpu.allocate(kind, length);
        }

        /** This operand's buffer on device d. */
        DeviceBuffer on(Device d) {
            return d == gpu ? g : h;
        }

        float[] hostFloats() {
            float[] v = new float[length];
            ref.download(h, 0, v, 0, length);
            return v;
        }

        float[] gpuFloats() {
            float[] v = new float[length];
            gpu.download(g, 0, v, 0, length);
            return v;
        }

        int[] hostInts() {
            int[] v = new int[length];
            ref.download(h, 0, v, 0, length);
            return v;
        }

        int[] gpuInts() {
            int[] v = new int[length];
            gpu.download(g, 0, v, 0, length);
            return v;
        }

        long[] hostLongs() {
            long[] v = new long[length];
            ref.download(h, 0, v, 0, length);
            return v;
        }

        long[] gpuLongs() {
            long[] v = new long[length];
            gpu.download(g, 0, v, 0, length);
            return v;
        }

        @Override
        public void close() {
            h.close();
            g.close();
        }
    }

    private final List<Twin> open = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void release() {
        for (Twin t : open) t.close();
        open.clear();
    }

    /** Uploads the same floats to both devices (to {@code ref} on the host side). */
    private Twin floats(HostDevice ref, float[] v) {
        Twin t = new Twin(ref, DeviceBuffer.Kind.FLOAT, v.length);
        ref.upload(v, 0, t.h, 0, v.length);
        gpu.upload(v, 0, t.g, 0, v.length);
        open.add(t);
        return t;
    }

    private Twin floats(float[] v) {
        return floats(host, v);
    }

    private Twin ints(int[] v) {
        Twin t = new Twin(host, DeviceBuffer.Kind.INT, v.length);
        host.upload(v, 0, t.h, 0, v.length);
        gpu.upload(v, 0, t.g, 0, v.length);
        open.add(t);
        return t;
    }

    private Twin longs(long[] v) {
        Twin t = new Twin(host, DeviceBuffer.Kind.LONG, v.length);
        host.upload(v, 0, t.h, 0, v.length);
        gpu.upload(v, 0, t.g, 0, v.length);
        open.add(t);
        return t;
    }

    /** An output: NaN everywhere on both devices. */
    private Twin poisoned(HostDevice ref, int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, Float.NaN);
        return floats(ref, v);
    }

    private Twin poisoned(int n) {
        return poisoned(host, n);
    }

    /** n floats uniform in +-[0.1, 1] scale: random signs, never zero. */
    private static float[] nonZero(SplittableRandom rng, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double mag = 0.1 + 0.9 * rng.nextDouble();
            v[i] = (float) ((rng.nextBoolean() ? mag : -mag) * scale);
        }
        return v;
    }

    /** n floats uniform in [lo, hi), 0 replaced by hi / 2. */
    private static float[] uniform(SplittableRandom rng, int n, double lo, double hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            float x = (float) (lo + (hi - lo) * rng.nextDouble());
            v[i] = x == 0f ? (float) (hi / 2) : x;
        }
        return v;
    }

    private static void both(Consumer<Device> call) {
        call.accept(host);
        call.accept(gpu);
    }

    private static void both(HostDevice ref, Consumer<Device> call) {
        call.accept(ref);
        call.accept(gpu);
    }

    /**
     * Every element: |gpu - host| <= tol(i), or both the same infinity, or both NaN (an element
     * neither device wrote stays NaN on both; one the GPU failed to write is NaN there only).
     */
    private static void assertClose(String what, Twin t, IntToDoubleFunction tol) {
        float[] want = t.hostFloats(), got = t.gpuFloats();
        for (int i = 0; i < want.length; i++) {
            float w = want[i], g = got[i];
            boolean ok = Float.isNaN(w) ? Float.isNaN(g) : (g == w || Math.abs((double) g - w) <= tol.applyAsDouble(i));
            if (!ok) fail(what + ": element " + i + " of " + want.length + ": gpu " + g + ", host " + w + ", tolerance " + tol.applyAsDouble(i));
        }
    }

    /** Relative tolerance: |gpu - host| <= rel (1 + |host|). */
    private static void assertClose(String what, Twin t, double rel) {
        float[] want = t.hostFloats();
        assertClose(what, t, i -> rel * (1 + Math.abs(want[i])));
    }

    private static void assertSameFloats(String what, Twin t) {
        float[] want = t.hostFloats(), got = t.gpuFloats();
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i])) {
                fail(what + ": element " + i + ": gpu " + got[i] + ", host " + want[i]);
            }
        }
    }

    private static int pick(SplittableRandom rng, int... values) {
        return values[rng.nextInt(values.length)];
    }

    private static int size(SplittableRandom rng) {
        return SIZES[rng.nextInt(SIZES.length)];
    }

    // ---- products ----

    /**
     * |C| bound per element of a gemm: |alpha| sum_k |a||b| + |beta| |C0|, by the same product on
     * absolute values (a float sum of non-negative terms, within a factor 1 + k u of the exact one).
     */
    private static float[] magnitude(Kernels kern, int batch, boolean ta, boolean tb, int m, int n, int k, float alpha,
                                     float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float beta,
                                     float[] c0, int cOff, int cStride) {
        float[] absA = abs(a), absB = abs(b), mag = abs(c0);
        kern.gemmBatched(batch, ta, tb, m, n, k, Math.abs(alpha), absA, aOff, aStride, absB, bOff, bStride, Math.abs(beta),
                mag, cOff, cStride);
        return mag;
    }

    private static float[] abs(float[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Float.isNaN(v[i]) ? 0f : Math.abs(v[i]);
        return r;
    }

    /** Both fp32 results are within (k + 2) u of the exact one relative to the magnitude. */
    private static IntToDoubleFunction gemmTolerance(int k, float[] mag) {
        return i -> 2.0 * (k + 2) * U * (1 + k * U) * mag[i] + Float.MIN_NORMAL;
    }

    /** One random gemm case (offsets, strides with padding or 0, alpha, beta), host vs GPU. */
    private void gemmCase(HostDevice ref, Kernels kern, SplittableRandom rng, int batch, boolean ta, boolean tb, int m, int n,
                          int k, boolean broadcastA, boolean broadcastB) {
        int aOff = rng.nextInt(4), bOff = rng.nextInt(4), cOff = rng.nextInt(4);
        int aStride = broadcastA ? 0 : m * k + pick(rng, 0, 0, 1, 4);
        int bStride = broadcastB ? 0 : k * n + pick(rng, 0, 0, 3, 4);
        int cStride = m * n + pick(rng, 0, 0, 1, 4);
        float alpha = pick(rng, 1, 2, 3) == 1 ? 1f : (float) (rng.nextDouble() * 4 - 2);
        float beta = pick(rng, 0, 0, 1, 2) == 0 ? 0f : pick(rng, 1, 2) == 1 ? 1f : (float) (rng.nextDouble() * 2 - 1);
        float[] a = nonZero(rng, aOff + (batch - 1) * aStride + m * k, 1);
        float[] b = nonZero(rng, bOff + (batch - 1) * bStride + k * n, 1);
        float[] c0 = nonZero(rng, cOff + (batch - 1) * cStride + m * n + rng.nextInt(3), 1);
        if (beta == 0f) java.util.Arrays.fill(c0, Float.NaN);   // overwritten, never read
        Twin ta_ = floats(ref, a), tb_ = floats(ref, b), tc = floats(ref, c0);
        both(ref, d -> d.gemm(batch, ta, tb, m, n, k, alpha, ta_.on(d), aOff, aStride, tb_.on(d), bOff, bStride, beta, tc.on(d),
                cOff, cStride));
        float[] mag = magnitude(kern, batch, ta, tb, m, n, k, alpha, a, aOff, aStride, b, bOff, bStride, beta, c0, cOff, cStride);
        assertClose("gemm batch " + batch + (ta ? " T" : " N") + (tb ? "T" : "N") + " " + m + "x" + n + "x" + k + " alpha " + alpha
                + " beta " + beta + " strides " + aStride + "/" + bStride + "/" + cStride, tc, gemmTolerance(k, mag));
        ta_.close();
        tb_.close();
        tc.close();
        open.remove(ta_);
        open.remove(tb_);
        open.remove(tc);
    }

    /** Random shapes (odd, below and across tile sizes, k = 0), all four transposes, broadcasts. */
    @Test
    void gemmMatchesHostOverRandomShapes() {
        SplittableRandom rng = new SplittableRandom(1);
        Kernels kern = new ScalarKernels();
        for (int c = 0; c < 160; c++) {
            int batch = pick(rng, 1, 1, 2, 3);
            int m = size(rng), n = size(rng), k = c % 16 == 0 ? 0 : pick(rng, 1, 2, 3, 8, 17, 31, 33, 64, 127, 129, 200, 257);
            gemmCase(host, kern, rng, batch, (c & 1) != 0, (c & 2) != 0, m, n, k, c % 7 == 3, c % 7 == 5);
        }
    }

    /** The products of RL training (batch 7 members, 256 rows, 200 hidden, small outputs) and their backward forms. */
    @Test
    void gemmMatchesHostOnTrainingShapes() {
        SplittableRandom rng = new SplittableRandom(2);
        Kernels kern = new ScalarKernels();
        gemmCase(host, kern, rng, 7, false, false, 256, 200, 200, false, false);
        gemmCase(host, kern, rng, 7, false, false, 256, 200, 17, true, false);     // shared input
        gemmCase(host, kern, rng, 2, false, false, 256, 256, 256, false, false);
        gemmCase(host, kern, rng, 1, false, false, 256, 14, 200, false, false);
        gemmCase(host, kern, rng, 1, false, false, 256, 200, 24, false, false);
        gemmCase(host, kern, rng, 7, true, false, 200, 200, 256, false, false);    // weight gradient X^T dY
        gemmCase(host, kern, rng, 7, false, true, 256, 200, 200, false, false);    // input gradient dY W^T
        gemmCase(host, kern, rng, 2, true, true, 129, 31, 257, false, true);
    }

    /** 1024^3 and 2048 x 512 x 768 with transposes, the host reference on the vector kernels. */
    @Test
    void largeGemmsMatchHost() {
        Kernels kern = KernelChoice.select("auto", 4);
        HostDevice fast = new HostDevice(kern);
        try {
            SplittableRandom rng = new SplittableRandom(3);
            gemmCase(fast, kern, rng, 1, false, false, 1024, 1024, 1024, false, false);
            gemmCase(fast, kern, rng, 1, true, false, 2048, 512, 768, false, false);
            gemmCase(fast, kern, rng, 1, false, true, 2048, 512, 768, false, false);
        } finally {
            release();
            fast.close();
        }
    }

    @Test
    void denseMatchesHost() {
        SplittableRandom rng = new SplittableRandom(4);
        Activation[] acts = Activation.values();
        for (int c = 0; c < 60; c++) {
            int batch = pick(rng, 1, 2, 7), m = size(rng), n = size(rng), k = pick(rng, 1, 3, 17, 24, 33, 200, 257);
            Activation act = acts[c % acts.length];
            boolean shared = c % 4 == 1, withZ = act != Activation.IDENTITY && c % 3 != 0;
            int xOff = rng.nextInt(3), wOff = rng.nextInt(3), bOff = rng.nextInt(3), yOff = rng.nextInt(3), zOff = rng.nextInt(3);
            int xStride = shared ? 0 : m * k + pick(rng, 0, 0, 2);
            float[] x = nonZero(rng, xOff + (batch - 1) * xStride + m * k, 1);
            float[] w = nonZero(rng, wOff + batch * k * n, 1.0 / Math.sqrt(k));
            float[] bias = nonZero(rng, bOff + batch * n, 0.5);
            Twin tx = floats(x), tw = floats(w), tb = floats(bias);
            Twin ty = poisoned(yOff + batch * m * n + 2), tz = withZ ? poisoned(zOff + batch * m * n + 1) : null;
            both(d -> d.dense(batch, m, n, k, tx.on(d), xOff, xStride, tw.on(d), wOff, tb.on(d), bOff, act,
                    tz == null ? null : tz.on(d), zOff, ty.on(d), yOff));
            // pre-activation magnitude: sum_k |x||w| + |bias|, laid out like y
            float[] mag = new float[ty.length];
            float[] ax = abs(x), aw = abs(w);
            for (int e = 0; e < batch; e++) {
                for (int r = 0; r < m; r++) {
                    for (int j = 0; j < n; j++) {
                        double s = Math.abs(bias[bOff + e * n + j]);
                        for (int p = 0; p < k; p++) s += ax[xOff + e * xStride + r * k + p] * aw[wOff + e * k * n + p * n + j];
                        mag[yOff + e * m * n + r * n + j] = (float) s;
                    }
                }
            }
            String what = "dense " + act + " batch " + batch + " " + m + "x" + n + "x" + k + (shared ? " shared x" : "");
            float[] yHost = ty.hostFloats();
            IntToDoubleFunction preTol = gemmTolerance(k + 1, mag);
            // |act'| <= 1.1, and FloatMath's activations are within a few ulps at each of two nearby inputs
            assertClose(what + " y", ty, i -> 1.1 * preTol.applyAsDouble(i) + 32 * U * (1 + Math.abs(yHost[i])));
            if (tz != null) {
                float[] magZ = new float[tz.length];
                for (int i = 0; i < batch * m * n; i++) magZ[zOff + i] = mag[yOff + i];
                assertClose(what + " z", tz, gemmTolerance(k + 1, magZ));
            }
        }
    }

    // ---- element-wise ----

    @Test
    void fillAxpyExpPolyak() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 3, 17, 255, 257, 4099, 100_003}) {
            int off = rng.nextInt(3);
            float value = (float) rng.nextDouble(-3, 3);
            Twin x = poisoned(off + n + 2);
            both(d -> d.fill(x.on(d), off, n, value));
            assertSameFloats("fill " + n, x);

            Twin src = floats(nonZero(rng, n + 1, 2)), y = floats(nonZero(rng, n + 3, 2));
            float alpha = (float) rng.nextDouble(-2, 2);
            both(d -> d.axpy(n, alpha, src.on(d), 1, y.on(d), 2));
            assertClose("axpy " + n, y, 1e-6);

            Twin ex = floats(nonZero(rng, n, 20)), ey = poisoned(n + 1);
            both(d -> d.exp(n, ex.on(d), 0, ey.on(d), 1));
            assertClose("exp " + n, ey, 1e-6);

            float tau = (float) rng.nextDouble(0.001, 0.5);
            Twin ps = floats(nonZero(rng, n, 1)), pt = floats(nonZero(rng, n + 1, 1));
            both(d -> d.polyak(n, tau, ps.on(d), 0, pt.on(d), 1));
            assertClose("polyak " + n, pt, 1e-6);
        }
    }

    @Test
    void activationBackwardForEveryActivation() {
        SplittableRandom rng = new SplittableRandom(6);
        for (Activation act : Activation.values()) {
            for (int n : new int[] {1, 33, 257, 10_007}) {
                float[] z = nonZero(rng, n, 6);
                float[] y = new float[n];
                for (int i = 0; i < n; i++) y[i] = act.apply(z[i]);
                Twin tz = floats(z), ty = floats(y), dy = floats(nonZero(rng, n + 1, 1)), dz = poisoned(n + 2);
                both(d -> d.activationBackward(act, n, tz.on(d), 0, ty.on(d), 0, dy.on(d), 1, dz.on(d), 2));
                assertClose("activationBackward " + act + " " + n, dz, 1e-6);
                // dz may alias dy
                both(d -> d.activationBackward(act, n, tz.on(d), 0, ty.on(d), 0, dy.on(d), 1, dy.on(d), 1));
                assertClose("activationBackward in place " + act + " " + n, dy, 1e-6);
            }
        }
    }

    @Test
    void concatColumnsAndGatherRows() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int c = 0; c < 30; c++) {
            int rows = size(rng), aCols = pick(rng, 1, 3, 17, 200), bCols = pick(rng, 1, 2, 6, 33);
            int aStride = aCols + pick(rng, 0, 1, 5), bStride = bCols + pick(rng, 0, 3);
            Twin a = floats(nonZero(rng, 1 + (rows - 1) * aStride + aCols, 1)), b = floats(nonZero(rng, 2 + (rows - 1) * bStride + bCols, 1));
            Twin out = poisoned(rows * (aCols + bCols) + 3);
            both(d -> d.concatColumns(rows, a.on(d), 1, aCols, aStride, b.on(d), 2, bCols, bStride, out.on(d), 3));
            assertSameFloats("concatColumns " + rows + " x " + aCols + "+" + bCols, out);

            int srcRows = size(rng), width = pick(rng, 1, 3, 17, 201);
            int[] idx = new int[rows + 1];
            for (int i = 0; i < idx.length; i++) idx[i] = rng.nextInt(srcRows);
            Twin ti = ints(idx), src = floats(nonZero(rng, 2 + srcRows * width, 1)), dst = poisoned(rows * width + 1);
            both(d -> d.gatherRows(rows, width, ti.on(d), 1, src.on(d), 2, dst.on(d), 1));
            assertSameFloats("gatherRows " + rows + " x " + width, dst);
        }
    }

    // ---- reductions ----

    @Test
    void columnSumsAndSum() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int c = 0; c < 30; c++) {
            int batch = pick(rng, 1, 2, 7), rows = pick(rng, 1, 3, 17, 256, 1000), cols = size(rng);
            boolean acc = c % 2 == 1;
            float[] x = nonZero(rng, 1 + batch * rows * cols, 1);
            Twin tx = floats(x), out = acc ? floats(nonZero(rng, 2 + batch * cols, 1)) : poisoned(2 + batch * cols);
            float[] before = out.hostFloats();
            both(d -> d.columnSums(batch, rows, cols, tx.on(d), 1, out.on(d), 2, acc));
            float[] mag = new float[out.length];
            for (int e = 0; e < batch; e++) {
                for (int j = 0; j < cols; j++) {
                    double s = acc ? Math.abs(before[2 + e * cols + j]) : 0;
                    for (int r = 0; r < rows; r++) s += Math.abs(x[1 + e * rows * cols + r * cols + j]);
                    mag[2 + e * cols + j] = (float) s;
                }
            }
            assertClose("columnSums " + batch + " x " + rows + " x " + cols + (acc ? " accumulate" : ""), out, gemmTolerance(rows, mag));
        }
        for (int n : new int[] {0, 1, 3, 1023, 1025, 65_537, 1_000_003}) {
            float[] x = nonZero(rng, n + 1, 3);
            float scale = (float) rng.nextDouble(0.5, 2);
            Twin tx = floats(x), out = poisoned(2);
            both(d -> d.sum(n, tx.on(d), 1, scale, out.on(d), 1));
            double mag = 0;
            for (int i = 1; i <= n; i++) mag += Math.abs(x[i]);
            double m = mag * scale;
            float want = out.hostFloats()[1];
            // both sum in double and round once: within a float ulp, plus the double sums' difference
            assertClose("sum " + n, out, i -> 2 * U * Math.abs(want) + 1e-13 * m + Float.MIN_NORMAL);
        }
    }

    // ---- optimizer and small kernels ----

    @Test
    void adamIncrementAndRing() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int n : new int[] {1, 17, 257, 40_001}) {
            for (boolean decay : new boolean[] {false, true}) {
                int t = pick(rng, 1, 2, 10, 1000, 123_456);
                Twin p = floats(nonZero(rng, n + 1, 1)), g = floats(nonZero(rng, n + 2, 0.1));
                Twin m = floats(nonZero(rng, n + 3, 0.01)), v = floats(uniform(rng, n + 3, 1e-6, 1e-2));
                Twin wd = decay ? floats(uniform(rng, n + 1, 1e-5, 1e-3)) : null;
                Twin steps = ints(new int[] {7, t - 1});
                both(d -> d.increment(steps.on(d), 1));
                both(d -> d.adam(n, p.on(d), 1, g.on(d), 2, m.on(d), v.on(d), 3, wd == null ? null : wd.on(d), 3e-4f, 0.9f, 0.999f,
                        1e-8f, steps.on(d), 1));
                assertArrayEquals(steps.hostInts(), steps.gpuInts(), "increment");
                String what = "adam n " + n + " t " + t + (decay ? " decay" : "");
                assertClose(what + " p", p, 1e-6);
                assertClose(what + " m", m, 1e-6);
                assertClose(what + " v", v, 1e-6);
            }
        }
        for (int counter : new int[] {0, 1, 2, 5, 17, 1_000_003, -3}) {
            int width = pick(rng, 1, 8, 33), rows = pick(rng, 1, 4, 7);
            Twin src = floats(nonZero(rng, width + 1, 1)), ring = poisoned(rows * width), cnt = ints(new int[] {counter, 0});
            both(d -> d.copyToRing(width, src.on(d), 1, ring.on(d), rows, cnt.on(d), 0));
            assertSameFloats("copyToRing counter " + counter, ring);
        }
    }

    // ---- random streams ----

    @Test
    void randomStreamsEqualTheHost() {
        SplittableRandom rng = new SplittableRandom(10);
        for (int c = 0; c < 12; c++) {
            int n = pick(rng, 1, 3, 255, 257, 100_000);
            long key = rng.nextLong(), pos = c == 0 ? Long.MAX_VALUE - 3 : rng.nextLong(0, 1L << 40);
            Twin state = longs(new long[] {1, 2, key, pos});
            Twin bounds = ints(new int[] {0, pick(rng, 1, 2, 7, 1000, 1_000_000, Integer.MAX_VALUE)});
            Twin idx = ints(new int[n + 1]);
            both(d -> d.randomIndices(state.on(d), 1, n, bounds.on(d), 1, idx.on(d), 1));
            assertArrayEquals(idx.hostInts(), idx.gpuInts(), "randomIndices n " + n);
            Twin normal = poisoned(n + 1);
            both(d -> d.randomNormal(state.on(d), 1, n, normal.on(d), 1));
            assertClose("randomNormal n " + n, normal, 1e-6);
            long draws = rng.nextLong(1, 1L << 33);
            both(d -> d.advance(state.on(d), 1, draws));
            assertArrayEquals(state.hostLongs(), state.gpuLongs(), "advance");
        }
    }

    // ---- SAC ----

    @Test
    void sacKernels() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int c = 0; c < 12; c++) {
            int rows = size(rng), a = pick(rng, 1, 3, 6, 17);
            float lo = -5f, hi = 2f;
            Twin out = floats(nonZero(rng, 1 + rows * 2 * a, 2)), eps = floats(nonZero(rng, 2 + rows * a, 1.5));
            Twin action = poisoned(rows * a + 1), logProb = poisoned(rows + 2);
            both(d -> d.tanhGaussian(rows, a, out.on(d), 1, eps.on(d), 2, lo, hi, action.on(d), 1, logProb.on(d), 2));
            assertClose("tanhGaussian action", action, 1e-6);
            assertClose("tanhGaussian logProb", logProb, 1e-5 * a);

            int stride = a + pick(rng, 0, 3);
            Twin dAction = floats(nonZero(rng, 3 + (rows - 1) * stride + a, 1)), alpha = floats(new float[] {0.7f, (float) rng.nextDouble(0.05, 1)});
            Twin dOut = poisoned(rows * 2 * a + 1);
            float scale = (float) (1.0 / rows);
            both(d -> d.tanhGaussianBackward(rows, a, out.on(d), 1, eps.on(d), 2, lo, hi, action.on(d), 1, dAction.on(d), 3, stride,
                    alpha.on(d), 1, scale, dOut.on(d), 1));
            assertClose("tanhGaussianBackward", dOut, 1e-5);

            int n = size(rng);
            float[] q = nonZero(rng, 1 + 2 * n, 10);
            for (int i = 0; i < n; i += 5) q[1 + n + i] = q[1 + i];   // ties go to the first critic
            Twin tq = floats(q), lp = floats(nonZero(rng, n, 3)), rew = floats(nonZero(rng, n + 1, 1));
            float[] nd = new float[n];
            for (int i = 0; i < n; i++) nd[i] = rng.nextInt(5) == 0 ? 0f : 1f;
            Twin notDone = floats(nd), y = poisoned(n + 1);
            both(d -> d.criticTarget(n, tq.on(d), 1, lp.on(d), 0, rew.on(d), 1, notDone.on(d), 0, alpha.on(d), 1, 0.99f, y.on(d), 1));
            assertClose("criticTarget", y, 1e-6);

            Twin dq = poisoned(2 * n + 1), sq = poisoned(2 * n + 2);
            both(d -> d.criticLossGrad(n, tq.on(d), 1, y.on(d), 1, dq.on(d), 1, sq.on(d), 2));
            assertClose("criticLossGrad dq", dq, 1e-6);
            assertClose("criticLossGrad sq", sq, 1e-6);

            Twin minQ = poisoned(n + 1), dmin = poisoned(2 * n + 1);
            float s = (float) rng.nextDouble(-1, 1);
            both(d -> d.minQ(n, tq.on(d), 1, s, minQ.on(d), 1, dmin.on(d), 1));
            assertSameFloats("minQ", minQ);
            assertSameFloats("minQ dq", dmin);
        }
        for (boolean learn : new boolean[] {false, true, true}) {
            Twin st = floats(nonZero(rng, 9, 2)), logAlpha = floats(nonZero(rng, 1, 1));
            Twin m = floats(nonZero(rng, 1, 0.01)), v = floats(uniform(rng, 1, 1e-5, 1e-3)), steps = ints(new int[] {3, 41});
            both(d -> d.sacTemperature(st.on(d), 1, -6f, learn, logAlpha.on(d), m.on(d), v.on(d), 3e-4f, 0.9f, 0.999f, 1e-8f,
                    steps.on(d), 1));
            assertClose("sacTemperature scalars", st, 1e-6);
            assertClose("sacTemperature logAlpha", logAlpha, 1e-6);
            assertClose("sacTemperature m", m, 1e-6);
            assertClose("sacTemperature v", v, 1e-6);
            assertArrayEquals(steps.hostInts(), steps.gpuInts(), "sacTemperature steps");
        }
    }

    // ---- dynamics ensemble ----

    @Test
    void modelKernels() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int c = 0; c < 12; c++) {
            int members = pick(rng, 1, 3, 7), b = pick(rng, 1, 17, 256), width = pick(rng, 1, 14, 33), nTrain = pick(rng, 1, 5, 300, 1000);
            int srcRows = nTrain + 7;
            int[] order = new int[members * nTrain];
            for (int i = 0; i < order.length; i++) order[i] = rng.nextInt(srcRows);
            Twin to = ints(order), counters = ints(new int[] {9, pick(rng, 0, 1, 3, 1000)});
            Twin src = floats(nonZero(rng, srcRows * width, 1)), dst = poisoned(members * b * width);
            both(d -> d.gatherMemberRows(members, b, width, to.on(d), nTrain, counters.on(d), 1, src.on(d), dst.on(d)));
            assertSameFloats("gatherMemberRows", dst);

            int rows = members * b, out = pick(rng, 1, 3, 17);
            float[] bounds = new float[2 * out + 1];
            for (int j = 0; j < out; j++) {
                bounds[1 + j] = (float) rng.nextDouble(0.2, 1);           // max log variance
                bounds[1 + out + j] = (float) rng.nextDouble(-10, -4);    // min
            }
            float[] raw = nonZero(rng, rows * 2 * out, 1);
            for (int r = 0; r < rows; r++) for (int j = 0; j < out; j++) raw[r * 2 * out + out + j] *= 6;
            Twin tr = floats(raw), ty = floats(nonZero(rng, rows * out, 1)), tb = floats(bounds);
            Twin loss = poisoned(rows * out), dRaw = poisoned(rows * 2 * out);
            float w = 1f / (rows * out);
            both(d -> d.gaussianNll(rows, out, tr.on(d), ty.on(d), tb.on(d), 1, 1 + out, w, loss.on(d), dRaw.on(d)));
            assertClose("gaussianNll loss", loss, 1e-5);
            assertClose("gaussianNll dRaw", dRaw, 1e-5);

            int predStride = out + pick(rng, 0, 3), valRows = pick(rng, 1, 33, 1000);
            Twin pred = floats(nonZero(rng, members * valRows * predStride, 1)), yv = floats(nonZero(rng, valRows * out, 1));
            Twin scale = floats(uniform(rng, out, 0.1, 3)), mse = poisoned(members);
            both(d -> d.memberMse(members, valRows, out, pred.on(d), predStride, yv.on(d), scale.on(d), mse.on(d)));
            assertClose("memberMse", mse, 1e-6);
        }
    }

    // ---- determinism and graphs ----

    /** Two identical calls give the same bits (fixed reduction orders, no atomics). */
    @Test
    void repeatedCallsGiveTheSameBits() {
        SplittableRandom rng = new SplittableRandom(13);
        int m = 1024, n = 1024, k = 1024;
        try (DeviceBuffer a = upload(nonZero(rng, m * k, 1)); DeviceBuffer b = upload(nonZero(rng, k * n, 1));
             DeviceBuffer c1 = gpu.allocate(DeviceBuffer.Kind.FLOAT, m * n); DeviceBuffer c2 = gpu.allocate(DeviceBuffer.Kind.FLOAT, m * n)) {
            for (boolean[] t : new boolean[][] {{false, false}, {true, false}, {false, true}, {true, true}}) {
                gpu.gemm(1, t[0], t[1], m, n, k, 1f, a, 0, 0, b, 0, 0, 0f, c1, 0, 0);
                gpu.gemm(1, t[0], t[1], m, n, k, 1f, a, 0, 0, b, 0, 0, 0f, c2, 0, 0);
                assertArrayEquals(download(c1, m * n), download(c2, m * n), "gemm 1024^3");
            }
            gpu.gemm(7, false, false, 256, 200, 200, 1f, a, 0, 256 * 200, b, 0, 200 * 200, 0f, c1, 0, 256 * 200);
            gpu.gemm(7, false, false, 256, 200, 200, 1f, a, 0, 256 * 200, b, 0, 200 * 200, 0f, c2, 0, 256 * 200);
            assertArrayEquals(download(c1, 7 * 256 * 200), download(c2, 7 * 256 * 200), "gemm batch 7");
            gpu.dense(7, 256, 200, 200, a, 0, 0, b, 0, a, 5, Activation.SILU, c2, 0, c1, 0);
            float[] y1 = download(c1, 7 * 256 * 200);
            gpu.dense(7, 256, 200, 200, a, 0, 0, b, 0, a, 5, Activation.SILU, c2, 0, c1, 0);
            assertArrayEquals(y1, download(c1, 7 * 256 * 200), "dense");
            gpu.sum(m * k, a, 0, 0.5f, c1, 0);
            gpu.sum(m * k, a, 0, 0.5f, c1, 1);
            float[] s = download(c1, 2);
            assertEquals(Float.floatToIntBits(s[0]), Float.floatToIntBits(s[1]), "sum");
            gpu.columnSums(7, 256, 200, a, 0, c1, 0, false);
            gpu.columnSums(7, 256, 200, a, 0, c2, 0, false);
            assertArrayEquals(download(c1, 1400), download(c2, 1400), "columnSums");
            gpu.memberMse(7, 1000, 17, a, 20, b, b, c1);
            gpu.memberMse(7, 1000, 17, a, 20, b, b, c2);
            assertArrayEquals(download(c1, 7), download(c2, 7), "memberMse");
        }
    }

    private static DeviceBuffer upload(float[] v) {
        DeviceBuffer b = gpu.allocate(DeviceBuffer.Kind.FLOAT, v.length);
        gpu.upload(v, 0, b, 0, v.length);
        return b;
    }

    private static float[] download(DeviceBuffer b, int n) {
        float[] v = new float[n];
        gpu.download(b, 0, v, 0, n);
        return v;
    }

    /** A small training-like step on its own buffers, run eagerly or captured and replayed. */
    private static final class Step implements AutoCloseable {
        static final int M = 67, N = 33, K = 19;
        final Device d;
        final DeviceBuffer x, w, bias, z, y, dz, gradW, gradB, mw, vw, noise, ring, total, steps, state;

        Step(Device d, long seed) {
            this.d = d;
            SplittableRandom rng = new SplittableRandom(seed);
            x = put(nonZero(rng, M * K, 1));
            w = put(nonZero(rng, K * N, 0.3));
            bias = put(nonZero(rng, N, 0.1));
            z = put(new float[M * N]);
            y = put(new float[M * N]);
            dz = put(new float[M * N]);
            gradW = put(new float[K * N]);
            gradB = put(new float[N]);
            mw = put(new float[K * N]);
            vw = put(new float[K * N]);
            noise = put(new float[M * K]);
            ring = put(new float[4 * N]);
            total = put(new float[1]);
            steps = d.allocate(DeviceBuffer.Kind.INT, 1);
            state = d.allocate(DeviceBuffer.Kind.LONG, 2);
            d.upload(new long[] {seed * 31 + 7, 5}, 0, state, 0, 2);
        }

        private DeviceBuffer put(float[] v) {
            DeviceBuffer b = d.allocate(DeviceBuffer.Kind.FLOAT, v.length);
            d.upload(v, 0, b, 0, v.length);
            return b;
        }

        void launch() {
            d.increment(steps, 0);
            d.randomNormal(state, 0, M * K, noise, 0);
            d.advance(state, 0, 2L * M * K);
            d.axpy(M * K, 0.01f, noise, 0, x, 0);
            d.dense(1, M, N, K, x, 0, 0, w, 0, bias, 0, Activation.TANH, z, 0, y, 0);
            d.sum(M * N, y, 0, 1f / (M * N), total, 0);
            d.activationBackward(Activation.TANH, M * N, z, 0, y, 0, y, 0, dz, 0);
            d.gemm(1, true, false, K, N, M, 1f, x, 0, 0, dz, 0, 0, 0f, gradW, 0, 0);
            d.columnSums(1, M, N, dz, 0, gradB, 0, false);
            d.adam(K * N, w, 0, gradW, 0, mw, vw, 0, null, 1e-3f, 0.9f, 0.999f, 1e-8f, steps, 0);
            d.copyToRing(N, gradB, 0, ring, 4, steps, 0);
        }

        List<float[]> floats() {
            List<float[]> out = new ArrayList<>();
            for (DeviceBuffer b : new DeviceBuffer[] {x, w, bias, z, y, dz, gradW, gradB, mw, vw, noise, ring, total}) {
                float[] v = new float[b.length()];
                d.download(b, 0, v, 0, v.length);
                out.add(v);
            }
            return out;
        }

        long[] counters() {
            int[] s = new int[1];
            long[] st = new long[2];
            d.download(steps, 0, s, 0, 1);
            d.download(state, 0, st, 0, 2);
            return new long[] {s[0], st[0], st[1]};
        }

        @Override
        public void close() {
            for (DeviceBuffer b : new DeviceBuffer[] {x, w, bias, z, y, dz, gradW, gradB, mw, vw, noise, ring, total, steps, state}) b.close();
        }
    }

    @Test
    void replayedGraphEqualsEagerLaunches() {
        try (Step eager = new Step(gpu, 5); Step captured = new Step(gpu, 5)) {
            List<float[]> initial = captured.floats();
            try (Graph g = gpu.capture(captured::launch)) {
                List<float[]> afterCapture = captured.floats();
                for (int i = 0; i < initial.size(); i++) assertArrayEquals(initial.get(i), afterCapture.get(i), "capture ran a kernel");
                for (int r = 0; r < 3; r++) {
                    eager.launch();
                    g.replay();
                }
            }
            assertArrayEquals(eager.counters(), captured.counters(), "counters");
            List<float[]> a = eager.floats(), b = captured.floats();
            for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), "buffer " + i);
        }
    }

    /** The same step on the host reference: close after three steps (the GPU's sums round differently). */
    @Test
    void trainingStepMatchesHost() {
        try (Step h = new Step(host, 6); Step g = new Step(gpu, 6)) {
            for (int r = 0; r < 3; r++) {
                h.launch();
                g.launch();
            }
            assertArrayEquals(h.counters(), g.counters(), "counters");
            List<float[]> a = h.floats(), b = g.floats();
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < a.get(i).length; j++) {
                    float want = a.get(i)[j], got = b.get(i)[j];
                    if (!(Math.abs(got - want) <= 1e-3 * (1 + Math.abs(want)))) {
                        fail("buffer " + i + " element " + j + ": gpu " + got + ", host " + want);
                    }
                }
            }
        }
    }
}
