package org.vaml4j.rl;

import java.util.Arrays;
import java.util.List;

/**
 * Means of a trainer's metrics over the updates between two episode ends
 * ({@link EpisodeEnd#metrics()}): NaN values (a metric an update did not compute) are skipped, and
 * a metric with no value since the last report is reported as NaN.
 */
public final class MetricMeans {

    private final List<String> names;
    private final double[] sum;
    private final int[] count;

    public MetricMeans(List<String> names) {
        this.names = List.copyOf(names);
        this.sum = new double[names.size()];
        this.count = new int[names.size()];
    }

    public List<String> names() { return names; }

    /** Adds {@code values} to the metrics starting at index {@code offset}. */
    public void add(int offset, double... values) {
        if (offset < 0 || offset + values.length > sum.length) {
            throw new IllegalArgumentException("metrics " + offset + ".." + (offset + values.length) + " outside the " + sum.length + " names");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                sum[offset + i] += values[i];
                count[offset + i]++;
            }
        }
    }

    /** The means since the previous call (NaN where nothing was added), then starts afresh. */
    public double[] meansAndReset() {
        double[] m = new double[sum.length];
        for (int i = 0; i < m.length; i++) m[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
        return m;
    }
}
