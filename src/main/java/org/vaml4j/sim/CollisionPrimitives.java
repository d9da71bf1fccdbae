package org.vaml4j.sim;

/**
 * Narrow-phase collision of primitive geoms, with the contact sets of MuJoCo 2.2's
 * {@code engine_collision_primitive} (so that the constraint rows match): each function writes
 * contacts k, k+1, ... of {@link Contacts} (dist, pos midway between the surfaces, frame row 0 =
 * normal from geom1 to geom2, row 1 = tangent hint or zero) and returns how many it wrote.
 * Geom frames come from geomXpos / geomXmat; a geom's local z axis is column 2 of its matrix.
 */
final class CollisionPrimitives {

    private static final double MINVAL = 1e-15;
    private static final double SQRT3_2 = Math.sqrt(3.0) / 2;

    private CollisionPrimitives() {}

    /** Dispatches on the (ordered) geom types; returns the number of contacts written at k. */
    static int collide(Model m, Data d, int g1, int g2, double margin, Contacts c, int k) {
        GeomType t1 = m.geomType[g1], t2 = m.geomType[g2];
        double[] x = d.geomXpos, r = d.geomXmat, s = m.geomSize;
        return switch (t1) {
            case PLANE -> switch (t2) {
                case SPHERE -> planeSphere(c, k, margin, x, r, g1, x[3 * g2], x[3 * g2 + 1], x[3 * g2 + 2], s[3 * g2]);
                case CAPSULE -> planeCapsule(c, k, margin, x, r, s, g1, g2);
                case CYLINDER -> planeCylinder(c, k, margin, x, r, s, g1, g2);
                case BOX -> planeBox(c, k, margin, x, r, s, g1, g2);
                default -> unsupported(t1, t2);
            };
            case SPHERE -> switch (t2) {
                case SPHERE -> sphereSphere(c, k, margin, x[3 * g1], x[3 * g1 + 1], x[3 * g1 + 2], s[3 * g1],
                        x[3 * g2], x[3 * g2 + 1], x[3 * g2 + 2], s[3 * g2], r, g1, g2);
                case CAPSULE -> sphereCapsule(c, k, margin, x, r, s, g1, g2);
                default -> unsupported(t1, t2);
            };
            case CAPSULE -> switch (t2) {
                case CAPSULE -> capsuleCapsule(c, k, margin, x, r, s, g1, g2);
                case CYLINDER -> CollisionCylinder.capsuleCylinder(c, k, margin, x, r, s, g1, g2);
                default -> unsupported(t1, t2);
            };
            default -> unsupported(t1, t2);
        };
    }

    private static int unsupported(GeomType t1, GeomType t2) {
        throw new IllegalStateException("no collision function for " + t1 + "-" + t2 + "; supported: " + Collision.SUPPORTED);
    }

    // ------------------------------------------------------------------ plane

    /** Plane g1 (normal = its z axis) against a sphere at (qx, qy, qz) of radius rad. */
    static int planeSphere(Contacts c, int k, double margin, double[] x, double[] r, int g1,
                           double qx, double qy, double qz, double rad) {
        double nx = r[9 * g1 + 2], ny = r[9 * g1 + 5], nz = r[9 * g1 + 8];
        double cdist = (qx - x[3 * g1]) * nx + (qy - x[3 * g1 + 1]) * ny + (qz - x[3 * g1 + 2]) * nz;
        if (cdist > margin + rad) return 0;
        double dist = cdist - rad, s = -dist / 2 - rad;
        c.dist[k] = dist;
        setPos(c, k, qx + s * nx, qy + s * ny, qz + s * nz);
        setFrame(c, k, nx, ny, nz, 0, 0, 0);
        return 1;
    }

    /** Plane against a capsule: a sphere test at each end of the segment; tangent hint = capsule axis. */
    static int planeCapsule(Contacts c, int k, double margin, double[] x, double[] r, double[] s, int g1, int g2) {
        double ax = r[9 * g2 + 2], ay = r[9 * g2 + 5], az = r[9 * g2 + 8], h = s[3 * g2 + 1], rad = s[3 * g2];
        double px = x[3 * g2], py = x[3 * g2 + 1], pz = x[3 * g2 + 2];
        int n1 = planeSphere(c, k, margin, x, r, g1, px + ax * h, py + ay * h, pz + az * h, rad);
        int n2 = planeSphere(c, k + n1, margin, x, r, g1, px - ax * h, py - ay * h, pz - az * h, rad);
        for (int i = k; i < k + n1 + n2; i++) {
            c.frame[9 * i + 3] = ax;
            c.frame[9 * i + 4] = ay;
            c.frame[9 * i + 5] = az;
        }
        return n1 + n2;
    }

