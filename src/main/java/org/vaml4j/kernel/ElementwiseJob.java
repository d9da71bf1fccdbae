package org.vaml4j.kernel;

/**
 * One elementwise or reduction call split over the parts of a {@link WorkerPool}: a reusable
 * mutable object filled while the caller holds the pool (dispatch allocates nothing).
 *
 * <p>Flat operations are cut at multiples of the lane count, so the elements that fall to the
 * scalar tail are the same whatever the split; biasActivation and rowSums are cut by rows and
 * columnSums by columns. Every output is therefore computed by one part exactly as a
 * single-threaded call computes it.
 */
final class ElementwiseJob implements WorkerPool.Task {

    /** Which {@link Kernels} method this job runs. */
    enum Kind { UNARY, BINARY, AXPY, SCALE, FILL, ACTIVATION_BACKWARD, BIAS_ACTIVATION, COLUMN_SUMS, ROW_SUMS }

    private Kind kind;
    private Unary unary;
    private Binary binary;
    private Activation act;
    private int n, rows, cols;
    private float alpha;
    private boolean accumulate;
    private float[] x, y, z, w;
    private int xOff, yOff, zOff, wOff;

    /** n elements (or rows x cols); x, y, z, w are the kind's arrays in {@link Kernels} argument order. */
    void set(Kind kind, Unary unary, Binary binary, Activation act, int n, int rows, int cols, float alpha,
             boolean accumulate, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, float[] w, int wOff) {
        this.kind = kind;
        this.unary = unary;
        this.binary = binary;
        this.act = act;
        this.n = n;
        this.rows = rows;
        this.cols = cols;
        this.alpha = alpha;
        this.accumulate = accumulate;
        this.x = x;
        this.xOff = xOff;
        this.y = y;
        this.yOff = yOff;
        this.z = z;
        this.zOff = zOff;
        this.w = w;
        this.wOff = wOff;
    }

    /** Drops the array references so the job does not keep caller data alive. */
    void clear() {
        x = y = z = w = null;
    }

    @Override
    public void run(int part, int parts) {
        switch (kind) {
            case BIAS_ACTIVATION -> {
                int r0 = split(rows, part, parts, 1), r1 = split(rows, part + 1, parts, 1);
                VectorLoops.biasActivation(act, r0, r1, cols, x, xOff, y, yOff, z, zOff);
            }
            case ROW_SUMS -> {
                int r0 = split(rows, part, parts, 1), r1 = split(rows, part + 1, parts, 1);
                VectorLoops.rowSums(r0, r1, cols, x, xOff, y, yOff, accumulate);
            }
            case COLUMN_SUMS -> {
                int j0 = split(cols, part, parts, PackedGemm.L), j1 = split(cols, part + 1, parts, PackedGemm.L);
                VectorLoops.columnSums(rows, cols, j0, j1, x, xOff, y, yOff, accumulate);
            }
            default -> {
                int i0 = split(n, part, parts, PackedGemm.L), i1 = split(n, part + 1, parts, PackedGemm.L);
                flat(i0, i1 - i0);
            }
        }
    }

    private void flat(int i0, int len) {
        switch (kind) {
            case UNARY -> VectorLoops.unary(unary, len, x, xOff + i0, y, yOff + i0);
            case BINARY -> VectorLoops.binary(binary, len, x, xOff + i0, y, yOff + i0, z, zOff + i0);
            case AXPY -> VectorLoops.axpy(len, alpha, x, xOff + i0, y, yOff + i0);
            case SCALE -> VectorLoops.scale(len, alpha, x, xOff + i0);
            case FILL -> VectorLoops.fill(len, alpha, x, xOff + i0);
            case ACTIVATION_BACKWARD -> VectorLoops.activationBackward(act, len, x, xOff + i0, y, yOff + i0,
                    z, zOff + i0, w, wOff + i0);
            default -> throw new IllegalStateException("not a flat kind: " + kind);
        }
    }

    /** Start of piece {@code part} of [0, total) cut into {@code parts}, on a multiple of {@code align}; the last ends at total. */
    static int split(int total, int part, int parts, int align) {
        if (part >= parts) return total;
        long cut = (long) total * part / parts;
        return (int) (cut - cut % align);
    }
}
