package org.vaml4j.render.scene;

import java.util.Arrays;
import java.util.Comparator;

/** Convex hull of points in the plane (Andrew's monotone chain). */
final class Hull {

    private Hull() {}

    /** The hull of {@code xy = (x0, y0, x1, y1, ...)} as points in counter-clockwise order (y up), collinear points dropped. */
    static double[] of(double[] xy) {
        int n = xy.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> xy[2 * i]).thenComparingDouble(i -> xy[2 * i + 1]));
        if (n < 3) {
            double[] out = new double[2 * n];
            for (int k = 0; k < n; k++) {
                out[2 * k] = xy[2 * order[k]];
                out[2 * k + 1] = xy[2 * order[k] + 1];
            }
            return out;
        }
        int[] h = new int[2 * n];
        int k = 0;
        // lower chain, then upper chain; pop while the last turn is not to the left
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(xy, h[k - 2], h[k - 1], order[i]) <= 0) k--;
            h[k++] = order[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(xy, h[k - 2], h[k - 1], order[i]) <= 0) k--;
            h[k++] = order[i];
        }
        double[] out = new double[2 * (k - 1)];
        for (int i = 0; i < k - 1; i++) {
            out[2 * i] = xy[2 * h[i]];
            out[2 * i + 1] = xy[2 * h[i] + 1];
        }
        return out;
    }

    /** (b - a) x (c - a) */
    private static double cross(double[] xy, int a, int b, int c) {
        return (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1]) - (xy[2 * b + 1] - xy[2 * a + 1]) * (xy[2 * c] - xy[2 * a]);
    }
}