    /**
     * Plane against a cylinder: the deepest rim point of the end disk nearer the plane, the
     * matching point of the other disk, and when the near disk's far side is also within the margin
     * two more points at +-120 degrees on that disk (a triangle with the first).
     */
    static int planeCylinder(Contacts c, int k, double margin, double[] x, double[] r, double[] s, int g1, int g2) {
        double nx = r[9 * g1 + 2], ny = r[9 * g1 + 5], nz = r[9 * g1 + 8];
        double ax = r[9 * g2 + 2], ay = r[9 * g2 + 5], az = r[9 * g2 + 8];
        double rad = s[3 * g2], hh = s[3 * g2 + 1];
        double px = x[3 * g2], py = x[3 * g2 + 1], pz = x[3 * g2 + 2];
        // axis points towards the plane
        double prjaxis = nx * ax + ny * ay + nz * az;
        if (prjaxis > 0) {
            ax = -ax;
            ay = -ay;
            az = -az;
            prjaxis = -prjaxis;
        }
        double dist0 = (px - x[3 * g1]) * nx + (py - x[3 * g1 + 1]) * ny + (pz - x[3 * g1 + 2]) * nz;
        // vec = radial direction towards the plane: -normal without its axis component, length rad
        double vx = ax * prjaxis - nx, vy = ay * prjaxis - ny, vz = az * prjaxis - nz;
        double len = Math.sqrt(vx * vx + vy * vy + vz * vz);
        if (len >= MINVAL) {
            double scl = rad / len;
            vx *= scl;
            vy *= scl;
            vz *= scl;
        } else {
            // disk parallel to the plane: the cylinder's x axis
            vx = r[9 * g2] * rad;
            vy = r[9 * g2 + 3] * rad;
            vz = r[9 * g2 + 6] * rad;
        }
        double prjvec = vx * nx + vy * ny + vz * nz;
        ax *= hh;
        ay *= hh;
        az *= hh;
        prjaxis *= hh;
        int cnt = 0;
        double dA = dist0 + prjaxis + prjvec;
        if (dA > margin) return 0;
        cnt += planePoint(c, k + cnt, dA, px + vx + ax, py + vy + ay, pz + vz + az, nx, ny, nz);
        double dB = dist0 - prjaxis + prjvec;
        if (dB <= margin) cnt += planePoint(c, k + cnt, dB, px + vx - ax, py + vy - ay, pz + vz - az, nx, ny, nz);
        double prjvec1 = -prjvec * 0.5, dC = dist0 + prjaxis + prjvec1;
        if (dC <= margin) {
            // sideways vector vec x axis, length rad sqrt(3)/2
            double wx = vy * az - vz * ay, wy = vz * ax - vx * az, wz = vx * ay - vy * ax;
            double wl = Math.sqrt(wx * wx + wy * wy + wz * wz);
            double sc = wl < MINVAL ? 0 : rad * SQRT3_2 / wl;
            wx *= sc;
            wy *= sc;
            wz *= sc;
            cnt += planePoint(c, k + cnt, dC, px + wx + ax - 0.5 * vx, py + wy + ay - 0.5 * vy, pz + wz + az - 0.5 * vz,
                    nx, ny, nz);
            cnt += planePoint(c, k + cnt, dC, px - wx + ax - 0.5 * vx, py - wy + ay - 0.5 * vy, pz - wz + az - 0.5 * vz,
                    nx, ny, nz);
        }
        return cnt;
    }

