package org.vaml4j.sim;

/**
 * Constraint rows of the contacts (MuJoCo 2.2's {@code mj_instantiateContact} with the pyramidal
 * cone, and the contact parts of {@code mj_diagApprox} / {@code mj_makeImpedance}).
 * <pre>
 *   Jc = frame * (J_p(b2, pos) - J_p(b1, pos))            (3 x nv; rows normal, tangent 1, tangent 2)
 *   condim 1: one row  Jc_0                                 (frictionless)
 *   condim 3: 4 rows   Jc_0 + mu_k Jc_k, Jc_0 - mu_k Jc_k, k = 1, 2   (pyramid edges, each f >= 0)
 *   every row: pos = dist, margin = includemargin
 *   diagApprox = tran (frictionless), tran + mu_k^2 tran (edge of direction k),
 *                tran = body_invweight0 translational part of b1 + b2
 *   pyramid: after the per-row impedance, all edges share R = 2 mu^2 R_0 with mu = mu_1 sqrt(1 / impratio)
 * </pre>
 * Forces in the contact frame ({@link #contactForce}): normal = sum of the edge forces,
 * tangent k = mu_k (f_{k+} - f_{k-}).
 */
final class ContactConstraint {

    /** MuJoCo's default ratio of frictional to normal impedance (opt.impratio). */
    static final double IMPRATIO = 1.0;
    private static final double MINVAL = 1e-15;

    private ContactConstraint() {}

    /** Number of constraint rows of a contact of dimensionality dim. */
    static int rows(int dim) {
        return dim == 1 ? 1 : 2 * (dim - 1);
    }

    /**
     * Appends the rows of every contact. Reads d.contact, cdof, subtreeCom.
     * Writes efc rows (type, id = contact index, J, pos, margin, diagApprox) and contact efcAddress.
     */
    static void instantiate(Model m, Data d) {
        Contacts c = d.contact;
        int nv = m.nv;
        double[] jd = c.jacDif; // (3 x nv) frame-rotated Jacobian difference
        for (int i = 0; i < c.ncon; i++) {
            int b1 = m.geomBodyId[c.geom1[i]], b2 = m.geomBodyId[c.geom2[i]];
            int dim = c.dim[i];
            java.util.Arrays.fill(jd, 0);
            addFrameJacobian(m, d, b2, i, 1, jd);
            addFrameJacobian(m, d, b1, i, -1, jd);
            int row = d.nefc;
            c.efcAddress[i] = row;
            double tran = m.bodyInvweight0[2 * b1] + m.bodyInvweight0[2 * b2];
            if (dim == 1) {
                System.arraycopy(jd, 0, d.efcJ, row * nv, nv);
                setRow(d, row, ConstraintType.CONTACT_FRICTIONLESS, i, tran);
                d.nefc++;
                continue;
            }
            for (int k = 1; k < dim; k++) {
                double mu = c.friction[5 * i + k - 1];
                int rp = d.nefc, rm = d.nefc + 1;
                for (int v = 0; v < nv; v++) {
                    d.efcJ[rp * nv + v] = jd[v] + mu * jd[k * nv + v];
                    d.efcJ[rm * nv + v] = jd[v] - mu * jd[k * nv + v];
                }
                setRow(d, rp, ConstraintType.CONTACT_PYRAMIDAL, i, tran + mu * mu * tran);
                setRow(d, rm, ConstraintType.CONTACT_PYRAMIDAL, i, tran + mu * mu * tran);
                d.nefc += 2;
            }
        }
    }

    private static void setRow(Data d, int row, ConstraintType type, int id, double diagApprox) {
        Contacts c = d.contact;
        d.efcType[row] = type;
        d.efcId[row] = id;
        d.efcPos[row] = c.dist[id];
        d.efcMargin[row] = c.includeMargin[id];
        d.efcDiagApprox[row] = diagApprox;
    }

    /**
     * jd(r, :) += sign * frame_r . J_p(b, pos) for the frame rows of contact i, where
     * J_p(b, p) column v = cdof_lin(v) + cdof_ang(v) x (p - subtree_com(root of b)) over b's dof chain.
     */
    private static void addFrameJacobian(Model m, Data d, int b, int i, double sign, double[] jd) {
        if (b == 0) return;
        Contacts c = d.contact;
        int nv = m.nv, rows = c.dim[i] == 1 ? 1 : 3, ro = 3 * m.bodyRootId[b];
        double rx = c.pos[3 * i] - d.subtreeCom[ro], ry = c.pos[3 * i + 1] - d.subtreeCom[ro + 1],
                rz = c.pos[3 * i + 2] - d.subtreeCom[ro + 2];
        double[] cd = d.cdof, f = c.frame;
        for (int v = m.bodyLastDof[b]; v >= 0; v = m.dofParentId[v]) {
            int o = 6 * v;
            double wx = cd[o], wy = cd[o + 1], wz = cd[o + 2];
            double vx = cd[o + 3] + wy * rz - wz * ry;
            double vy = cd[o + 4] + wz * rx - wx * rz;
            double vz = cd[o + 5] + wx * ry - wy * rx;
            for (int r = 0; r < rows; r++) {
                int fo = 9 * i + 3 * r;
                jd[r * nv + v] += sign * (f[fo] * vx + f[fo + 1] * vy + f[fo + 2] * vz);
            }
        }
    }

    /**
     * Pyramidal contacts: R of every edge = 2 mu^2 R_0 (R_0 = the first edge's R from its own
     * impedance), D = 1/R, so that the pyramid matches the elliptic cone's normal and frictional
     * impedance. Reads efcR, efcImp. Writes efcR, efcD, efcDiagApprox of contact rows.
     */
    static void adjustPyramids(Model m, Data d) {
        Contacts c = d.contact;
        for (int i = 0; i < c.ncon; i++) {
            if (c.dim[i] == 1) continue;
            int a = c.efcAddress[i], n = rows(c.dim[i]);
            double r0 = d.efcR[a], r1 = r0 / Math.max(MINVAL, IMPRATIO);
            double mu = c.friction[5 * i] * Math.sqrt(r1 / r0);
            double rpy = 2 * mu * mu * r0;
            for (int j = a; j < a + n; j++) {
                d.efcR[j] = rpy;
                d.efcD[j] = 1 / rpy;
                d.efcDiagApprox[j] = rpy * d.efcImp[j] / (1 - d.efcImp[j]);
            }
        }
    }

    /**
     * The force of contact i in its own frame (MuJoCo's {@code mj_contactForce}): res[0] normal,
     * res[1..dim) tangential, from the solved edge forces. Writes res[o..o+3) (unused entries 0).
     */
    static void contactForce(Data d, int i, double[] res, int o) {
        Contacts c = d.contact;
        res[o] = res[o + 1] = res[o + 2] = 0;
        int a = c.efcAddress[i];
        if (a < 0) return;
        if (c.dim[i] == 1) {
            res[o] = d.efcForce[a];
            return;
        }
        for (int k = 0; k < c.dim[i] - 1; k++) {
            double fp = d.efcForce[a + 2 * k], fm = d.efcForce[a + 2 * k + 1];
            res[o] += fp + fm;
            res[o + 1 + k] = (fp - fm) * c.friction[5 * i + k];
        }
    }
}
