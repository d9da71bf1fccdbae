package org.vaml4j.kernel.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.Activation;
import org.vaml4j.rl.Rng;

/** {@link HostDevice} follows {@link Device}'s javadoc: the reference the CUDA kernels are tested against. */
class HostDeviceTest {

    private final HostDevice d = new HostDevice();

    @AfterEach
    void close() {
        d.close();
    }

    private DeviceBuffer floats(float... v) {
        DeviceBuffer b = d.allocate(DeviceBuffer.Kind.FLOAT, v.length);
        d.upload(v, 0, b, 0, v.length);
        return b;
    }

    private DeviceBuffer ints(int... v) {
        DeviceBuffer b = d.allocate(DeviceBuffer.Kind.INT, v.length);
        d.upload(v, 0, b, 0, v.length);
        return b;
    }

    private DeviceBuffer longs(long... v) {
        DeviceBuffer b = d.allocate(DeviceBuffer.Kind.LONG, v.length);
        d.upload(v, 0, b, 0, v.length);
        return b;
    }

    private float[] get(DeviceBuffer b) {
        float[] v = new float[b.length()];
        d.download(b, 0, v, 0, v.length);
        return v;
    }

    private int[] getInts(DeviceBuffer b) {
        int[] v = new int[b.length()];
        d.download(b, 0, v, 0, v.length);
        return v;
    }

    private long[] getLongs(DeviceBuffer b) {
        long[] v = new long[b.length()];
        d.download(b, 0, v, 0, v.length);
        return v;
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextDouble(-1, 1);
        return v;
    }

    @Test
    void randomIndicesAreTheRngSequenceMappedToTheBound() {
        long key = 0x1234_5678_9abc_def0L;
        int pos = 11, n = 50, bound = 1000;
        DeviceBuffer state = longs(99, 98, key, pos), bounds = ints(bound), out = ints(new int[n]);
        d.randomIndices(state, 1, n, bounds, 0, out, 0);
        Rng rng = new Rng(key);
        for (int i = 0; i < pos; i++) rng.nextLong();
        int[] want = new int[n];
        for (int i = 0; i < n; i++) want[i] = (int) (((rng.nextLong() >>> 32) * bound) >>> 32);
        assertArrayEquals(want, getInts(out));
        assertArrayEquals(new long[] {99, 98, key, pos}, getLongs(state), "randomIndices does not move the position");
        d.advance(state, 1, n);
        assertEquals(pos + n, getLongs(state)[3]);
    }

