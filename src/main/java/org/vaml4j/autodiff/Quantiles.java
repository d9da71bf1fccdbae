package org.vaml4j.autodiff;

/**
 * Quantiles of float values. Not differentiable and not recorded on any tape: a helper for
 * thresholds computed from values, such as VaGraM's clipping of value-gradient norms at their
 * 95th percentile. Uses numpy's default (linear) interpolation: with the values sorted into
 * s[0..n), {@code q(p) = s[lo] + (pos - lo)(s[lo + 1] - s[lo])}, {@code pos = p (n - 1)},
 * {@code lo = floor(pos)}.
 *
 * <p>The order is {@link Float#compare}'s ({@code -0f < 0f}), as {@link java.util.Arrays#sort(float[])}
 * sorts. s[lo] and s[lo + 1] are found by an in-place selection (quickselect with three-way
 * partitioning, heapsort past a depth bound), so a call allocates nothing ({@code Arrays.sort}
 * allocates its run stack on JDK 25: ~600 bytes per 1792 values) and takes O(n) instead of O(n log n).
 */
public final class Quantiles {

    /** Ranges up to this length are finished by insertion sort. */
    private static final int INSERTION = 16;

    private Quantiles() {}

    /** The p-quantile of all values of x, reordered in {@code scratch} (length at least x.size()). */
    public static float of(Tensor x, double p, float[] scratch) {
        return of(x.data(), x.offset(), x.size(), p, scratch);
    }

    /**
     * The p-quantile of {@code values[off .. off + n)}; the values are copied into
     * {@code scratch} (length at least n) and reordered there (partly sorted: its contents
     * afterwards are unspecified), the input is left unchanged.
     *
     * @throws IllegalArgumentException for p outside [0, 1], n == 0, a short scratch, or NaN values
     */
    public static float of(float[] values, int off, int n, double p, float[] scratch) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("quantile: p must be in [0, 1], got " + p);
        if (n <= 0) throw new IllegalArgumentException("quantile: needs at least one value, got " + n);
        if (scratch.length < n) {
            throw new IllegalArgumentException("quantile: scratch holds " + scratch.length + " values, needs " + n);
        }
        System.arraycopy(values, off, scratch, 0, n);
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scratch[i])) throw new IllegalArgumentException("quantile: NaN at index " + (off + i));
        }
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        if (lo >= n - 1) return scratch[largest(scratch, 0, n)];
        select(scratch, n, lo);
        float below = scratch[lo], above = scratch[smallest(scratch, lo + 1, n)];
        double frac = pos - lo;
        return (float) (below + frac * ((double) above - below));
    }

    /**
     * A total order on non-NaN floats as signed ints, the same as {@link Float#compare}: the
     * magnitude bits of negative floats flipped (-0f becomes -1, just below 0f's 0).
     */
    private static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /**
     * Reorders a[0, n) so that a[k] is the value sorting would put there, everything before it
     * is <= a[k] and everything after it >= a[k] (in {@link #key} order).
     */
    static void select(float[] a, int n, int k) {
        int from = 0, to = n;
        int depth = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 4;   // ~2 log2(n): then heapsort
        while (to - from > INSERTION) {
            if (depth-- == 0) {
                heapSort(a, from, to);
                return;
            }
            int pivot = medianOfThree(key(a[from]), key(a[(from + to) >>> 1]), key(a[to - 1]));
            // three-way partition: [from, lt) < pivot, [lt, gt) == pivot, [gt, to) > pivot
            int lt = from, i = from, gt = to;
            while (i < gt) {
                int ki = key(a[i]);
                if (ki < pivot) swap(a, lt++, i++);
                else if (ki > pivot) swap(a, i, --gt);
                else i++;
            }
            if (k < lt) to = lt;
            else if (k >= gt) from = gt;
            else return;   // a[k] equals the pivot, and so does all of [lt, gt)
        }
        for (int i = from + 1; i < to; i++) {   // insertion sort of the last range
            float v = a[i];
            int kv = key(v), j = i - 1;
            while (j >= from && key(a[j]) > kv) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static int medianOfThree(int x, int y, int z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    /** Sorts a[from, to) in place (the fallback that bounds select's time by O(n log n)). */
    private static void heapSort(float[] a, int from, int to) {
        int n = to - from;
        for (int i = n / 2 - 1; i >= 0; i--) siftDown(a, from, i, n);
        for (int end = n - 1; end > 0; end--) {
            swap(a, from, from + end);
            siftDown(a, from, 0, end);
        }
    }

    private static void siftDown(float[] a, int base, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) return;
            if (child + 1 < n && key(a[base + child + 1]) > key(a[base + child])) child++;
            if (key(a[base + i]) >= key(a[base + child])) return;
            swap(a, base + i, base + child);
            i = child;
        }
    }

    private static int smallest(float[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) if (key(a[i]) < key(a[best])) best = i;
        return best;
    }

    private static int largest(float[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) if (key(a[i]) > key(a[best])) best = i;
        return best;
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
