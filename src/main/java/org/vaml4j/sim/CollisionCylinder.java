package org.vaml4j.sim;

/**
 * Capsule against cylinder, one contact: the point of the capsule's segment with the smallest
 * signed distance to the solid cylinder (the signed distance to a convex set is convex along a
 * segment, so a golden-section search finds it), the contact normal being that distance's gradient.
 * MuJoCo 2.2 uses its general convex (MPR) detector for this pair instead; the depth and normal
 * agree for the shallow contacts the Pusher task makes (its wrist capsules against the object),
 * the contact point may differ.
 */
final class CollisionCylinder {

    private static final double MINVAL = 1e-15;
    /** golden-section iterations: the bracket shrinks by 0.618 each, 2 -> ~1e-12 */
    private static final int ITERATIONS = 60;
    private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;

    private CollisionCylinder() {}

    /** Capsule g1 against cylinder g2; writes at most one contact at k. */
    static int capsuleCylinder(Contacts c, int k, double margin, double[] x, double[] r, double[] s, int g1, int g2) {
        double h = s[3 * g1 + 1], rad = s[3 * g1];
        double ux = r[9 * g1 + 2] * h, uy = r[9 * g1 + 5] * h, uz = r[9 * g1 + 8] * h;
        double sx = x[3 * g1], sy = x[3 * g1 + 1], sz = x[3 * g1 + 2];
        // ---- golden-section search for argmin_t sd(s + t u), t in [-1, 1] ----
        double lo = -1, hi = 1;
        double t1 = hi - INV_PHI * (hi - lo), t2 = lo + INV_PHI * (hi - lo);
        double f1 = signedDistance(x, r, s, g2, sx + t1 * ux, sy + t1 * uy, sz + t1 * uz, null, 0);
        double f2 = signedDistance(x, r, s, g2, sx + t2 * ux, sy + t2 * uy, sz + t2 * uz, null, 0);
        for (int i = 0; i < ITERATIONS; i++) {
            if (f1 <= f2) {
                hi = t2;
                t2 = t1;
                f2 = f1;
                t1 = hi - INV_PHI * (hi - lo);
                f1 = signedDistance(x, r, s, g2, sx + t1 * ux, sy + t1 * uy, sz + t1 * uz, null, 0);
            } else {
                lo = t1;
                t1 = t2;
                f1 = f2;
                t2 = lo + INV_PHI * (hi - lo);
                f2 = signedDistance(x, r, s, g2, sx + t2 * ux, sy + t2 * uy, sz + t2 * uz, null, 0);
            }
        }
        double t = 0.5 * (lo + hi);
        double qx = sx + t * ux, qy = sy + t * uy, qz = sz + t * uz;
        // gradient into frame row 0 temporarily, then flip: the normal points from capsule to cylinder
        double sd = signedDistance(x, r, s, g2, qx, qy, qz, c.frame, 9 * k);
        double dist = sd - rad;
        if (dist > margin) return 0;
        double nx = -c.frame[9 * k], ny = -c.frame[9 * k + 1], nz = -c.frame[9 * k + 2];
        double m = rad + dist / 2;
        c.dist[k] = dist;
        CollisionPrimitives.setPos(c, k, qx + nx * m, qy + ny * m, qz + nz * m);
        CollisionPrimitives.setFrame(c, k, nx, ny, nz, 0, 0, 0);
        return 1;
    }

    /**
     * Signed distance of point q to the solid cylinder g (negative inside); when {@code grad} is
     * not null its unit gradient (outward direction) is written at {@code go}.
     */
    static double signedDistance(double[] x, double[] r, double[] s, int g, double qx, double qy, double qz,
                                 double[] grad, int go) {
        double R = s[3 * g], H = s[3 * g + 1];
        double ax = r[9 * g + 2], ay = r[9 * g + 5], az = r[9 * g + 8];
        double wx = qx - x[3 * g], wy = qy - x[3 * g + 1], wz = qz - x[3 * g + 2];
        double z = wx * ax + wy * ay + wz * az, az1 = Math.abs(z), sz = z >= 0 ? 1 : -1;
        double px = wx - z * ax, py = wy - z * ay, pz = wz - z * az;
        double rho = Math.sqrt(px * px + py * py + pz * pz);
        if (rho < MINVAL) {
            // on the axis: any radial direction, take the cylinder's x axis
            px = r[9 * g];
            py = r[9 * g + 3];
            pz = r[9 * g + 6];
        } else {
            px /= rho;
            py /= rho;
            pz /= rho;
        }
        double dr = rho - R, dz = az1 - H, sd, gx, gy, gz;
        if (dr <= 0 && dz <= 0) {
            // inside: the nearer of the side and the cap
            if (dr >= dz) { sd = dr; gx = px; gy = py; gz = pz; }
            else { sd = dz; gx = sz * ax; gy = sz * ay; gz = sz * az; }
        } else {
            double er = Math.max(dr, 0), ez = Math.max(dz, 0);
            sd = Math.sqrt(er * er + ez * ez);
            gx = (er * px + ez * sz * ax) / sd;
            gy = (er * py + ez * sz * ay) / sd;
            gz = (er * pz + ez * sz * az) / sd;
        }
        if (grad != null) {
            grad[go] = gx;
            grad[go + 1] = gy;
            grad[go + 2] = gz;
        }
        return sd;
    }
}
