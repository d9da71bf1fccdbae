package org.vaml4j.kernel;

import org.vaml4j.kernel.ElementwiseJob.Kind;

/**
 * SIMD backend on {@code jdk.incubator.vector}: packed, register- and cache-blocked gemm
 * ({@link PackedGemm}), SIMD elementwise loops with a scalar tail ({@link VectorLoops}), and a
 * team of {@code threads} threads owned by this instance ({@link WorkerPool}) for calls above a
 * size threshold. Small calls (below {@link #PACKED_GEMM_MACS}, {@link #SIMD_ELEMENTS}) run plain
 * loops ({@link SmallGemm}, the scalar reference), which C2 auto-vectorizes: the Vector API does
 * not pay off there, and its values are boxed until the JIT has compiled a path with C2, which
 * would make a short training run allocate.
 *
 * <p>Results do not depend on the thread count: each output element is computed by one thread,
 * in the same order as a single-threaded call (see {@link GemmJob}, {@link ElementwiseJob}).
 * They differ from {@link ScalarKernels} by rounding only, in gemm: it sums in a different order
 * (FMA, k blocks of {@link PackedGemm#KC}). Elementwise functions give the reference's bits
 * ({@link VectorMath} computes {@link FloatMath}'s exp/log/tanh lane for lane).
 *
 * <p>The team serves one calling thread at a time. A second thread calling concurrently does its
 * work alone (same result; gemm then allocates its scratch for that call). Steady-state calls
 * allocate nothing. {@link #close()} stops the worker threads (they are daemons, so forgetting it
 * does not keep the JVM alive).
 */
public final class VectorKernels implements Kernels, AutoCloseable {

    /** Multiply-adds (m*n*k) of one product from which it runs packed on the SIMD micro-kernel. */
    static final long PACKED_GEMM_MACS = 1L << 16;
    /** Elements from which elementwise calls use the Vector API loops (below: plain loops). */
    static final int SIMD_ELEMENTS = 1 << 14;
    /** Multiply-adds (batch*m*n*k) from which a gemm is split over threads. */
    static final long PARALLEL_GEMM_MACS = 1L << 19;
    /** Elements from which an elementwise call or reduction is split over threads. */
    static final int PARALLEL_ELEMENTS = 1 << 16;

    private final ScalarKernels scalar = new ScalarKernels();
    private final int threads;
    private final long packedGemmMacs;
    private final int simdElements;
    private final WorkerPool pool;
    private final GemmJob gemmJob;
    private final ElementwiseJob mapJob;

    /** @param threads threads a large call may use, the caller included (>= 1) */
    public VectorKernels(int threads) {
        this(threads, PACKED_GEMM_MACS, SIMD_ELEMENTS);
    }

