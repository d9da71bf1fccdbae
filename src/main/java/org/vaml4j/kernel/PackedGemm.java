package org.vaml4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Cache- and register-blocked single-precision gemm on packed panels (the Goto/BLIS scheme):
 * {@code C = alpha * op(A) * op(B) + beta * C} over one rectangle of C.
 *
 * <pre>
 * for jc over n in NC columns            B block (KC x NC) lives in L2/L3
 *   for pc over k in KC steps            (fixed order: the k-sum of every C element is the same
 *     pack B(pc, jc) -> NR-wide panels    whichever rectangle or thread computes it)
 *     for ic over m in MC rows            A block (MC x KC) lives in L2
 *       pack A(ic, pc) -> MR-tall panels
 *       for jr over NR panels, ir over MR panels:  C(ir, jr) (+)= A panel * B panel  (MR x NR registers)
 * </pre>
 *
 * The micro-kernel keeps an (MR x NR) = (3 x 3 registers) tile of C in 9 vector registers: one
 * broadcast of A per row feeds 3 FMAs per k step. Measured with C2 on AVX2 (JDK 17 and 25), this
 * shape runs ~2x faster than the textbook 6 x 16: with 12 accumulators C2 spills, and the
 * register-to-register broadcasts compete with the FMAs for the FP ports. The last panel of a
 * block may be 1 or 2 registers wide instead of 3, to waste fewer padded columns. Edge tiles use zero-padded panels, so every
 * C element is the same chain of FMAs over k as in a full tile: results do not depend on how C
 * is split into rectangles. All scratch lives in a {@link Workspace} that the caller keeps.
 */
