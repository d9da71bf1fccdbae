package org.vaml4j.sim;

/**
 * 6-D spatial algebra on flat arrays, in MuJoCo's com-based convention.
 *
 * <p>A motion vector is (rot:lin) = (omega, v), the linear part being the velocity of the point
 * at the body's reference point (the subtree centre of mass of its kinematic tree). A force
 * vector is (torque:force) about the same point. A spatial inertia is stored as 10 values
 * {@code (Ixx, Iyy, Izz, Ixy, Ixz, Iyz, m*dx, m*dy, m*dz, m)}: the rotational inertia about the
 * reference point, the first mass moment (d = centre of mass minus reference point) and the
 * mass. No method allocates; results may not alias inputs unless stated.
 */
final class Spatial {

    private Spatial() {}

    /** res = v x u (motion cross motion): (w x uw, w x ul + vl x uw). */
    static void crossMotion(double[] res, int r, double[] v, int a, double[] u, int b) {
        double wx = v[a], wy = v[a + 1], wz = v[a + 2], lx = v[a + 3], ly = v[a + 4], lz = v[a + 5];
        double ux = u[b], uy = u[b + 1], uz = u[b + 2], vx = u[b + 3], vy = u[b + 4], vz = u[b + 5];
        res[r] = wy * uz - wz * uy;
        res[r + 1] = wz * ux - wx * uz;
        res[r + 2] = wx * uy - wy * ux;
        res[r + 3] = wy * vz - wz * vy + ly * uz - lz * uy;
        res[r + 4] = wz * vx - wx * vz + lz * ux - lx * uz;
        res[r + 5] = wx * vy - wy * vx + lx * uy - ly * ux;
    }

    /** res = v x* f (motion cross force): (w x fn + vl x ff, w x ff). */
    static void crossForce(double[] res, int r, double[] v, int a, double[] f, int b) {
        double wx = v[a], wy = v[a + 1], wz = v[a + 2], lx = v[a + 3], ly = v[a + 4], lz = v[a + 5];
        double nx = f[b], ny = f[b + 1], nz = f[b + 2], fx = f[b + 3], fy = f[b + 4], fz = f[b + 5];
        res[r] = wy * nz - wz * ny + ly * fz - lz * fy;
        res[r + 1] = wz * nx - wx * nz + lz * fx - lx * fz;
        res[r + 2] = wx * ny - wy * nx + lx * fy - ly * fx;
        res[r + 3] = wy * fz - wz * fy;
        res[r + 4] = wz * fx - wx * fz;
        res[r + 5] = wx * fy - wy * fx;
    }

    /** res = I * v for a 10-value inertia: (I w + m d x vl, m vl - m d x w). */
    static void mulInertVec(double[] res, int r, double[] in, int i, double[] v, int a) {
        double wx = v[a], wy = v[a + 1], wz = v[a + 2], lx = v[a + 3], ly = v[a + 4], lz = v[a + 5];
        double hx = in[i + 6], hy = in[i + 7], hz = in[i + 8], m = in[i + 9];
        res[r] = in[i] * wx + in[i + 3] * wy + in[i + 4] * wz + (hy * lz - hz * ly);
        res[r + 1] = in[i + 3] * wx + in[i + 1] * wy + in[i + 5] * wz + (hz * lx - hx * lz);
        res[r + 2] = in[i + 4] * wx + in[i + 5] * wy + in[i + 2] * wz + (hx * ly - hy * lx);
        res[r + 3] = m * lx - (hy * wz - hz * wy);
        res[r + 4] = m * ly - (hz * wx - hx * wz);
        res[r + 5] = m * lz - (hx * wy - hy * wx);
    }

    /**
     * res = com-based 10-value inertia of a body with principal inertia {@code diag} in the frame
     * {@code mat} (row-major), mass m and centre of mass at offset (dx, dy, dz) from the
     * reference point: I = R diag R^T + m (|d|^2 1 - d d^T).
     */
    static void inertCom(double[] res, int r, double[] diag, int g, double[] mat, int k,
                         double dx, double dy, double dz, double m) {
        double d0 = diag[g], d1 = diag[g + 1], d2 = diag[g + 2];
        // (R diag R^T)_ij = sum_k R_ik d_k R_jk
        for (int row = 0; row < 3; row++) {
            for (int col = row; col < 3; col++) {
                double s = mat[k + 3 * row] * d0 * mat[k + 3 * col]
                        + mat[k + 3 * row + 1] * d1 * mat[k + 3 * col + 1]
                        + mat[k + 3 * row + 2] * d2 * mat[k + 3 * col + 2];
                int slot = row == col ? row : (row == 0 ? (col == 1 ? 3 : 4) : 5);
                res[r + slot] = s;
            }
        }
        res[r] += m * (dy * dy + dz * dz);
        res[r + 1] += m * (dx * dx + dz * dz);
        res[r + 2] += m * (dx * dx + dy * dy);
        res[r + 3] -= m * dx * dy;
        res[r + 4] -= m * dx * dz;
        res[r + 5] -= m * dy * dz;
        res[r + 6] = m * dx;
        res[r + 7] = m * dy;
        res[r + 8] = m * dz;
        res[r + 9] = m;
    }

    /** Dot product of two 6-vectors. */
    static double dot6(double[] a, int i, double[] b, int j) {
        return a[i] * b[j] + a[i + 1] * b[j + 1] + a[i + 2] * b[j + 2]
                + a[i + 3] * b[j + 3] + a[i + 4] * b[j + 4] + a[i + 5] * b[j + 5];
    }
}
