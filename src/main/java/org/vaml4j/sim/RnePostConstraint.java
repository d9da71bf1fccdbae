package org.vaml4j.sim;

/**
 * The contact-force part of MuJoCo's {@code mj_rnePostConstraint}, which Gym calls after every
 * env step: {@code cfrc_ext}, the external (contact) wrench on each body.
 * <pre>
 *   F = frame' f_local (world force of contact i, f_local from {@link ContactConstraint#contactForce})
 *   cfrc_ext[b2] += ((pos - c2) x F, F),   cfrc_ext[b1] -= ((pos - c1) x F, F)
 * </pre>
 * with c = subtree_com of the body's tree root; the world body's row stays zero.
 */
public final class RnePostConstraint {

    private RnePostConstraint() {}

    /** Reads the contacts, efcForce, subtreeCom. Writes cfrcExt (nbody x 6). */
    public static void cfrcExt(Model m, Data d) {
        double[] out = d.cfrcExt, f = d.vec6;
        java.util.Arrays.fill(out, 0);
        Contacts c = d.contact;
        for (int i = 0; i < c.ncon; i++) {
            if (c.efcAddress[i] < 0) continue;
            ContactConstraint.contactForce(d, i, f, 0);
            int o = 9 * i;
            double[] fr = c.frame;
            double fx = fr[o] * f[0] + fr[o + 3] * f[1] + fr[o + 6] * f[2];
            double fy = fr[o + 1] * f[0] + fr[o + 4] * f[1] + fr[o + 7] * f[2];
            double fz = fr[o + 2] * f[0] + fr[o + 5] * f[1] + fr[o + 8] * f[2];
            addWrench(m, d, m.geomBodyId[c.geom1[i]], -1, fx, fy, fz, c.pos, 3 * i);
            addWrench(m, d, m.geomBodyId[c.geom2[i]], 1, fx, fy, fz, c.pos, 3 * i);
        }
    }

    private static void addWrench(Model m, Data d, int b, double sign, double fx, double fy, double fz,
                                  double[] pos, int p) {
        if (b == 0) return;
        int r = 3 * m.bodyRootId[b], o = 6 * b;
        double rx = pos[p] - d.subtreeCom[r], ry = pos[p + 1] - d.subtreeCom[r + 1], rz = pos[p + 2] - d.subtreeCom[r + 2];
        double[] out = d.cfrcExt;
        out[o] += sign * (ry * fz - rz * fy);
        out[o + 1] += sign * (rz * fx - rx * fz);
        out[o + 2] += sign * (rx * fy - ry * fx);
        out[o + 3] += sign * fx;
        out[o + 4] += sign * fy;
        out[o + 5] += sign * fz;
    }
}