    /** Plane against a box: the (up to 4) lowest corners within the margin, in corner order. */
    static int planeBox(Contacts c, int k, double margin, double[] x, double[] r, double[] s, int g1, int g2) {
        double nx = r[9 * g1 + 2], ny = r[9 * g1 + 5], nz = r[9 * g1 + 8];
        double px = x[3 * g2], py = x[3 * g2 + 1], pz = x[3 * g2 + 2];
        double dist = (px - x[3 * g1]) * nx + (py - x[3 * g1 + 1]) * ny + (pz - x[3 * g1 + 2]) * nz;
        int cnt = 0, o = 9 * g2;
        for (int i = 0; i < 8; i++) {
            double lx = (i & 1) != 0 ? s[3 * g2] : -s[3 * g2];
            double ly = (i & 2) != 0 ? s[3 * g2 + 1] : -s[3 * g2 + 1];
            double lz = (i & 4) != 0 ? s[3 * g2 + 2] : -s[3 * g2 + 2];
            // corner relative to the centre, world
            double cx = r[o] * lx + r[o + 1] * ly + r[o + 2] * lz;
            double cy = r[o + 3] * lx + r[o + 4] * ly + r[o + 5] * lz;
            double cz = r[o + 6] * lx + r[o + 7] * ly + r[o + 8] * lz;
            double ldist = nx * cx + ny * cy + nz * cz;
            if (dist + ldist > margin || ldist > 0) continue;
            cnt += planePoint(c, k + cnt, dist + ldist, px + cx, py + cy, pz + cz, nx, ny, nz);
            if (cnt >= 4) return 4;
        }
        return cnt;
    }

    /** A plane contact at depth d whose point on geom2 is (qx, qy, qz): pos moved by -d/2 along the normal. */
    private static int planePoint(Contacts c, int k, double d, double qx, double qy, double qz,
                                  double nx, double ny, double nz) {
        c.dist[k] = d;
        setPos(c, k, qx - nx * d * 0.5, qy - ny * d * 0.5, qz - nz * d * 0.5);
        setFrame(c, k, nx, ny, nz, 0, 0, 0);
        return 1;
    }

    // ------------------------------------------------------------------ spheres and capsules

    /**
     * Spheres at p1 (radius r1) and p2 (radius r2); normal along p2 - p1 (coincident centres:
     * the cross product of the geoms' z axes). g1, g2 name the geoms whose z axes are used.
     */
    static int sphereSphere(Contacts c, int k, double margin, double x1, double y1, double z1, double r1,
                            double x2, double y2, double z2, double r2, double[] r, int g1, int g2) {
        double dx = x2 - x1, dy = y2 - y1, dz = z2 - z1;
        double cdist = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (cdist > margin + r1 + r2) return 0;
        double dist = cdist - r1 - r2;
        double nx, ny, nz;
        if (cdist < MINVAL) {
            double ax = r[9 * g1 + 2], ay = r[9 * g1 + 5], az = r[9 * g1 + 8];
            double bx = r[9 * g2 + 2], by = r[9 * g2 + 5], bz = r[9 * g2 + 8];
            nx = ay * bz - az * by;
            ny = az * bx - ax * bz;
            nz = ax * by - ay * bx;
            double l = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (l < MINVAL) { nx = 1; ny = 0; nz = 0; } else { nx /= l; ny /= l; nz /= l; }
        } else {
            double inv = 1 / cdist;
            nx = dx * inv;
            ny = dy * inv;
            nz = dz * inv;
        }
        double s = r1 + dist / 2;
        c.dist[k] = dist;
        setPos(c, k, x1 + nx * s, y1 + ny * s, z1 + nz * s);
        setFrame(c, k, nx, ny, nz, 0, 0, 0);
        return 1;
    }

    /** Sphere against the nearest point of the capsule's segment. */
    static int sphereCapsule(Contacts c, int k, double margin, double[] x, double[] r, double[] s, int g1, int g2) {
        double h = s[3 * g2 + 1];
        double ax = r[9 * g2 + 2] * h, ay = r[9 * g2 + 5] * h, az = r[9 * g2 + 8] * h;
        double vx = x[3 * g1] - x[3 * g2], vy = x[3 * g1 + 1] - x[3 * g2 + 1], vz = x[3 * g1 + 2] - x[3 * g2 + 2];
        double t = clamp1((ax * vx + ay * vy + az * vz) / (ax * ax + ay * ay + az * az));
        return sphereSphere(c, k, margin, x[3 * g1], x[3 * g1 + 1], x[3 * g1 + 2], s[3 * g1],
                x[3 * g2] + ax * t, x[3 * g2 + 1] + ay * t, x[3 * g2 + 2] + az * t, s[3 * g2], r, g1, g2);
    }

