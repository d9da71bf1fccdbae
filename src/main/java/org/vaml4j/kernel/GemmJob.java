package org.vaml4j.kernel;

/**
 * One (batched) gemm call split over the parts of a {@link WorkerPool}. A reusable mutable
 * object (so dispatch allocates nothing), filled by {@link #set} while the caller holds the pool.
 *
 * <p>The work is a flat list of units: (batch entry, MR-row strip) or, when C is too short for
 * that, (batch entry, NR-column strip). Part p takes units [p*U/P, (p+1)*U/P). Each C element is
 * computed by exactly one part, with a k-order that does not depend on the split
 * ({@link PackedGemm}), so the result is the same for any number of parts.
 */
final class GemmJob implements WorkerPool.Task {

    private final PackedGemm.Workspace[] workspaces;   // (parts): one per part, reused

    private int batch, m, n, k;
    private boolean transA, transB, splitColumns;
    private float alpha, beta;
    private float[] a, b, c;
    private int aOff, aStride, bOff, bStride, cOff, cStride;

    GemmJob(int parts) {
        workspaces = new PackedGemm.Workspace[parts];
        for (int p = 0; p < parts; p++) workspaces[p] = new PackedGemm.Workspace();
    }

    void set(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
             float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
             float beta, float[] c, int cOff, int cStride, int parts) {
        this.batch = batch;
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.a = a;
        this.aOff = aOff;
        this.aStride = aStride;
        this.b = b;
        this.bOff = bOff;
        this.bStride = bStride;
        this.beta = beta;
        this.c = c;
        this.cOff = cOff;
        this.cStride = cStride;
        // split rows unless there are too few row strips to keep every part busy
        int rowStrips = batch * ceilDiv(m, PackedGemm.MR);
        int colStrips = batch * ceilDiv(n, PackedGemm.NR);
        this.splitColumns = rowStrips < 4 * parts && colStrips > rowStrips;
    }

    /** Drops the array references so the job does not keep caller data alive. */
    void clear() {
        a = b = c = null;
    }

    @Override
    public void run(int part, int parts) {
        PackedGemm.Workspace ws = workspaces[part];
        int strip = splitColumns ? PackedGemm.NR : PackedGemm.MR;
        int extent = splitColumns ? n : m;               // rows or columns of one C matrix
        int perEntry = ceilDiv(extent, strip);           // strips per batch entry
        long units = (long) batch * perEntry;
        int u0 = (int) (units * part / parts);
        int u1 = (int) (units * (part + 1) / parts);
        while (u0 < u1) {
            int e = u0 / perEntry;
            int first = u0 - e * perEntry;
            int last = Math.min(u1 - e * perEntry, perEntry);   // strips [first, last) of entry e
            int lo = first * strip;
            int hi = Math.min(last * strip, extent);
            int r0 = splitColumns ? 0 : lo, r1 = splitColumns ? m : hi;
            int c0 = splitColumns ? lo : 0, c1 = splitColumns ? hi : n;
            PackedGemm.rectangle(transA, transB, m, n, k, alpha, a, aOff + e * aStride, b, bOff + e * bStride,
                    beta, c, cOff + e * cStride, r0, r1, c0, c1, ws);
            u0 = e * perEntry + last;
        }
    }

    /** Runs a whole call on the calling thread with its own scratch (used when the pool is busy). */
    static void runAlone(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                         float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                         float beta, float[] c, int cOff, int cStride) {
        PackedGemm.Workspace ws = new PackedGemm.Workspace();
        for (int e = 0; e < batch; e++) {
            PackedGemm.rectangle(transA, transB, m, n, k, alpha, a, aOff + e * aStride, b, bOff + e * bStride,
                    beta, c, cOff + e * cStride, 0, m, 0, n, ws);
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
