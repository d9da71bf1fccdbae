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
 *       pack A(ic, pc) -> MR-tall panels   (only for op(A) = A^T; A itself is read in place:
 *                                           its rows are contiguous along k, 3 streams)
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
                    // op(A) = A (rows contiguous along k) is read in place; A^T is packed first
                    float[] ap = transA ? ws.aPack(mPanels * KC * MR) : a;
                    if (transA) packA(a, aOff, lda, ic, mc, pc, kc, ap);
                    for (int jp = 0; jp < nPanels; jp++) {
                        int nr = Math.min(NR, nc - jp * NR);
                        int vectors = (nr + L - 1) / L;            // 3, or 1..3 in the last panel
                        for (int ip = 0; ip < mPanels; ip++) {
                            int mr = Math.min(MR, mc - ip * MR);
                            int a0, a1, a2, step;
                            if (transA) {
                                a0 = ip * kc * MR;
                                a1 = a0 + 1;
                                a2 = a0 + 2;
                                step = MR;
                            } else {
                                // rows past the edge repeat the last one: computed, never stored
                                int row = ic + ip * MR, last = ic + mc - 1;
                                a0 = aOff + row * lda + pc;
                                a1 = aOff + Math.min(row + 1, last) * lda + pc;
                                a2 = aOff + Math.min(row + 2, last) * lda + pc;
                                step = 1;
                            }
                            int bi = jp * kc * NR, ci = cOff + (ic + ip * MR) * n + jc + jp * NR;
                            // a whole tile with alpha 1 and beta 0 or 1 goes from registers to C
                            int direct = vectors == 3 && mr == MR && nr == NR && alpha == 1f
                                    ? (betaHere == 0f ? STORE : betaHere == 1f ? ADD : VIA_TILE) : VIA_TILE;
                            switch (vectors) {
                                case 3 -> microKernel3(kc, ap, a0, a1, a2, step, bp, bi, ws.tile, direct, c, ci, n);
                                case 2 -> microKernel2(kc, ap, a0, a1, a2, step, bp, bi, ws.tile);
                                default -> microKernel1(kc, ap, a0, a1, a2, step, bp, bi, ws.tile);
                            }
                            if (direct == VIA_TILE) storeTile(ws.tile, mr, nr, alpha, betaHere, c, ci, n);
                        }
                    }
                }
            }
        }
    }

    // ---- packing: op(A) rows into MR-tall panels, op(B) columns into NR-wide panels ----

    /**
     * ap[panel][p][r] = A^T[i0 + panel*MR + r, p0 + p] for A stored (k x m), zero past row i0 + mc:
     * the MR values of one k step are contiguous in A.
     */
    private static void packA(float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] ap) {
        for (int t = 0, dst = 0; t < mc; t += MR, dst += kc * MR) {
            int rows = Math.min(MR, mc - t);
            int src = aOff + p0 * lda + i0 + t;
            if (rows == MR) {
                for (int p = 0, d = dst; p < kc; p++, d += MR, src += lda) {
                    ap[d] = a[src];
                    ap[d + 1] = a[src + 1];
                    ap[d + 2] = a[src + 2];
                }
            } else {
                for (int p = 0, d = dst; p < kc; p++, d += MR, src += lda) {
                    for (int r = 0; r < MR; r++) ap[d + r] = r < rows ? a[src + r] : 0f;
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

    // ---- micro-kernels: tile(MR x w) = sum_p a(p) (outer) bpanel[p][:] ----
    // The MR values of A at step p are A[a0 + p*step], A[a1 + p*step], A[a2 + p*step]: a packed
    // panel (step MR) or three rows of A in place (step 1). Three copies differing only in width
    // (3, 2, 1 registers): C2 needs the accumulators as named locals to keep them in registers.

    /** How microKernel3 delivers its tile: into {@code tile} (then storeTile), C = tile, or C += tile. */
    private static final int VIA_TILE = 0, STORE = 1, ADD = 2;

    /**
     * (3 x 3 registers) tile = A (3 x kc) times B panel (kc x 3L); into {@code tile} (rows NR apart),
     * or straight into C at {@code ci} (rows {@code ldc} apart) with the roundings of storeTile at
     * alpha 1: {@code C = t} or {@code C = t + C}.
     */
    private static void microKernel3(int kc, float[] ap, int a0, int a1, int a2, int step, float[] bp, int bi,
                                     float[] tile, int direct, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, a0 += step, a1 += step, a2 += step, bi += 3 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, ap[a0]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, ap[a1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(S, ap[a2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
        }
        if (direct == ADD) {
            int r1 = ci + ldc, r2 = ci + 2 * ldc;
            c00 = c00.add(FloatVector.fromArray(S, c, ci));
            c01 = c01.add(FloatVector.fromArray(S, c, ci + L));
            c02 = c02.add(FloatVector.fromArray(S, c, ci + 2 * L));
            c10 = c10.add(FloatVector.fromArray(S, c, r1));
            c11 = c11.add(FloatVector.fromArray(S, c, r1 + L));
            c12 = c12.add(FloatVector.fromArray(S, c, r1 + 2 * L));
            c20 = c20.add(FloatVector.fromArray(S, c, r2));
            c21 = c21.add(FloatVector.fromArray(S, c, r2 + L));
            c22 = c22.add(FloatVector.fromArray(S, c, r2 + 2 * L));
        }
        if (direct != VIA_TILE) {
            int r1 = ci + ldc, r2 = ci + 2 * ldc;
            c00.intoArray(c, ci);
            c01.intoArray(c, ci + L);
            c02.intoArray(c, ci + 2 * L);
            c10.intoArray(c, r1);
            c11.intoArray(c, r1 + L);
            c12.intoArray(c, r1 + 2 * L);
            c20.intoArray(c, r2);
            c21.intoArray(c, r2 + L);
            c22.intoArray(c, r2 + 2 * L);
            return;
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

    /** (3 x 2 registers) tile = A (3 x kc) times B panel (kc x 2L); tile rows NR apart. */
    private static void microKernel2(int kc, float[] ap, int a0, int a1, int a2, int step, float[] bp, int bi,
                                     float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, a0 += step, a1 += step, a2 += step, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, ap[a0]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, ap[a1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, ap[a2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
    }

    /** (3 x 1 registers) tile = A (3 x kc) times B panel (kc x 1L); tile rows NR apart. */
    private static void microKernel1(int kc, float[] ap, int a0, int a1, int a2, int step, float[] bp, int bi,
                                     float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, a0 += step, a1 += step, a2 += step, bi += L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector x0 = FloatVector.broadcast(S, ap[a0]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, ap[a1]);
            c10 = x1.fma(b0, c10);
            FloatVector x2 = FloatVector.broadcast(S, ap[a2]);
            c20 = x2.fma(b0, c20);
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
