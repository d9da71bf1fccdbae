package org.vaml4j.nn;

import java.io.IOException;
import java.util.Arrays;

/**
 * Per-feature mean and standard deviation of rows of data, accumulated in double, to standardise
 * inputs: {@code y = (x - mean) / std}.
 *
 * <p>Two ways to feed it: {@link #fit} recomputes the statistics from a whole data set (MBPO
 * refits on the entire real buffer before each model training, research.md §A.3); {@link #update}
 * merges a new batch into running statistics (Chan et al.'s parallel variance update, exact up to
 * rounding). The standard deviation is the unbiased one (divisor n - 1, as torch's {@code std});
 * a feature whose std is below {@code minStd} (constant features) uses std 1.
 */
public final class Normalizer {

    private final int dim;
    private final double minStd;
    private long count;
    private final double[] mean;   // (dim)
    private final double[] m2;     // (dim) sum of squared deviations from the mean
    private final float[] meanF;   // (dim) float copies used by normalize()
    private final float[] invStdF; // (dim)

    /** A normalizer of {@code dim} features; {@code minStd} e.g. 1e-5 for float data. */
    public Normalizer(int dim, double minStd) {
        if (dim < 1) throw new IllegalArgumentException("normalizer: dim must be >= 1, got " + dim);
        if (!(minStd >= 0)) throw new IllegalArgumentException("normalizer: minStd must be >= 0, got " + minStd);
        this.dim = dim;
        this.minStd = minStd;
        this.mean = new double[dim];
        this.m2 = new double[dim];
        this.meanF = new float[dim];
        this.invStdF = new float[dim];
        refresh();
    }

    public int dim() { return dim; }

    /** Rows seen since the last reset. */
    public long count() { return count; }

    /** Forgets everything: mean 0, std 1. */
    public void reset() {
        count = 0;
        Arrays.fill(mean, 0);
        Arrays.fill(m2, 0);
        refresh();
    }

    /** Recomputes the statistics from {@code rows} rows of {@code x[off ..]} (rows x dim) alone. */
    public void fit(float[] x, int off, int rows) {
        reset();
        update(x, off, rows);
    }

    /** Merges {@code rows} rows of {@code x[off ..]} (rows x dim) into the running statistics. */
    public void update(float[] x, int off, int rows) {
        if (rows < 0 || off < 0 || off + (long) rows * dim > x.length) {
            throw new IllegalArgumentException("normalizer: " + rows + " rows of " + dim + " at offset " + off
                    + " do not fit in " + x.length + " values");
        }
        if (rows == 0) return;
        double[] bMean = new double[dim], bM2 = new double[dim];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                float v = x[off + r * dim + j];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("normalizer: row " + r + ", feature " + j + " is " + v);
                }
                bMean[j] += v;
            }
        }
        for (int j = 0; j < dim; j++) bMean[j] /= rows;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                double d = x[off + r * dim + j] - bMean[j];
                bM2[j] += d * d;
            }
        }
        // Chan et al.: merge (count, mean, m2) with the batch's (rows, bMean, bM2)
        long n = count + rows;
        for (int j = 0; j < dim; j++) {
            double delta = bMean[j] - mean[j];
            mean[j] += delta * rows / n;
            m2[j] += bM2[j] + delta * delta * ((double) count * rows / n);
        }
        count = n;
        refresh();
    }

    public double mean(int j) { return mean[j]; }

    /** Unbiased std of feature j, or 1 when it is below minStd or fewer than 2 rows were seen. */
    public double std(int j) {
        if (count < 2) return 1;
        double s = Math.sqrt(m2[j] / (count - 1));
        return s < minStd ? 1 : s;
    }

    /** {@code y = (x - mean) / std} for {@code rows} rows; x and y may be the same array. */
    public void normalize(float[] x, int xOff, float[] y, int yOff, int rows) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) y[yOff + r * dim + j] = (x[xOff + r * dim + j] - meanF[j]) * invStdF[j];
        }
    }

    /** {@code x = y * std + mean}, the inverse of {@link #normalize}. */
    public void denormalize(float[] y, int yOff, float[] x, int xOff, int rows) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) x[xOff + r * dim + j] = y[yOff + r * dim + j] / invStdF[j] + meanF[j];
        }
    }

    /** The mean as floats (dim), a copy. */
    public float[] meanArray() { return meanF.clone(); }

    /** The std as floats (dim), a copy. */
    public float[] stdArray() {
        float[] s = new float[dim];
        for (int j = 0; j < dim; j++) s[j] = (float) std(j);
        return s;
    }

    public void write(ArchiveWriter w, String prefix) throws IOException {
        w.longs(prefix + "count", count);
        w.doubles(prefix + "mean", mean);
        w.doubles(prefix + "m2", m2);
    }

    public void read(ArchiveReader r, String prefix) {
        long c = r.longValue(prefix + "count");
        double[] mu = r.doubles(prefix + "mean", dim);
        double[] s2 = r.doubles(prefix + "m2", dim);
        count = c;
        System.arraycopy(mu, 0, mean, 0, dim);
        System.arraycopy(s2, 0, m2, 0, dim);
        refresh();
    }

    private void refresh() {
        for (int j = 0; j < dim; j++) {
            meanF[j] = (float) mean[j];
            invStdF[j] = (float) (1 / std(j));
        }
    }
}
