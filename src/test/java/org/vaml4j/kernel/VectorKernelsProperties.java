package org.vaml4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link VectorKernels} (one thread, forced onto its SIMD paths; the gemm property also checks the
 * default small-size path) against the {@link ScalarKernels} oracle over ragged sizes:
 * 0, 1, primes, fewer than the lanes, not multiples of the lanes or of the gemm micro-tile, and
 * k past one packed block ({@link PackedGemm#KC}).
 *
 * <p>Tolerances. gemm: both results carry at most (k + 2) float roundings of the terms, so
 * |vector - scalar| <= 2 (k + 2) eps (|alpha| sum_p |a_ip b_pj| + |beta c_ij|). Elementwise:
 * the same bits, every function (neg, abs, square, sqrt, relu, identity, every {@link Binary},
 * axpy, scale, fill, columnSums, and exp, log, tanh, sigmoid, SiLU, softplus and their derivatives:
 * {@link VectorMath} computes {@link FloatMath} lane for lane), on every JDK.
 */
class VectorKernelsProperties {

    private static final float EPS = Math.ulp(1f);
    private final ScalarKernels scalar = new ScalarKernels();
    /** Small-call thresholds 0: every call takes the SIMD path (packed gemm, Vector API loops). */
    private final VectorKernels vector = new VectorKernels(1, 0, 0);
    /** Default thresholds: small calls take the plain-loop path. */
    private final VectorKernels defaults = new VectorKernels(1);

    @Provide
    Arbitrary<Integer> ragged() {
        return Arbitraries.of(0, 1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 23, 24, 25, 31, 33, 47, 64, 71);
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.of(0, 1, 2, 3, 7, 8, 13, 17, 33, 64, 255, 257, 300);
    }

    @Provide
    Arbitrary<Float> betas() {
        return Arbitraries.of(0f, 1f, -0.7f);
    }

    // ---- gemm ----

    @Property(tries = 300)
    void gemmMatchesScalar(@ForAll("ragged") int m, @ForAll("ragged") int n, @ForAll("depth") int k,
                           @ForAll boolean transA, @ForAll boolean transB, @ForAll("betas") float beta,
                           @ForAll @IntRange(max = 3) int off, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float alpha = rng.nextBoolean() ? 1f : -1.5f;
        float[] a = random(rng, off + m * k);
        float[] b = random(rng, off + k * n);
        float[] c = random(rng, off + m * n);
        if (beta == 0f) java.util.Arrays.fill(c, off, c.length, Float.NaN);  // must be overwritten
        float[] expect = c.clone();
        float[] got = c.clone();
        scalar.gemm(transA, transB, m, n, k, alpha, a, off, b, off, beta, expect, off);
        vector.gemm(transA, transB, m, n, k, alpha, a, off, b, off, beta, got, off);
        float[] bound = abs(c);
        scalar.gemm(transA, transB, m, n, k, Math.abs(alpha), abs(a), off, abs(b), off, Math.abs(beta), bound, off);
        assertGemmClose(expect, got, bound, k, "gemm tA=" + transA + " tB=" + transB + " " + m + "x" + n + "x" + k);
        float[] small = c.clone();
        defaults.gemm(transA, transB, m, n, k, alpha, a, off, b, off, beta, small, off);
        assertGemmClose(expect, small, bound, k, "small gemm tA=" + transA + " tB=" + transB + " " + m + "x" + n + "x" + k);
        for (int i = 0; i < off; i++) assertEquals(c[i], got[i], "gemm wrote before its offset");
    }

    @Property(tries = 150)
    void gemmBatchedMatchesScalar(@ForAll @IntRange(max = 4) int batch, @ForAll("ragged") int m,
                                  @ForAll("ragged") int n, @ForAll("ragged") int k,
                                  @ForAll boolean transA, @ForAll boolean transB, @ForAll("betas") float beta,
                                  @ForAll @IntRange(max = 2) int broadcast, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int aStride = broadcast == 1 ? 0 : m * k + 1;      // stride 0 shares one A (or B) across the batch
        int bStride = broadcast == 2 ? 0 : k * n + 2;
        int cStride = m * n + 3;
        float[] a = random(rng, 1 + Math.max(1, batch) * (m * k + 1));
        float[] b = random(rng, 2 + Math.max(1, batch) * (k * n + 2));
        float[] c = random(rng, 3 + Math.max(1, batch) * cStride);
        float[] expect = c.clone();
        float[] got = c.clone();
        scalar.gemmBatched(batch, transA, transB, m, n, k, 0.75f, a, 1, aStride, b, 2, bStride, beta, expect, 3, cStride);
        vector.gemmBatched(batch, transA, transB, m, n, k, 0.75f, a, 1, aStride, b, 2, bStride, beta, got, 3, cStride);
        float[] bound = abs(c);
        scalar.gemmBatched(batch, transA, transB, m, n, k, 0.75f, abs(a), 1, aStride, abs(b), 2, bStride,
                Math.abs(beta), bound, 3, cStride);
        assertGemmClose(expect, got, bound, k, "gemmBatched");
    }

    // ---- fused dense forward and elementwise ----

    @Property(tries = 200)
    void biasActivationMatchesScalar(@ForAll Activation act, @ForAll("ragged") int rows, @ForAll("ragged") int cols,
                                     @ForAll @IntRange(max = 3) int off, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = random(rng, off + rows * cols);
        float[] bias = random(rng, off + cols);
        float[] expect = new float[off + rows * cols];
        float[] got = new float[off + rows * cols];
        scalar.biasActivation(act, rows, cols, x, off, bias, off, expect, off);
        vector.biasActivation(act, rows, cols, x, off, bias, off, got, off);
        assertSameBits(expect, got, "biasActivation " + act);
    }

    @Property(tries = 300)
    void unaryMatchesScalar(@ForAll Unary f, @ForAll("ragged") int n, @ForAll @IntRange(max = 3) int off,
                            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = random(rng, off + n);
        if (f == Unary.LOG || f == Unary.SQRT) for (int i = 0; i < x.length; i++) x[i] = Math.abs(x[i]) + 1e-3f;
        float[] expect = new float[n + off];
        float[] got = new float[n + off];
        scalar.unary(f, n, x, off, expect, off);
        vector.unary(f, n, x, off, got, off);
        assertSameBits(expect, got, "unary " + f);
    }

    @Property(tries = 200)
    void binaryMatchesScalarExactly(@ForAll Binary f, @ForAll("ragged") int n, @ForAll @IntRange(max = 3) int off,
                                    @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = random(rng, off + n);
        float[] y = random(rng, off + n);
        if (n > 0) y[off] = -0f;                           // MIN/MAX must order -0 below +0
        float[] expect = new float[n + off];
        float[] got = new float[n + off];
        scalar.binary(f, n, x, off, y, off, expect, off);
        vector.binary(f, n, x, off, y, off, got, off);
        assertSameBits(expect, got, "binary " + f);
    }

    @Property(tries = 100)
    void axpyScaleFillMatchScalarExactly(@ForAll("ragged") int n, @ForAll @IntRange(max = 3) int off, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = random(rng, off + n);
        float[] y = random(rng, off + n);
        float[] expect = y.clone();
        float[] got = y.clone();
        scalar.axpy(n, -0.3f, x, off, expect, off);
        vector.axpy(n, -0.3f, x, off, got, off);
        assertSameBits(expect, got, "axpy");
        scalar.scale(n, 1.7f, expect, off);
        vector.scale(n, 1.7f, got, off);
        assertSameBits(expect, got, "scale");
        scalar.fill(n, 2.5f, expect, off);
        vector.fill(n, 2.5f, got, off);
        assertSameBits(expect, got, "fill");
    }

    @Property(tries = 200)
    void activationBackwardMatchesScalar(@ForAll Activation act, @ForAll("ragged") int n,
                                         @ForAll @IntRange(max = 3) int off, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = random(rng, off + n);
        float[] y = new float[off + n];
        for (int i = 0; i < x.length; i++) y[i] = act.apply(x[i]);
        float[] dy = random(rng, off + n);
        float[] dx = random(rng, off + n);
        float[] expect = dx.clone();
        float[] got = dx.clone();
        scalar.activationBackward(act, n, x, off, y, off, dy, off, expect, off);
        vector.activationBackward(act, n, x, off, y, off, dy, off, got, off);
        assertSameBits(expect, got, "activationBackward " + act);
    }

    /** Lengths around lane, register-count and thread-split boundaries, on 1-3 threads. */
    @Property(tries = 60)
    void activationBackwardMatchesScalarAcrossChunksAndThreads(
            @ForAll Activation act, @ForAll("chunked") int n, @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = random(rng, n);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = act.apply(x[i]);
        float[] dy = random(rng, n);
        float[] expect = random(rng, n);
        float[] got = expect.clone();
        scalar.activationBackward(act, n, x, 0, y, 0, dy, 0, expect, 0);
        try (VectorKernels v = new VectorKernels(threads, 0, 0)) {
            v.activationBackward(act, n, x, 0, y, 0, dy, 0, got, 0);
        }
        assertSameBits(expect, got, "activationBackward " + act + " n=" + n + " threads=" + threads);
    }

    @Provide
    Arbitrary<Integer> chunked() {
        return Arbitraries.of(511, 512, 513, 1033, VectorKernels.PARALLEL_ELEMENTS + 4097);
    }

    // ---- reductions ----

    @Property(tries = 200)
    void sumsMatchScalar(@ForAll("ragged") int rows, @ForAll("ragged") int cols, @ForAll boolean accumulate,
                         @ForAll @IntRange(max = 3) int off, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = random(rng, off + rows * cols);
        float[] colExpect = random(rng, off + cols);
        float[] colGot = colExpect.clone();
        scalar.columnSums(rows, cols, x, off, colExpect, off, accumulate);
        vector.columnSums(rows, cols, x, off, colGot, off, accumulate);
        assertSameBits(colExpect, colGot, "columnSums");       // same order per column: exact
        float[] rowExpect = random(rng, off + rows);
        float[] rowGot = rowExpect.clone();
        scalar.rowSums(rows, cols, x, off, rowExpect, off, accumulate);
        vector.rowSums(rows, cols, x, off, rowGot, off, accumulate);
        assertClose(rowExpect, rowGot, 2.0 * (cols + 2) * EPS * 4 * (cols + 1), "rowSums");
        assertEquals(scalar.sum(rows * cols, x, off), vector.sum(rows * cols, x, off), "sum");
        assertEquals(scalar.dot(rows * cols, x, off, x, off), vector.dot(rows * cols, x, off, x, off), "dot");
    }

    // ---- helpers ----

    /** Values in [-4, 4): large enough to exercise saturating activations, small enough for exp. */
    static float[] random(SplittableRandom rng, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (float) (rng.nextDouble() * 8 - 4);
        return v;
    }

    /** Same bits (NaNs compare equal). */
    private static void assertSameBits(float[] expect, float[] got, String what) {
        for (int i = 0; i < expect.length; i++) {
            if (Float.floatToIntBits(expect[i]) != Float.floatToIntBits(got[i])) {
                fail(what + " at " + i + ": vector " + got[i] + " scalar " + expect[i]);
            }
        }
    }

    /** |got - expect| <= 2 (k + 2) eps bound, bound = |alpha| |A||B| + |beta| |C| (see class doc). */
    private static void assertGemmClose(float[] expect, float[] got, float[] bound, int k, String what) {
        for (int i = 0; i < expect.length; i++) {
            double tol = 2.0 * (k + 2) * EPS * bound[i] * 1.01;
            boolean same = Float.floatToIntBits(expect[i]) == Float.floatToIntBits(got[i]);
            if (!same && !(Math.abs(expect[i] - got[i]) <= tol)) {
                fail(what + " at " + i + ": vector " + got[i] + " scalar " + expect[i] + " tol " + tol);
            }
        }
    }

    private static float[] abs(float[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Math.abs(v[i]);
        return r;
    }

    /** |got - expect| <= tol * max(1, |expect|) elementwise. */
    private static void assertClose(float[] expect, float[] got, double tol, String what) {
        for (int i = 0; i < expect.length; i++) {
            if (!(Math.abs(expect[i] - got[i]) <= tol * Math.max(1, Math.abs(expect[i])))) {
                fail(what + " at " + i + ": vector " + got[i] + " scalar " + expect[i] + " tol " + tol);
            }
        }
    }
}