    /**
     * Capsules: sphere test between the closest points of the two segments (segment parameters in
     * [-1, 1]); for parallel axes up to two tests at the clipped segment ends.
     */
    static int capsuleCapsule(Contacts c, int k, double margin, double[] x, double[] r, double[] s, int g1, int g2) {
        double h1 = s[3 * g1 + 1], h2 = s[3 * g2 + 1], r1 = s[3 * g1], r2 = s[3 * g2];
        double a1x = r[9 * g1 + 2] * h1, a1y = r[9 * g1 + 5] * h1, a1z = r[9 * g1 + 8] * h1;
        double a2x = r[9 * g2 + 2] * h2, a2y = r[9 * g2 + 5] * h2, a2z = r[9 * g2 + 8] * h2;
        double p1x = x[3 * g1], p1y = x[3 * g1 + 1], p1z = x[3 * g1 + 2];
        double p2x = x[3 * g2], p2y = x[3 * g2 + 1], p2z = x[3 * g2 + 2];
        double dx = p1x - p2x, dy = p1y - p2y, dz = p1z - p2z;
        // minimise |p1 + x1 a1 - p2 - x2 a2|^2: [ma mb; mb mc] (x1, x2) = (u, v)
        double ma = a1x * a1x + a1y * a1y + a1z * a1z;
        double mb = -(a1x * a2x + a1y * a2y + a1z * a2z);
        double mc = a2x * a2x + a2y * a2y + a2z * a2z;
        double u = -(a1x * dx + a1y * dy + a1z * dz);
        double v = a2x * dx + a2y * dy + a2z * dz;
        double det = ma * mc - mb * mb;
        if (Math.abs(det) >= MINVAL) {
            double x1 = (mc * u - mb * v) / det, x2 = (ma * v - mb * u) / det;
            if (x1 > 1) { x1 = 1; x2 = (v - mb) / mc; } else if (x1 < -1) { x1 = -1; x2 = (v + mb) / mc; }
            if (x2 > 1) { x2 = 1; x1 = clamp1((u - mb) / ma); } else if (x2 < -1) { x2 = -1; x1 = clamp1((u + mb) / ma); }
            return sphereSphere(c, k, margin, p1x + a1x * x1, p1y + a1y * x1, p1z + a1z * x1, r1,
                    p2x + a2x * x2, p2y + a2y * x2, p2z + a2z * x2, r2, r, g1, g2);
        }
        // ---- parallel axes: segment ends of capsule 1, then of capsule 2, until two contacts ----
        int n = 0;
        for (int end = 1; end >= -1; end -= 2) {
            double x2 = clamp1((v - end * mb) / mc);
            n += sphereSphere(c, k + n, margin, p1x + end * a1x, p1y + end * a1y, p1z + end * a1z, r1,
                    p2x + a2x * x2, p2y + a2y * x2, p2z + a2z * x2, r2, r, g1, g2);
        }
        for (int end = 1; end >= -1 && n < 2; end -= 2) {
            double x1 = clamp1((u - end * mb) / ma);
            n += sphereSphere(c, k + n, margin, p1x + a1x * x1, p1y + a1y * x1, p1z + a1z * x1, r1,
                    p2x + end * a2x, p2y + end * a2y, p2z + end * a2z, r2, r, g1, g2);
        }
        return n;
    }

    static double clamp1(double t) {
        return t > 1 ? 1 : t < -1 ? -1 : t;
    }

    static void setPos(Contacts c, int k, double px, double py, double pz) {
        c.pos[3 * k] = px;
        c.pos[3 * k + 1] = py;
        c.pos[3 * k + 2] = pz;
    }

    /** Frame row 0 = normal, row 1 = tangent hint (zero: chosen by {@link Collision#makeFrame}). */
    static void setFrame(Contacts c, int k, double nx, double ny, double nz, double tx, double ty, double tz) {
        int o = 9 * k;
        c.frame[o] = nx;
        c.frame[o + 1] = ny;
        c.frame[o + 2] = nz;
        c.frame[o + 3] = tx;
        c.frame[o + 4] = ty;
        c.frame[o + 5] = tz;
    }
}