    @Test
    void randomNormalIsBoxMullerOnConsecutiveDraws() {
        long key = -77;
        int pos = 3, n = 20;
        DeviceBuffer state = longs(key, pos), out = floats(new float[n]);
        d.randomNormal(state, 0, n, out, 0);
        Rng rng = new Rng(key);
        for (int i = 0; i < pos; i++) rng.nextLong();
        float[] got = get(out);
        for (int i = 0; i < n; i++) {
            double u1 = ((rng.nextLong() >>> 11) + 1) * 0x1.0p-53, u2 = (rng.nextLong() >>> 11) * 0x1.0p-53;
            assertEquals((float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)), got[i], 1e-6f * (1 + Math.abs(got[i])));
        }
    }

    @Test
    void denseIsGemmPlusBiasThenActivation() {
        SplittableRandom rng = new SplittableRandom(1);
        int batch = 3, m = 5, n = 7, k = 4;
        DeviceBuffer x = floats(random(rng, m * k)), w = floats(random(rng, batch * k * n)), bias = floats(random(rng, batch * n));
        DeviceBuffer y = floats(new float[batch * m * n]), z = floats(new float[batch * m * n]), c = floats(new float[batch * m * n]);
        d.dense(batch, m, n, k, x, 0, 0, w, 0, bias, 0, Activation.SILU, z, 0, y, 0);
        d.gemm(batch, false, false, m, n, k, 1f, x, 0, 0, w, 0, k * n, 0f, c, 0, m * n);
        float[] cv = get(c), bv = get(bias), yv = get(y), zv = get(z);
        for (int e = 0; e < batch; e++) {
            for (int i = 0; i < m * n; i++) {
                float pre = cv[e * m * n + i] + bv[e * n + i % n];
                assertEquals(pre, zv[e * m * n + i]);
                assertEquals(Activation.SILU.apply(pre), yv[e * m * n + i]);
            }
        }
    }

    @Test
    void gemmOverwritesWithBetaZeroAndScalesWithKZero() {
        DeviceBuffer a = floats(1, 2, 3, 4), b = floats(5, 6, 7, 8), c = floats(Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        d.gemm(1, false, false, 2, 2, 2, 1f, a, 0, 0, b, 0, 0, 0f, c, 0, 0);
        assertArrayEquals(new float[] {19, 22, 43, 50}, get(c));
        d.gemm(1, true, true, 2, 2, 2, 0.5f, a, 0, 0, b, 0, 0, 1f, c, 0, 0);   // A^T B^T = [[23, 31], [34, 46]]
        assertArrayEquals(new float[] {19 + 11.5f, 22 + 15.5f, 43 + 17, 50 + 23}, get(c));
        d.gemm(1, false, false, 2, 2, 0, 1f, a, 0, 0, b, 0, 0, 2f, c, 0, 0);
        assertArrayEquals(new float[] {61, 75, 120, 146}, get(c));
    }

    /** The captured body runs nothing; each replay runs the recorded launches with the recorded scalars. */
    @Test
    void captureRecordsAndReplayEqualsEagerLaunches() {
        SplittableRandom rng = new SplittableRandom(2);
        float[] init = random(rng, 64);
        DeviceBuffer eagerX = floats(init), graphX = floats(init), eagerY = floats(new float[64]), graphY = floats(new float[64]);
        DeviceBuffer eagerSteps = ints(0), graphSteps = ints(0), m = floats(new float[64]), v = floats(new float[64]);
        DeviceBuffer m2 = floats(new float[64]), v2 = floats(new float[64]);
        float[] alpha = {0.5f};
        Graph g = d.capture(() -> {
            d.increment(graphSteps, 0);
            d.axpy(64, alpha[0], graphX, 0, graphY, 0);
            d.adam(64, graphX, 0, graphY, 0, m2, v2, 0, null, 1e-2f, 0.9f, 0.999f, 1e-8f, graphSteps, 0);
        });
        assertArrayEquals(new int[] {0}, getInts(graphSteps), "capture must not run the kernels");
        assertArrayEquals(new float[64], get(graphY));
        alpha[0] = 7f;   // the graph keeps the scalar of the capture
        for (int r = 0; r < 3; r++) {
            g.replay();
            d.increment(eagerSteps, 0);
            d.axpy(64, 0.5f, eagerX, 0, eagerY, 0);
            d.adam(64, eagerX, 0, eagerY, 0, m, v, 0, null, 1e-2f, 0.9f, 0.999f, 1e-8f, eagerSteps, 0);
        }
        assertArrayEquals(getInts(eagerSteps), getInts(graphSteps));
        assertArrayEquals(get(eagerX), get(graphX));
        assertArrayEquals(get(eagerY), get(graphY));
        g.close();
        assertThrows(IllegalStateException.class, g::replay);
    }

    @Test
    void transfersAreRejectedInsideCapture() {
        DeviceBuffer x = floats(1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.capture(() -> d.upload(new float[2], 0, x, 0, 2)));
        assertTrue(e.getMessage().contains("not allowed inside capture"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> d.capture(d::synchronize));
        d.upload(new float[] {3, 4}, 0, x, 0, 2);   // capture ended: transfers work again
        assertArrayEquals(new float[] {3, 4}, get(x));
    }

    @Test
    void badCallsThrowWithAClearMessage() {
        DeviceBuffer f = floats(new float[10]), i = ints(new int[10]);
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> d.axpy(3, 1f, i, 0, f, 0));
        assertTrue(kind.getMessage().contains("axpy x") && kind.getMessage().contains("needs a FLOAT buffer"), kind.getMessage());
        IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class, () -> d.axpy(5, 1f, f, 6, f, 0));
        assertTrue(bounds.getMessage().contains("[6, 11) outside a buffer of 10"), bounds.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.gemm(1, false, false, 2, 2, 2, 1f, f, 0, -1, f, 0, 0, 0f, f, 6, 0));
        IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
                () -> d.gemm(1, false, false, 2, 2, 2, 1f, f, 0, 0, f, 0, 0, 0f, f, 2, 0));
        assertTrue(alias.getMessage().contains("overlaps"), alias.getMessage());
        DeviceBuffer big = floats(new float[40]);
        IllegalArgumentException overlapC = assertThrows(IllegalArgumentException.class,
                () -> d.gemm(2, false, false, 2, 2, 2, 1f, f, 0, 4, f, 0, 0, 0f, big, 0, 3));
        assertTrue(overlapC.getMessage().contains("C matrices overlap"), overlapC.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.copyToRing(2, f, 0, f, 0, i, 0));
        assertThrows(IllegalArgumentException.class, () -> d.memberMse(1, 1, 3, f, 2, f, f, f));
        assertThrows(IllegalArgumentException.class, () -> d.concatColumns(2, f, 0, 3, 2, f, 0, 1, 1, f, 0));
        assertThrows(IllegalArgumentException.class,
                () -> d.dense(1, 1, 2, 2, f, 0, 0, f, 2, f, 4, Activation.RELU, null, 0, f, 0));
        try (HostDevice other = new HostDevice()) {
            DeviceBuffer foreign = other.allocate(DeviceBuffer.Kind.FLOAT, 10);
            IllegalArgumentException owner = assertThrows(IllegalArgumentException.class, () -> d.axpy(1, 1f, foreign, 0, f, 0));
            assertTrue(owner.getMessage().contains("another device"), owner.getMessage());
        }
        DeviceBuffer steps = ints(0), p = floats(1), g = floats(1), m = floats(0), v = floats(0);
        IllegalStateException noStep = assertThrows(IllegalStateException.class,
                () -> d.adam(1, p, 0, g, 0, m, v, 0, null, 1e-3f, 0.9f, 0.999f, 1e-8f, steps, 0));
        assertTrue(noStep.getMessage().contains("increment it before"), noStep.getMessage());
    }

    @Test
    void smallKernelsFollowTheirFormulas() {
        DeviceBuffer q = floats(1, 5, -2, 3, 5, -4), mq = floats(0, 0, 0), dq = floats(9, 9, 9, 9, 9, 9);
        d.minQ(3, q, 0, 0.25f, mq, 0, dq, 0);
        assertArrayEquals(new float[] {1, 5, -4}, get(mq));
        assertArrayEquals(new float[] {0.25f, 0.25f, 0, 0, 0, 0.25f}, get(dq), "a tie goes to the first critic");

        DeviceBuffer ring = floats(new float[6]), src = floats(7, 8), counters = ints(5);
        d.copyToRing(2, src, 0, ring, 3, counters, 0);   // row (5 - 1) mod 3 = 1
        assertArrayEquals(new float[] {0, 0, 7, 8, 0, 0}, get(ring));

        DeviceBuffer x = floats(1, 2, 3, 4, 5, 6), sums = floats(100, 100, 100);
        d.columnSums(1, 2, 3, x, 0, sums, 0, true);
        assertArrayEquals(new float[] {105, 107, 109}, get(sums));
        DeviceBuffer total = floats(0);
        d.sum(6, x, 0, 0.5f, total, 0);
        assertEquals(10.5f, get(total)[0]);
    }
}
