package org.vaml4j.render.scene;

import java.util.Arrays;

/**
 * Clips polygons and segments given in camera coordinates to the half-space in front of the near
 * plane, {@code z <= -near} (Sutherland-Hodgman with one plane), so that what remains projects
 * without wrapping around the eye.
 */
final class NearClip {

    private NearClip() {}

    /** The part of the polygon {@code xyz = (x0, y0, z0, ...)} with z <= -near; fewer than 3 points when nothing is left. */
    static double[] polygon(double[] xyz, double near) {
        int n = xyz.length / 3;
        double[] out = new double[3 * (2 * n)];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double zi = xyz[3 * i + 2], zj = xyz[3 * j + 2];
            boolean inI = zi <= -near, inJ = zj <= -near;
            if (inI) m = put(out, m, xyz[3 * i], xyz[3 * i + 1], zi);
            if (inI != inJ) {
                // the point of edge i -> j on the plane z = -near
                double t = (-near - zi) / (zj - zi);
                m = put(out, m, xyz[3 * i] + t * (xyz[3 * j] - xyz[3 * i]), xyz[3 * i + 1] + t * (xyz[3 * j + 1] - xyz[3 * i + 1]), -near);
            }
        }
        return Arrays.copyOf(out, 3 * m);
    }

    /** The part of segment a -> b with z <= -near as {@code (ax, ay, az, bx, by, bz)}, or null when none is. */
    static double[] segment(double ax, double ay, double az, double bx, double by, double bz, double near) {
        boolean inA = az <= -near, inB = bz <= -near;
        if (!inA && !inB) return null;
        if (!inA) {
            double t = (-near - az) / (bz - az);
            ax += t * (bx - ax);
            ay += t * (by - ay);
            az = -near;
        } else if (!inB) {
            double t = (-near - bz) / (az - bz);
            bx += t * (ax - bx);
            by += t * (ay - by);
            bz = -near;
        }
        return new double[] {ax, ay, az, bx, by, bz};
    }

    private static int put(double[] out, int m, double x, double y, double z) {
        out[3 * m] = x;
        out[3 * m + 1] = y;
        out[3 * m + 2] = z;
        return m + 1;
    }
}