final class PackedGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Micro-tile: MR rows of C by NR = 3 registers of columns (3 x 24 with AVX2). */
    static final int MR = 3;
    static final int NR = 3 * L;
    /** k-depth of one packed block; fixed, so the summation order never depends on threads. */
    static final int KC = 256;
    /** Rows of A packed at once (A block MC x KC = 120 KiB, in L2). */
    static final int MC = 40 * MR;
    /** Columns of B packed at once (B block KC x NC, in L3). */
    static final int NC = 85 * NR;

    private PackedGemm() {}

    /** Per-thread scratch: packed panels and one C tile. Grows to the largest shape, then stays. */
    static final class Workspace {
        float[] aPack = new float[0];   // (ceil(MC/MR) x KC x MR)
        float[] bPack = new float[0];   // (ceil(nc/NR) x KC x NR)
        final float[] tile = new float[MR * NR];   // (MR x NR) accumulators of one micro-tile

        float[] aPack(int size) {
            if (aPack.length < size) aPack = new float[size];
            return aPack;
        }

        float[] bPack(int size) {
            if (bPack.length < size) bPack = new float[size];
            return bPack;
        }
    }

    /**
     * Computes rows [r0, r1) x columns [c0, c1) of C for the gemm described by the arguments
     * (same meaning as {@link Kernels#gemm}).
     */
    static void rectangle(boolean transA, boolean transB, int m, int n, int k, float alpha,
                          float[] a, int aOff, float[] b, int bOff, float beta, float[] c, int cOff,
                          int r0, int r1, int c0, int c1, Workspace ws) {
        if (r0 >= r1 || c0 >= c1) return;
        if (k == 0) {
            scaleRectangle(beta, c, cOff, n, r0, r1, c0, c1);
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        for (int jc = c0; jc < c1; jc += NC) {
            int nc = Math.min(NC, c1 - jc);
            int nPanels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float betaHere = pc == 0 ? beta : 1f;   // later k blocks add onto C
                float[] bp = ws.bPack(nPanels * KC * NR);
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, bp);
                for (int ic = r0; ic < r1; ic += MC) {
                    int mc = Math.min(MC, r1 - ic);
                    int mPanels = (mc + MR - 1) / MR;
                    float[] ap = ws.aPack(mPanels * KC * MR);
                    packA(transA, a, aOff, lda, ic, mc, pc, kc, ap);
                    for (int jp = 0; jp < nPanels; jp++) {
                        int nr = Math.min(NR, nc - jp * NR);
                        int vectors = (nr + L - 1) / L;            // 3, or 1..3 in the last panel
                        for (int ip = 0; ip < mPanels; ip++) {
                            int mr = Math.min(MR, mc - ip * MR);
                            int ai = ip * kc * MR, bi = jp * kc * NR;
                            switch (vectors) {
                                case 3 -> microKernel3(kc, ap, ai, bp, bi, ws.tile);
                                case 2 -> microKernel2(kc, ap, ai, bp, bi, ws.tile);
                                default -> microKernel1(kc, ap, ai, bp, bi, ws.tile);
                            }
                            storeTile(ws.tile, mr, nr, alpha, betaHere, c,
                                    cOff + (ic + ip * MR) * n + jc + jp * NR, n);
                        }
                    }
                }
            }
        }
    }

    // ---- packing: op(A) rows into MR-tall panels, op(B) columns into NR-wide panels ----

    /** ap[panel][p][r] = op(A)[i0 + panel*MR + r, p0 + p], zero past row i0 + mc. */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                              float[] ap) {
        for (int t = 0, dst = 0; t < mc; t += MR, dst += kc * MR) {
            int rows = Math.min(MR, mc - t);
            if (transA) {
                // A stored (k x m): the MR values of one k step are contiguous
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + i0 + t;
                    int d = dst + p * MR;
                    for (int r = 0; r < rows; r++) ap[d + r] = a[src + r];
                    for (int r = rows; r < MR; r++) ap[d + r] = 0f;
                }
            } else {
                // A stored (m x k): each row is contiguous along k
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (i0 + t + r) * lda + p0;
                    for (int p = 0; p < kc; p++) ap[dst + p * MR + r] = a[src + p];
                }
                for (int r = rows; r < MR; r++) {
                    for (int p = 0; p < kc; p++) ap[dst + p * MR + r] = 0f;
                }
            }
        }
    }

    /**
     * bp[panel][p][j] = op(B)[p0 + p, j0 + panel*NR + j] for j < w, zero past column j0 + nc.
     * Panels start kc*NR apart; a panel is w = NR floats wide, except the last, which is rounded
     * up to whole registers only.
     */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                              float[] bp) {
        for (int t = 0, dst = 0; t < nc; t += NR, dst += kc * NR) {
            int cols = Math.min(NR, nc - t);
            int w = (cols + L - 1) / L * L;
            if (transB) {
                // B stored (n x k): each column of op(B) is a contiguous row of B
                for (int j = 0; j < cols; j++) {
                    int src = bOff + (j0 + t + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) bp[dst + p * w + j] = b[src + p];
                }
                for (int j = cols; j < w; j++) {
                    for (int p = 0; p < kc; p++) bp[dst + p * w + j] = 0f;
                }
            } else if (cols == w) {
                // B stored (k x n): w contiguous floats per k step, copied by registers
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + t;
                    int d = dst + p * w;
                    for (int v = 0; v < w; v += L) FloatVector.fromArray(S, b, src + v).intoArray(bp, d + v);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + t;
                    int d = dst + p * w;
                    for (int j = 0; j < cols; j++) bp[d + j] = b[src + j];
                    for (int j = cols; j < w; j++) bp[d + j] = 0f;
                }
            }
        }
    }

    // ---- micro-kernels: tile(MR x w) = sum_p apanel[p][:] (outer) bpanel[p][:] ----
    // Three copies differing only in width (3, 2, 1 registers): C2 needs the accumulators as
    // named locals to keep them in registers.

    /** (3 x 3 registers) tile = A panel (kc x 3) times B panel (kc x 3L); tile rows NR apart. */
    private static void microKernel3(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += 3 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c22.intoArray(tile, 2 * NR + 2 * L);
    }

    /** (3 x 2 registers) tile = A panel (kc x 3) times B panel (kc x 2L); tile rows NR apart. */
    private static void microKernel2(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
    }

    /** (3 x 1 registers) tile = A panel (kc x 3) times B panel (kc x 1L); tile rows NR apart. */
    private static void microKernel1(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
        }
        c00.intoArray(tile, 0);
        c10.intoArray(tile, NR);
        c20.intoArray(tile, 2 * NR);
    }

    /**
     * C[0:mr, 0:nr] = alpha * tile + beta * C (beta == 0: C is overwritten, not read). Whole
     * registers first, then single columns with the same roundings (alpha*t, then + c or
     * fma(c, beta, .)), so a column gives the same bits whichever path stores it.
     */
    private static void storeTile(float[] tile, int mr, int nr, float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        for (int r = 0; r < mr; r++, ci += ldc) {
            int j = 0;
            for (; j + L <= nr; j += L) {
                FloatVector acc = FloatVector.fromArray(S, tile, r * NR + j).mul(va);
                if (beta == 0f) {
                    acc.intoArray(c, ci + j);
                } else if (beta == 1f) {
                    acc.add(FloatVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
                } else {
                    FloatVector.fromArray(S, c, ci + j).fma(vb, acc).intoArray(c, ci + j);
                }
            }
            for (; j < nr; j++) {
                float acc = alpha * tile[r * NR + j];
                if (beta == 0f) c[ci + j] = acc;
                else if (beta == 1f) c[ci + j] = acc + c[ci + j];
                else c[ci + j] = Math.fma(c[ci + j], beta, acc);
            }
        }
    }

    /** C = beta * C on the rectangle (beta == 0 writes zeros, so NaN in C does not survive). */
    private static void scaleRectangle(float beta, float[] c, int cOff, int n, int r0, int r1, int c0, int c1) {
        for (int i = r0; i < r1; i++) {
            int row = cOff + i * n;
            for (int j = c0; j < c1; j++) c[row + j] = beta == 0f ? 0f : beta * c[row + j];
        }
    }
}
