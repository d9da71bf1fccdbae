package org.vaml4j.sim;

/**
 * Compile-time mass properties (MuJoCo 2.2's compiler): volumes and principal inertias of
 * primitive geoms about their centre, the combined inertia of several geoms and its principal
 * axes.
 */
final class Inertia {

    private Inertia() {}

    /** Volume of a geom of the given type and sizes (0 for planes). */
    static double volume(GeomType type, double[] s) {
        return switch (type) {
            case SPHERE -> 4 * Math.PI * s[0] * s[0] * s[0] / 3;
            // cylinder of height 2 s1 plus two hemispheres
            case CAPSULE -> Math.PI * (s[0] * s[0] * 2 * s[1] + 4 * s[0] * s[0] * s[0] / 3);
            case CYLINDER -> Math.PI * s[0] * s[0] * 2 * s[1];
            case ELLIPSOID -> 4 * Math.PI * s[0] * s[1] * s[2] / 3;
            case BOX -> 8 * s[0] * s[1] * s[2];
            case PLANE -> 0;
        };
    }

    /** (3) principal inertia about the geom centre, in the geom frame, for a given mass. */
    static double[] diagonal(GeomType type, double[] s, double mass) {
        double[] in = new double[3];
        switch (type) {
            case SPHERE -> in[0] = in[1] = in[2] = 2 * mass * s[0] * s[0] / 5;
            case CAPSULE -> {
                double h = 2 * s[1], r = s[0];
                // split the mass by volume: two hemispheres (a sphere) and a cylinder
                double ms = mass * 4 * r / (4 * r + 3 * h), mc = mass - ms;
                in[0] = in[1] = mc * (3 * r * r + h * h) / 12;
                in[2] = mc * r * r / 2;
                // hemispheres about their own centre plus the shift to the capsule centre
                double si = 2 * ms * r * r / 5;
                in[0] += si + ms * h * (3 * r + 2 * h) / 8;
                in[1] += si + ms * h * (3 * r + 2 * h) / 8;
                in[2] += si;
            }
            case CYLINDER -> {
                double h = 2 * s[1];
                in[0] = in[1] = mass * (3 * s[0] * s[0] + h * h) / 12;
                in[2] = mass * s[0] * s[0] / 2;
            }
            case ELLIPSOID -> {
                in[0] = mass * (s[1] * s[1] + s[2] * s[2]) / 5;
                in[1] = mass * (s[0] * s[0] + s[2] * s[2]) / 5;
                in[2] = mass * (s[0] * s[0] + s[1] * s[1]) / 5;
            }
            case BOX -> {
                in[0] = mass * (s[1] * s[1] + s[2] * s[2]) / 3;
                in[1] = mass * (s[0] * s[0] + s[2] * s[2]) / 3;
                in[2] = mass * (s[0] * s[0] + s[1] * s[1]) / 3;
            }
            case PLANE -> { }
        }
        return in;
    }

    /**
     * Adds to {@code full} (xx, yy, zz, xy, xz, yz) the inertia of a body part with principal
     * inertia {@code diag} in frame {@code quat}, mass m, centre offset {@code d} from the point:
     * R diag R' + m (|d|^2 1 - d d').
     */
    static void accumulate(double[] full, double[] diag, double[] quat, double m, double[] d) {
        double[] r = new double[9];
        Quat.toMat(r, 0, quat, 0);
        int[][] idx = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int e = 0; e < 6; e++) {
            int i = idx[e][0], j = idx[e][1];
            double s = 0;
            for (int k = 0; k < 3; k++) s += r[3 * i + k] * diag[k] * r[3 * j + k];
            double shift = (i == j ? m * (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) : 0) - m * d[i] * d[j];
            full[e] += s + shift;
        }
    }

    /**
     * Principal axes of a symmetric inertia (xx, yy, zz, xy, xz, yz) by cyclic Jacobi rotations:
     * writes eigenvalues (descending) into {@code diag} and the rotation from principal to given
     * axes into {@code quat}.
     */
    static void principal(double[] full, double[] diag, double[] quat) {
        double[][] a = {
            {full[0], full[3], full[4]},
            {full[3], full[1], full[5]},
            {full[4], full[5], full[2]}};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            double scale = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
            if (off <= 1e-30 * scale || off == 0) break;
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < 3; k++) { // A = A J
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) { // A = J' A
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++) { // V = V J
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        // sort eigenpairs by descending eigenvalue
        int[] order = {0, 1, 2};
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (a[order[j]][order[j]] > a[order[i]][order[i]]) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
        }
        double[] mat = new double[9];
        for (int c = 0; c < 3; c++) {
            diag[c] = a[order[c]][order[c]];
            for (int r = 0; r < 3; r++) mat[3 * r + c] = v[r][order[c]];
        }
        // make it a proper rotation
        double det = mat[0] * (mat[4] * mat[8] - mat[5] * mat[7]) - mat[1] * (mat[3] * mat[8] - mat[5] * mat[6])
                + mat[2] * (mat[3] * mat[7] - mat[4] * mat[6]);
        if (det < 0) for (int r = 0; r < 3; r++) mat[3 * r + 2] = -mat[3 * r + 2];
        matToQuat(mat, quat);
    }

    /** Quaternion of a rotation matrix (row-major), w >= 0. */
    static void matToQuat(double[] r, double[] q) {
        double tr = r[0] + r[4] + r[8];
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            q[0] = 0.25 * s;
            q[1] = (r[7] - r[5]) / s;
            q[2] = (r[2] - r[6]) / s;
            q[3] = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = Math.sqrt(1 + r[0] - r[4] - r[8]) * 2;
            q[0] = (r[7] - r[5]) / s;
            q[1] = 0.25 * s;
            q[2] = (r[1] + r[3]) / s;
            q[3] = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = Math.sqrt(1 + r[4] - r[0] - r[8]) * 2;
            q[0] = (r[2] - r[6]) / s;
            q[1] = (r[1] + r[3]) / s;
            q[2] = 0.25 * s;
            q[3] = (r[5] + r[7]) / s;
        } else {
            double s = Math.sqrt(1 + r[8] - r[0] - r[4]) * 2;
            q[0] = (r[3] - r[1]) / s;
            q[1] = (r[2] + r[6]) / s;
            q[2] = (r[5] + r[7]) / s;
            q[3] = 0.25 * s;
        }
        if (q[0] < 0) for (int k = 0; k < 4; k++) q[k] = -q[k];
        Quat.normalize(q, 0);
    }
}
