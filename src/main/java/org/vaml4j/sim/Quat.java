package org.vaml4j.sim;

/**
 * Unit-quaternion and 3x3 rotation helpers on flat {@code double[]} + offset, no allocation.
 * Quaternions are (w, x, y, z); matrices are row-major 3x3 (9 values).
 */
final class Quat {

    private Quat() {}

    /** res = q1 * q2 (Hamilton product). {@code res} may alias neither input. */
    static void mul(double[] res, int r, double[] q1, int a, double[] q2, int b) {
        double w1 = q1[a], x1 = q1[a + 1], y1 = q1[a + 2], z1 = q1[a + 3];
        double w2 = q2[b], x2 = q2[b + 1], y2 = q2[b + 2], z2 = q2[b + 3];
        res[r] = w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2;
        res[r + 1] = w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2;
        res[r + 2] = w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2;
        res[r + 3] = w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2;
    }

    /** q /= |q|; a zero quaternion becomes the identity. */
    static void normalize(double[] q, int a) {
        double n = Math.sqrt(q[a] * q[a] + q[a + 1] * q[a + 1] + q[a + 2] * q[a + 2] + q[a + 3] * q[a + 3]);
        if (n < 1e-15) {
            q[a] = 1;
            q[a + 1] = q[a + 2] = q[a + 3] = 0;
            return;
        }
        double s = 1.0 / n;
        q[a] *= s;
        q[a + 1] *= s;
        q[a + 2] *= s;
        q[a + 3] *= s;
    }

    /**
     * q = (cos(angle/2), sin(angle/2) * axis) for a unit axis. {@link StrictTrig} gives
     * StrictMath's bits without the allocation StrictMath makes per call on JDK 21+.
     */
    static void fromAxisAngle(double[] q, int a, double ax, double ay, double az, double angle) {
        double s = StrictTrig.sin(0.5 * angle);
        q[a] = StrictTrig.cos(0.5 * angle);
        q[a + 1] = s * ax;
        q[a + 2] = s * ay;
        q[a + 3] = s * az;
    }

    /** mat = R(q), row-major. */
    static void toMat(double[] mat, int m, double[] q, int a) {
        double w = q[a], x = q[a + 1], y = q[a + 2], z = q[a + 3];
        double ww = w * w, xx = x * x, yy = y * y, zz = z * z;
        mat[m] = ww + xx - yy - zz;
        mat[m + 1] = 2 * (x * y - w * z);
        mat[m + 2] = 2 * (x * z + w * y);
        mat[m + 3] = 2 * (x * y + w * z);
        mat[m + 4] = ww - xx + yy - zz;
        mat[m + 5] = 2 * (y * z - w * x);
        mat[m + 6] = 2 * (x * z - w * y);
        mat[m + 7] = 2 * (y * z + w * x);
        mat[m + 8] = ww - xx - yy + zz;
    }

    /** res = a * b for row-major 3x3 matrices; res may not alias a or b. */
    static void mulMat(double[] res, int r, double[] a, int i, double[] b, int j) {
        for (int row = 0; row < 3; row++) {
            double a0 = a[i + 3 * row], a1 = a[i + 3 * row + 1], a2 = a[i + 3 * row + 2];
            res[r + 3 * row] = a0 * b[j] + a1 * b[j + 3] + a2 * b[j + 6];
            res[r + 3 * row + 1] = a0 * b[j + 1] + a1 * b[j + 4] + a2 * b[j + 7];
            res[r + 3 * row + 2] = a0 * b[j + 2] + a1 * b[j + 5] + a2 * b[j + 8];
        }
    }

    /** res = mat * v (3-vectors); res may not alias v. */
    static void mulMatVec(double[] res, int r, double[] mat, int m, double[] v, int b) {
        double x = v[b], y = v[b + 1], z = v[b + 2];
        res[r] = mat[m] * x + mat[m + 1] * y + mat[m + 2] * z;
        res[r + 1] = mat[m + 3] * x + mat[m + 4] * y + mat[m + 5] * z;
        res[r + 2] = mat[m + 6] * x + mat[m + 7] * y + mat[m + 8] * z;
    }

    /** res = mat^T * v (3-vectors). */
    static void mulMatTVec(double[] res, int r, double[] mat, int m, double[] v, int b) {
        double x = v[b], y = v[b + 1], z = v[b + 2];
        res[r] = mat[m] * x + mat[m + 3] * y + mat[m + 6] * z;
        res[r + 1] = mat[m + 1] * x + mat[m + 4] * y + mat[m + 7] * z;
        res[r + 2] = mat[m + 2] * x + mat[m + 5] * y + mat[m + 8] * z;
    }

    /** res = R(q) * v. */
    static void rotVec(double[] res, int r, double[] q, int a, double[] v, int b) {
        double w = q[a], x = q[a + 1], y = q[a + 2], z = q[a + 3];
        double vx = v[b], vy = v[b + 1], vz = v[b + 2];
        // t = 2 q_vec x v; res = v + w t + q_vec x t
        double tx = 2 * (y * vz - z * vy), ty = 2 * (z * vx - x * vz), tz = 2 * (x * vy - y * vx);
        res[r] = vx + w * tx + (y * tz - z * ty);
        res[r + 1] = vy + w * ty + (z * tx - x * tz);
        res[r + 2] = vz + w * tz + (x * ty - y * tx);
    }

    /**
     * q = q * exp(h * omega / 2): rotates q by the body-frame angular velocity {@code omega}
     * over time h, then renormalises (MuJoCo's quaternion integration).
     */
    static void integrate(double[] q, int a, double[] omega, int o, double h, double[] tmp8) {
        double wx = omega[o], wy = omega[o + 1], wz = omega[o + 2];
        double norm = Math.sqrt(wx * wx + wy * wy + wz * wz);
        double angle = h * norm;
        if (norm < 1e-15) {
            normalize(q, a);
            return;
        }
        fromAxisAngle(tmp8, 4, wx / norm, wy / norm, wz / norm, angle);
        tmp8[0] = q[a];
        tmp8[1] = q[a + 1];
        tmp8[2] = q[a + 2];
        tmp8[3] = q[a + 3];
        mul(q, a, tmp8, 0, tmp8, 4);
        normalize(q, a);
    }

    /** The rotation taking +z onto the unit vector (vx, vy, vz); 180 degrees about x for -z. */
    static void fromZTo(double[] q, int a, double vx, double vy, double vz) {
        // axis = z x v, angle = atan2(|z x v|, z . v)
        double ax = -vy, ay = vx;
        double s = Math.sqrt(ax * ax + ay * ay);
        if (s < 1e-10) {
            ax = 1;
            ay = 0;
        } else {
            ax /= s;
            ay /= s;
        }
        double angle = StrictMath.atan2(s, vz);
        fromAxisAngle(q, a, ax, ay, 0, angle);
    }
}
