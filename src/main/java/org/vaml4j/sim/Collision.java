package org.vaml4j.sim;

/**
 * Collision detection (MuJoCo's {@code mj_collision} + {@code mj_collideGeoms}): for every
 * candidate pair of {@link ContactPairs}, a bounding-sphere test (and the plane's half-space
 * version), then the narrow phase of {@link CollisionPrimitives}; each contact found within the
 * pair's margin gets the pair's combined parameters and a full frame ({@link #makeFrame}).
 */
final class Collision {

    /** The geom-type pairs with a collision function (geom1 type first). */
    static final String SUPPORTED = "plane-sphere, plane-capsule, plane-cylinder, plane-box, sphere-sphere, "
            + "sphere-capsule, capsule-capsule, capsule-cylinder";

    private Collision() {}

    /** Whether a narrow phase exists for types t1 <= t2 (in {@link GeomType} order). */
    static boolean supports(GeomType t1, GeomType t2) {
        return maxContacts(t1, t2) > 0;
    }

    /** Most contacts the narrow phase of (t1, t2) returns; 0 when unsupported. */
    static int maxContacts(GeomType t1, GeomType t2) {
        return switch (t1) {
            case PLANE -> switch (t2) {
                case SPHERE -> 1;
                case CAPSULE -> 2;
                case CYLINDER, BOX -> 4;
                default -> 0;
            };
            case SPHERE -> t2 == GeomType.SPHERE || t2 == GeomType.CAPSULE ? 1 : 0;
            case CAPSULE -> t2 == GeomType.CAPSULE ? 2 : t2 == GeomType.CYLINDER ? 1 : 0;
            default -> 0;
        };
    }

    /**
     * Finds all contacts of the current geom poses.
     * Reads geomXpos, geomXmat. Writes d.contact (ncon, every per-contact field except efcAddress).
     */
    static void collide(Model m, Data d) {
        ContactPairs pairs = m.contactPairs;
        Contacts c = d.contact;
        c.ncon = 0;
        double[] xpos = d.geomXpos, xmat = d.geomXmat, rb = pairs.rbound;
        for (int p = 0; p < pairs.npair; p++) {
            int g1 = pairs.geom1[p], g2 = pairs.geom2[p];
            double margin = pairs.margin[p];
            // ---- bounding spheres: centre distance beyond the radii plus margin ----
            if (rb[g1] > 0 && rb[g2] > 0) {
                double dx = xpos[3 * g1] - xpos[3 * g2], dy = xpos[3 * g1 + 1] - xpos[3 * g2 + 1],
                        dz = xpos[3 * g1 + 2] - xpos[3 * g2 + 2];
                if (Math.sqrt(dx * dx + dy * dy + dz * dz) > rb[g1] + rb[g2] + margin) continue;
            }
            if (m.geomType[g1] == GeomType.PLANE && rb[g2] > 0) {
                // signed height of geom2's centre over the plane
                double h = (xpos[3 * g2] - xpos[3 * g1]) * xmat[9 * g1 + 2]
                        + (xpos[3 * g2 + 1] - xpos[3 * g1 + 1]) * xmat[9 * g1 + 5]
                        + (xpos[3 * g2 + 2] - xpos[3 * g1 + 2]) * xmat[9 * g1 + 8];
                if (h > margin + rb[g2]) continue;
            }
            // ---- narrow phase ----
            int start = c.ncon;
            int n = CollisionPrimitives.collide(m, d, g1, g2, margin, c, start);
            for (int i = start; i < start + n; i++) {
                if (!(c.dist[i] < margin)) continue; // MuJoCo excludes contacts in the gap (dist >= margin)
                if (i != c.ncon) move(c, i, c.ncon);
                int k = c.ncon++;
                c.dim[k] = pairs.condim[p];
                c.geom1[k] = g1;
                c.geom2[k] = g2;
                c.includeMargin[k] = margin;
                System.arraycopy(pairs.friction, 5 * p, c.friction, 5 * k, 5);
                System.arraycopy(pairs.solref, 2 * p, c.solref, 2 * k, 2);
                System.arraycopy(pairs.solimp, 5 * p, c.solimp, 5 * k, 5);
                c.efcAddress[k] = -1;
                makeFrame(c.frame, 9 * k);
            }
        }
        d.ncon = c.ncon;
    }

    /** Copies the geometric fields (dist, pos, frame) of contact i to slot k. */
    private static void move(Contacts c, int i, int k) {
        c.dist[k] = c.dist[i];
        System.arraycopy(c.pos, 3 * i, c.pos, 3 * k, 3);
        System.arraycopy(c.frame, 9 * i, c.frame, 9 * k, 9);
    }

    /**
     * Completes a contact frame (MuJoCo's {@code mju_makeFrame}): row 0 = normal (normalised);
     * row 1 = the given tangent hint, or (0, 1, 0) when none was set (near-zero) and the normal
     * is not close to y, else (0, 0, 1); made orthogonal to the normal and normalised;
     * row 2 = row 0 x row 1.
     */
    static void makeFrame(double[] f, int o) {
        double nx = f[o], ny = f[o + 1], nz = f[o + 2];
        double nn = 1 / Math.sqrt(nx * nx + ny * ny + nz * nz);
        nx *= nn;
        ny *= nn;
        nz *= nn;
        double yx = f[o + 3], yy = f[o + 4], yz = f[o + 5];
        if (Math.sqrt(yx * yx + yy * yy + yz * yz) < 0.5) {
            yx = 0;
            yy = ny < 0.5 && ny > -0.5 ? 1 : 0;
            yz = yy == 1 ? 0 : 1;
        }
        double s = nx * yx + ny * yy + nz * yz;
        yx -= s * nx;
        yy -= s * ny;
        yz -= s * nz;
        double yn = 1 / Math.sqrt(yx * yx + yy * yy + yz * yz);
        yx *= yn;
        yy *= yn;
        yz *= yn;
        f[o] = nx;
        f[o + 1] = ny;
        f[o + 2] = nz;
        f[o + 3] = yx;
        f[o + 4] = yy;
        f[o + 5] = yz;
        f[o + 6] = ny * yz - nz * yy;
        f[o + 7] = nz * yx - nx * yz;
        f[o + 8] = nx * yy - ny * yx;
    }
}
