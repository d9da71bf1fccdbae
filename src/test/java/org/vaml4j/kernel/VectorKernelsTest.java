package org.vaml4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Thread-count independence (bit-identical results for 1, 2 and 3 threads, on sizes above the
 * parallel thresholds so the split really happens), concurrent callers, a hand-computed gemm,
 * and input validation.
 */
class VectorKernelsTest {

    /** Runs every split-capable method on fixed inputs and returns all outputs, concatenated. */
    private static List<float[]> workload(Kernels kern) {
        SplittableRandom rng = new SplittableRandom(42);
        List<float[]> out = new ArrayList<>();
        // gemm in all transpose forms: 97x103x61 (> PARALLEL_GEMM_MACS), rows split; and one small
        float[] small = VectorKernelsProperties.random(rng, 30 * 40);
        float[] smallC = new float[900];
        kern.gemm(false, true, 30, 30, 40, 1f, small, 0, small, 0, 0f, smallC, 0);
        out.add(smallC);
        int m = 97, n = 103, k = 61;
        float[] a = VectorKernelsProperties.random(rng, m * k);
        float[] b = VectorKernelsProperties.random(rng, k * n);
        for (int t = 0; t < 4; t++) {
            float[] c = VectorKernelsProperties.random(rng, m * n);
            kern.gemm((t & 1) != 0, (t & 2) != 0, m, n, k, 0.9f, a, 0, b, 0, 0.5f, c, 0);
            out.add(c);
        }
        // short and wide (columns split), k past one packed block
        float[] a2 = VectorKernelsProperties.random(rng, 5 * 300);
        float[] b2 = VectorKernelsProperties.random(rng, 300 * 700);
        float[] c2 = new float[5 * 700];
        kern.gemm(false, false, 5, 700, 300, 1f, a2, 0, b2, 0, 0f, c2, 0);
        out.add(c2);
        // ensemble-shaped batch: 7 x (64 x 50) x 40, with B broadcast
        float[] a3 = VectorKernelsProperties.random(rng, 7 * 64 * 40);
        float[] b3 = VectorKernelsProperties.random(rng, 40 * 50);
        float[] c3 = new float[7 * 64 * 50];
        kern.gemmBatched(7, false, false, 64, 50, 40, 1f, a3, 0, 64 * 40, b3, 0, 0, 0f, c3, 0, 64 * 50);
        out.add(c3);
        // elementwise above PARALLEL_ELEMENTS, length not a multiple of the lanes
        int len = VectorKernels.PARALLEL_ELEMENTS + 4097;
        float[] x = VectorKernelsProperties.random(rng, len);
        float[] y = VectorKernelsProperties.random(rng, len);
        for (Unary f : Unary.values()) {
            float[] r = new float[len];
            kern.unary(f, len, x, 0, r, 0);
            out.add(r);
        }
        for (Binary f : Binary.values()) {
            float[] r = new float[len];
            kern.binary(f, len, x, 0, y, 0, r, 0);
            out.add(r);
        }
        for (Activation act : Activation.values()) {
            float[] dx = y.clone();
            kern.activationBackward(act, len, x, 0, y, 0, x, 0, dx, 0);
            out.add(dx);
            int rows = 263, cols = 251;             // 66013 >= PARALLEL_ELEMENTS
            float[] h = new float[rows * cols];
            kern.biasActivation(act, rows, cols, x, 0, y, 0, h, 0);
            out.add(h);
        }
        float[] z = y.clone();
        kern.axpy(len, 0.3f, x, 0, z, 0);
        kern.scale(len, 1.1f, z, 0);
        out.add(z);
        float[] f = new float[len];
        kern.fill(len, 3f, f, 0);
        out.add(f);
        float[] colSums = new float[251];
        kern.columnSums(263, 251, x, 0, colSums, 0, false);
        out.add(colSums);
        float[] rowSums = new float[263];
        kern.rowSums(263, 251, x, 0, rowSums, 0, false);
        out.add(rowSums);
        return out;
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        List<float[]> reference;
        try (VectorKernels one = new VectorKernels(1)) {
            reference = workload(one);
        }
        for (int threads : new int[] {2, 3}) {
            try (VectorKernels many = new VectorKernels(threads)) {
                for (int repeat = 0; repeat < 2; repeat++) {        // second round: warm pool, reused buffers
                    List<float[]> got = workload(many);
                    for (int i = 0; i < reference.size(); i++) {
                        assertArrayEquals(reference.get(i), got.get(i),
                                "output " + i + " differs with " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void concurrentCallersShareOneInstanceSafely() throws Exception {
        List<float[]> reference;
        try (VectorKernels one = new VectorKernels(1)) {
            reference = workload(one);
        }
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (VectorKernels shared = new VectorKernels(2)) {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) futures.add(callers.submit(() -> workload(shared)));
            for (Future<List<float[]>> fut : futures) {
                List<float[]> got = fut.get();
                for (int i = 0; i < reference.size(); i++) assertArrayEquals(reference.get(i), got.get(i));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void gemmHandComputed() {
        try (VectorKernels v = new VectorKernels(1)) {
            // [1 2; 3 4] [5 6; 7 8] = [19 22; 43 50]; then C = 2 AB + 1 C with C = ones
            float[] a = {1, 2, 3, 4};
            float[] b = {5, 6, 7, 8};
            float[] c = {1, 1, 1, 1};
            v.gemm(false, false, 2, 2, 2, 2f, a, 0, b, 0, 1f, c, 0);
            assertArrayEquals(new float[] {39, 45, 87, 101}, c);
            // A^T B with A = [1 2; 3 4] stored: A^T = [1 3; 2 4] -> [26 30; 38 44]
            v.gemm(true, false, 2, 2, 2, 1f, a, 0, b, 0, 0f, c, 0);
            assertArrayEquals(new float[] {26, 30, 38, 44}, c);
            // A B^T -> [1*5+2*6, 1*7+2*8; 3*5+4*6, 3*7+4*8] = [17 23; 39 53]
            v.gemm(false, true, 2, 2, 2, 1f, a, 0, b, 0, 0f, c, 0);
            assertArrayEquals(new float[] {17, 23, 39, 53}, c);
            // k = 0: C = beta C
            v.gemm(false, false, 2, 2, 0, 1f, a, 0, b, 0, 0.5f, c, 0);
            assertArrayEquals(new float[] {8.5f, 11.5f, 19.5f, 26.5f}, c);
        }
    }

    @Test
    void negativeSizesAreRejectedWithTheirNames() {
        try (VectorKernels v = new VectorKernels(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> v.gemm(false, false, -1, 2, 2, 1f, new float[4], 0, new float[4], 0, 0f, new float[4], 0));
            assertTrue(e.getMessage().contains("m=-1"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VectorKernels(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        try (VectorKernels v = new VectorKernels(2)) {
            float[] a = new float[300 * 300];
            float[] c = new float[300 * 300];
            // B too short: some part runs off its end; the caller must see the exception
            assertThrows(IndexOutOfBoundsException.class,
                    () -> v.gemm(false, false, 300, 300, 300, 1f, a, 0, new float[10], 0, 0f, c, 0));
            // and the team still works afterwards
            v.gemm(false, false, 300, 300, 300, 1f, a, 0, a, 0, 0f, c, 0);
        }
    }
}
