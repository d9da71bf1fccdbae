package org.vaml4j.sim;

/**
 * Joint-space inertia: composite rigid bodies, the mass matrix with armature, its L'DL
 * factorization along the dof tree, and solves with it (MuJoCo's {@code mj_crb},
 * {@code mj_factorM}, {@code mj_solveM}). qM is stored dense (nv x nv) but only entries (i, j)
 * with j an ancestor dof of i (or i = j) are non-zero, and the factorization keeps that pattern.
 */
final class MassMatrix {

    private MassMatrix() {}

    /**
     * Composite rigid-body inertias and qM = J' crb J + diag(armature).
     * Reads cinert, cdof. Writes crb, qM.
     */
    static void crb(Model m, Data d) {
        double[] crb = d.crb, qM = d.qM, f = d.vec6;
        int nv = m.nv;
        // crb = cinert, accumulated from the leaves to the root (all of a tree share one reference point)
        System.arraycopy(d.cinert, 0, crb, 0, crb.length);
        for (int b = m.nbody - 1; b > 0; b--) {
            int p = m.bodyParentId[b];
            if (p > 0) for (int k = 0; k < 10; k++) crb[10 * p + k] += crb[10 * b + k];
        }
        java.util.Arrays.fill(qM, 0);
        for (int i = 0; i < nv; i++) {
            // f = crb[body(i)] * cdof_i; M_ij = cdof_j . f for j = i and every ancestor dof j
            Spatial.mulInertVec(f, 0, crb, 10 * m.dofBodyId[i], d.cdof, 6 * i);
            qM[i * nv + i] = Spatial.dot6(d.cdof, 6 * i, f, 0) + m.dofArmature[i];
            for (int j = m.dofParentId[i]; j >= 0; j = m.dofParentId[j]) {
                double v = Spatial.dot6(d.cdof, 6 * j, f, 0);
                qM[i * nv + j] = v;
                qM[j * nv + i] = v;
            }
        }
    }

    /** Factorizes qM into qLD. Reads qM. Writes qLD. */
    static void factorM(Model m, Data d) {
        System.arraycopy(d.qM, 0, d.qLD, 0, d.qM.length);
        factor(m, d.qLD);
    }

    /**
     * In-place L'DL factorization H = L' D L following the dof tree (Featherstone, RBDA
     * Table 6.3): afterwards the strict lower part of H is L (unit diagonal implied) and the
     * diagonal is D. Only ancestor entries are read or written.
     */
    static void factor(Model m, double[] h) {
        int nv = m.nv;
        for (int k = nv - 1; k >= 0; k--) {
            double dkk = h[k * nv + k];
            for (int i = m.dofParentId[k]; i >= 0; i = m.dofParentId[i]) {
                double a = h[k * nv + i] / dkk;
                // H_ij -= H_kj * a for j = i and the ancestors of i
                for (int j = i; j >= 0; j = m.dofParentId[j]) h[i * nv + j] -= h[k * nv + j] * a;
                h[k * nv + i] = a;
            }
        }
    }

    /** x = H^-1 x for a factor {@code ld} made by {@link #factor}. */
    static void solve(Model m, double[] ld, double[] x) {
        solve(m, ld, x, 0);
    }

    /** x[o..o+nv) = H^-1 x[o..o+nv) for a factor {@code ld} made by {@link #factor}. */
    static void solve(Model m, double[] ld, double[] x, int o) {
        int nv = m.nv;
        // L' y = x: from the leaves up
        for (int k = nv - 1; k >= 0; k--) {
            double xk = x[o + k];
            if (xk == 0) continue;
            for (int i = m.dofParentId[k]; i >= 0; i = m.dofParentId[i]) x[o + i] -= ld[k * nv + i] * xk;
        }
        // y = D^-1 y
        for (int k = 0; k < nv; k++) x[o + k] /= ld[k * nv + k];
        // L x = y: from the roots down
        for (int k = 0; k < nv; k++) {
            double s = x[o + k];
            for (int i = m.dofParentId[k]; i >= 0; i = m.dofParentId[i]) s -= ld[k * nv + i] * x[o + i];
            x[o + k] = s;
        }
    }

    /** res = qM * vec using the tree sparsity. */
    static void mulM(Model m, Data d, double[] res, double[] vec) {
        int nv = m.nv;
        double[] qM = d.qM;
        for (int i = 0; i < nv; i++) res[i] = qM[i * nv + i] * vec[i];
        for (int i = 0; i < nv; i++) {
            for (int j = m.dofParentId[i]; j >= 0; j = m.dofParentId[j]) {
                res[i] += qM[i * nv + j] * vec[j];
                res[j] += qM[i * nv + j] * vec[i];
            }
        }
    }
}
