package org.vaml4j.sim;

/**
 * MuJoCo 2.2's dual solver {@code mj_solPGS} (projected Gauss-Seidel) for rows that are all
 * one-sided scalars (joint limits, frictionless and pyramidal contacts):
 * <pre>
 *   minimise over f >= 0:  1/2 f' AR f + f' b,   AR = J M^-1 J' + diag(R),  b = J qacc_smooth - aref
 *   warm start: f_i = -D_i (J_i qacc_warmstart - aref_i) on rows where that residual is negative,
 *               0 elsewhere; all zero instead when the warm start's dual cost is positive
 *   sweep i = 0..nefc-1:  r = b_i + AR_i f;  f_i <- max(0, f_i - r / AR_ii);
 *               the change 1/2 AR_ii df^2 + r df must not increase the cost (else f_i is restored)
 *   after each sweep: stop when -(cost change) / (meaninertia * max(1, nv)) < tolerance,
 *               or after opt.iterations sweeps
 *   qfrc_constraint = J' f,  qacc = qacc_smooth + M^-1 qfrc_constraint
 * </pre>
 * It stops short of the exact minimiser that {@link ConstraintSolver} reaches; models that ask for
 * PGS (Humanoid) get it so that their trajectories follow MuJoCo's.
 */
final class PgsSolver {

    /** MuJoCo restores a row whose update raises the cost by more than this. */
    private static final double MAX_COST_RISE = 1e-10;

    private PgsSolver() {}

    static void solve(Model m, Data d) {
        int nv = m.nv, nefc = d.nefc;
        double[] f = d.efcForce, ar = d.pgsAR, b = d.pgsB, arInv = d.pgsARinv, J = d.efcJ;
        java.util.Arrays.fill(d.qfrcConstraint, 0);
        if (nefc == 0) {
            System.arraycopy(d.qaccSmooth, 0, d.qacc, 0, nv);
            System.arraycopy(d.qaccSmooth, 0, d.qaccWarmstart, 0, nv);
            return;
        }
        project(m, d);
        // ---- b = J qacc_smooth - aref ----
        for (int i = 0; i < nefc; i++) b[i] = dotRow(J, i * nv, d.qaccSmooth, nv) - d.efcAref[i];
        // ---- warm start: forces of the primal residual at qacc_warmstart; zero if its dual cost > 0 ----
        for (int i = 0; i < nefc; i++) {
            double jar = dotRow(J, i * nv, d.qaccWarmstart, nv) - d.efcAref[i];
            f[i] = jar < 0 ? -d.efcD[i] * jar : 0;
        }
        double cost = 0;
        for (int i = 0; i < nefc; i++) cost += f[i] * b[i];
        for (int i = 0; i < nefc; i++) cost += 0.5 * f[i] * dotRow(ar, i * nefc, f, nefc);
        if (cost > 0) java.util.Arrays.fill(f, 0, nefc, 0);
        // ---- sweeps ----
        for (int i = 0; i < nefc; i++) arInv[i] = 1 / ar[i * nefc + i];
        double scale = 1 / (m.meanInertia * Math.max(1, nv));
        for (int iter = 0; iter < m.opt.iterations(); iter++) {
            double improvement = 0;
            for (int i = 0; i < nefc; i++) {
                double res = b[i] + dotRow(ar, i * nefc, f, nefc), old = f[i];
                f[i] = Math.max(0, f[i] - res * arInv[i]);
                double delta = f[i] - old;
                double change = 0.5 * delta * delta * (1 / arInv[i]) + delta * res;
                if (change > MAX_COST_RISE) {
                    f[i] = old;
                    change = 0;
                }
                improvement -= change;
            }
            if (improvement * scale < m.opt.tolerance()) break;
        }
        // ---- back to joint space ----
        for (int i = 0; i < nefc; i++) {
            for (int k = 0; k < nv; k++) d.qfrcConstraint[k] += J[i * nv + k] * f[i];
        }
        System.arraycopy(d.qfrcConstraint, 0, d.qacc, 0, nv);
        MassMatrix.solve(m, d.qLD, d.qacc);
        for (int k = 0; k < nv; k++) d.qacc[k] += d.qaccSmooth[k];
        System.arraycopy(d.qacc, 0, d.qaccWarmstart, 0, nv);
    }

    /** AR = J M^-1 J' + diag(R) (nefc x nefc), through the columns M^-1 J_i' (pgsMinvJ, nefc x nv). */
    private static void project(Model m, Data d) {
        int nv = m.nv, nefc = d.nefc;
        double[] mj = d.pgsMinvJ, ar = d.pgsAR, J = d.efcJ;
        for (int i = 0; i < nefc; i++) {
            System.arraycopy(J, i * nv, mj, i * nv, nv);
            MassMatrix.solve(m, d.qLD, mj, i * nv);
        }
        for (int i = 0; i < nefc; i++) {
            for (int k = 0; k <= i; k++) {
                double v = dotRow(J, i * nv, mj, k * nv, nv);
                ar[i * nefc + k] = v;
                ar[k * nefc + i] = v;
            }
            ar[i * nefc + i] += d.efcR[i];
        }
    }

    private static double dotRow(double[] a, int o, double[] x, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) s += a[o + k] * x[k];
        return s;
    }

    private static double dotRow(double[] a, int o, double[] x, int ox, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) s += a[o + k] * x[ox + k];
        return s;
    }
}