    /** With other small-call thresholds; tests pass 0 to run the SIMD paths on small ragged sizes. */
    VectorKernels(int threads, long packedGemmMacs, int simdElements) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.packedGemmMacs = packedGemmMacs;
        this.simdElements = simdElements;
        this.pool = new WorkerPool(threads);
        this.gemmJob = new GemmJob(threads);
        this.mapJob = new ElementwiseJob();
    }

    @Override public String name() { return "vector"; }

    @Override public int lanes() { return PackedGemm.L; }

    /** Threads this backend may use, the caller included. */
    public int threads() { return threads; }

    /** Stops the worker threads; later calls run on the calling thread. */
    @Override
    public void close() {
        pool.close();
    }

    // ---- matrix products ----

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                     float[] b, int bOff, float beta, float[] c, int cOff) {
        gemmBatched(1, transA, transB, m, n, k, alpha, a, aOff, 0, b, bOff, 0, beta, c, cOff, 0);
    }

    @Override
    public void gemmBatched(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float beta,
                            float[] c, int cOff, int cStride) {
        if (batch < 0 || m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must be >= 0, got batch=" + batch
                    + " m=" + m + " n=" + n + " k=" + k);
        }
        if (batch == 0 || m == 0 || n == 0) return;
        if ((long) m * n * k < packedGemmMacs) {
            for (int e = 0; e < batch; e++) {
                SmallGemm.gemm(transA, transB, m, n, k, alpha, a, aOff + e * aStride, b, bOff + e * bStride,
                        beta, c, cOff + e * cStride);
            }
            return;
        }
        if (!pool.tryAcquire()) {
            GemmJob.runAlone(batch, transA, transB, m, n, k, alpha, a, aOff, aStride, b, bOff, bStride,
                    beta, c, cOff, cStride);
            return;
        }
        try {
            boolean parallel = (long) batch * m * n * k >= PARALLEL_GEMM_MACS;
            int parts = parallel ? threads : 1;
            gemmJob.set(batch, transA, transB, m, n, k, alpha, a, aOff, aStride, b, bOff, bStride,
                    beta, c, cOff, cStride, parts);
            if (parallel) pool.run(gemmJob);
            else gemmJob.run(0, 1);
        } finally {
            gemmJob.clear();
            pool.release();
        }
    }

    // ---- fused forward of a dense layer ----

    @Override
    public void biasActivation(Activation act, int rows, int cols, float[] x, int xOff, float[] bias, int biasOff,
                               float[] y, int yOff) {
        if ((long) rows * cols < simdElements) {
            scalar.biasActivation(act, rows, cols, x, xOff, bias, biasOff, y, yOff);
            return;
        }
        if (!parallel((long) rows * cols, rows)) {
            VectorLoops.biasActivation(act, 0, rows, cols, x, xOff, bias, biasOff, y, yOff);
            return;
        }
        mapJob.set(Kind.BIAS_ACTIVATION, null, null, act, 0, rows, cols, 0f, false,
                x, xOff, bias, biasOff, y, yOff, null, 0);
        runMap();
    }

    // ---- elementwise ----

    @Override
    public void unary(Unary f, int n, float[] x, int xOff, float[] y, int yOff) {
        if (n < simdElements) {
            scalar.unary(f, n, x, xOff, y, yOff);
            return;
        }
        if (!parallel(n, n)) {
            VectorLoops.unary(f, n, x, xOff, y, yOff);
            return;
        }
        mapJob.set(Kind.UNARY, f, null, null, n, 0, 0, 0f, false, x, xOff, y, yOff, null, 0, null, 0);
        runMap();
    }

    @Override
    public void binary(Binary f, int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        if (n < simdElements) {
            scalar.binary(f, n, x, xOff, y, yOff, z, zOff);
            return;
        }
        if (!parallel(n, n)) {
            VectorLoops.binary(f, n, x, xOff, y, yOff, z, zOff);
            return;
        }
        mapJob.set(Kind.BINARY, null, f, null, n, 0, 0, 0f, false, x, xOff, y, yOff, z, zOff, null, 0);
        runMap();
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        if (n < simdElements) {
            scalar.axpy(n, alpha, x, xOff, y, yOff);
            return;
        }
        if (!parallel(n, n)) {
            VectorLoops.axpy(n, alpha, x, xOff, y, yOff);
            return;
        }
        mapJob.set(Kind.AXPY, null, null, null, n, 0, 0, alpha, false, x, xOff, y, yOff, null, 0, null, 0);
        runMap();
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        if (n < simdElements) {
            scalar.scale(n, alpha, x, xOff);
            return;
        }
        if (!parallel(n, n)) {
            VectorLoops.scale(n, alpha, x, xOff);
            return;
        }
        mapJob.set(Kind.SCALE, null, null, null, n, 0, 0, alpha, false, x, xOff, null, 0, null, 0, null, 0);
        runMap();
    }

    @Override
    public void fill(int n, float value, float[] x, int xOff) {
        if (n < simdElements) {
            scalar.fill(n, value, x, xOff);
            return;
        }
        if (!parallel(n, n)) {
            VectorLoops.fill(n, value, x, xOff);
            return;
        }
        mapJob.set(Kind.FILL, null, null, null, n, 0, 0, value, false, x, xOff, null, 0, null, 0, null, 0);
        runMap();
    }

    @Override
    public void activationBackward(Activation act, int n, float[] x, int xOff, float[] y, int yOff, float[] dy,
                                   int dyOff, float[] dx, int dxOff) {
        if (n < simdElements) {
            scalar.activationBackward(act, n, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
            return;
        }
        if (!parallel(n, n)) {
            VectorLoops.activationBackward(act, n, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
            return;
        }
        mapJob.set(Kind.ACTIVATION_BACKWARD, null, null, act, n, 0, 0, 0f, false,
                x, xOff, y, yOff, dy, dyOff, dx, dxOff);
        runMap();
    }

    // ---- reductions ----

    @Override
    public void columnSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate) {
        if ((long) rows * cols < simdElements) {
            scalar.columnSums(rows, cols, x, xOff, out, outOff, accumulate);
            return;
        }
        if (!parallel((long) rows * cols, cols / PackedGemm.L)) {
            VectorLoops.columnSums(rows, cols, 0, cols, x, xOff, out, outOff, accumulate);
            return;
        }
        mapJob.set(Kind.COLUMN_SUMS, null, null, null, 0, rows, cols, 0f, accumulate,
                x, xOff, out, outOff, null, 0, null, 0);
        runMap();
    }

    @Override
    public void rowSums(int rows, int cols, float[] x, int xOff, float[] out, int outOff, boolean accumulate) {
        if ((long) rows * cols < simdElements) {
            scalar.rowSums(rows, cols, x, xOff, out, outOff, accumulate);
            return;
        }
        if (!parallel((long) rows * cols, rows)) {
            VectorLoops.rowSums(0, rows, cols, x, xOff, out, outOff, accumulate);
            return;
        }
        mapJob.set(Kind.ROW_SUMS, null, null, null, 0, rows, cols, 0f, accumulate,
                x, xOff, out, outOff, null, 0, null, 0);
        runMap();
    }

    /** Double accumulation in index order, as the reference (a scalar chain; exact agreement). */
    @Override
    public double sum(int n, float[] x, int xOff) {
        return scalar.sum(n, x, xOff);
    }

    /** Double accumulation in index order, as the reference (a scalar chain; exact agreement). */
    @Override
    public double dot(int n, float[] x, int xOff, float[] y, int yOff) {
        return scalar.dot(n, x, xOff, y, yOff);
    }

    // ---- threading ----

    /**
     * Whether a call of {@code elements} outputs, cut into at most {@code pieces} independent
     * pieces, is worth splitting, and the team is free. On true the caller holds the team and
     * must call {@link #runMap()} next.
     */
    private boolean parallel(long elements, long pieces) {
        return threads > 1 && elements >= PARALLEL_ELEMENTS && pieces >= threads && pool.tryAcquire();
    }

    /** Runs the filled {@link #mapJob} on the team, then releases it. */
    private void runMap() {
        try {
            pool.run(mapJob);
        } finally {
            mapJob.clear();
            pool.release();
        }
    }
}
