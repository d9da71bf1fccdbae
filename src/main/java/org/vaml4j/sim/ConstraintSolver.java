package org.vaml4j.sim;

/**
 * The constrained acceleration as MuJoCo's primal problem (Todorov 2014, "Convex and analytically
 * invertible dynamics with contacts and constraints"):
 * <pre>
 *   qacc = argmin_a  1/2 (a - a0)' M (a - a0) + sum_i s_i(J_i a - aref_i),
 *   s_i(x) = 1/2 D_i x^2 for x < 0 (row active), 0 otherwise,
 * </pre>
 * with a0 = qacc_smooth. The cost is convex and piecewise quadratic, so Newton's method with an
 * exact line search reaches the exact minimiser once the active set settles (MuJoCo's Newton
 * solver; pyramidal friction cones are one-sided rows too). Warm-started from the previous
 * solution; stops at the exact minimiser (a full step without an active-set change) or when the
 * scaled gradient norm |g| / trace(M) falls below opt.tolerance after a step (this guards against
 * active-set flip-flops of rows with jar ~ 0). Forces: f_i = -D_i (J_i a -
 * aref_i) on active rows, qfrc_constraint = J' f.
 */
final class ConstraintSolver {

    private ConstraintSolver() {}

    /**
     * Reads qaccSmooth, qM and the efc rows (J, D, aref). Writes qacc, efcForce, qfrcConstraint.
     */
    static void solve(Model m, Data d) {
        int nv = m.nv, nefc = d.nefc;
        double[] a = d.qacc, a0 = d.qaccSmooth, jar = d.solJar, jd = d.solJd, g = d.solGrad, dir = d.solDelta;
        double[] tmp = d.solTmp, J = d.efcJ;
        boolean[] active = d.solActive;
        System.arraycopy(a0, 0, a, 0, nv);
        java.util.Arrays.fill(d.qfrcConstraint, 0);
        if (nefc == 0) {
            System.arraycopy(a, 0, d.qaccWarmstart, 0, nv);
            return;
        }
        // ---- warm start: the previous solution when its cost is below that of qacc_smooth ----
        residual(d, nv, nefc, a, jar, active);
        double costSmooth = cost(m, d, a, jar, active);
        System.arraycopy(d.qaccWarmstart, 0, a, 0, nv);
        residual(d, nv, nefc, a, jar, active);
        if (cost(m, d, a, jar, active) >= costSmooth) {
            System.arraycopy(a0, 0, a, 0, nv);
            residual(d, nv, nefc, a, jar, active);
        }
        // MuJoCo's stopping scale: 1 / (mean diagonal inertia * nv)
        double trace = 0;
        for (int k = 0; k < nv; k++) trace += d.qM[k * nv + k];
        double scale = 1 / Math.max(1e-15, trace / nv * nv), tol = m.opt.tolerance();
        for (int iter = 0; iter < m.opt.iterations(); iter++) {
            // ---- gradient g = M (a - a0) + J' D jar (active rows) ----
            for (int k = 0; k < nv; k++) tmp[k] = a[k] - a0[k];
            MassMatrix.mulM(m, d, g, tmp);
            for (int i = 0; i < nefc; i++) {
                if (!active[i]) continue;
                double s = d.efcD[i] * jar[i];
                for (int k = 0; k < nv; k++) g[k] += J[i * nv + k] * s;
            }
            double gn = 0;
            for (int k = 0; k < nv; k++) gn += g[k] * g[k];
            // (MuJoCo tests after each iteration: at least one Newton step is always taken)
            if (iter > 0 && scale * Math.sqrt(gn) < tol) break;
            // ---- Newton direction: (M + J' D J) dir = -g (lower triangle: all that cholesky reads) ----
            double[] h = d.solH;
            System.arraycopy(d.qM, 0, h, 0, nv * nv);
            for (int i = 0; i < nefc; i++) {
                if (!active[i]) continue;
                double di = d.efcD[i];
                for (int r = 0; r < nv; r++) {
                    double jr = J[i * nv + r];
                    if (jr == 0) continue;
                    for (int c = 0; c <= r; c++) h[r * nv + c] += di * jr * J[i * nv + c];
                }
            }
            cholesky(h, nv);
            for (int k = 0; k < nv; k++) dir[k] = -g[k];
            cholSolve(h, nv, dir);
            // ---- exact line search along dir, then update ----
            double alpha = lineSearch(m, d, dir);
            if (alpha == 0) break;
            for (int k = 0; k < nv; k++) a[k] += alpha * dir[k];
            boolean changed = residual(d, nv, nefc, a, jar, active);
            // a full step with an unchanged active set lands on the exact minimiser
            if (!changed && Math.abs(alpha - 1) < 1e-10) break;
        }
        System.arraycopy(a, 0, d.qaccWarmstart, 0, nv);
        // ---- forces ----
        for (int i = 0; i < nefc; i++) {
            double f = active[i] ? -d.efcD[i] * jar[i] : 0;
            d.efcForce[i] = f;
            for (int k = 0; k < nv; k++) d.qfrcConstraint[k] += J[i * nv + k] * f;
        }
    }

    /** The primal cost 1/2 (a - a0)' M (a - a0) + sum_active 1/2 D jar^2 at a (jar, active from {@link #residual}). */
    private static double cost(Model m, Data d, double[] a, double[] jar, boolean[] active) {
        int nv = m.nv;
        double[] tmp = d.solTmp, g = d.solGrad;
        for (int k = 0; k < nv; k++) tmp[k] = a[k] - d.qaccSmooth[k];
        MassMatrix.mulM(m, d, g, tmp);
        double c = 0;
        for (int k = 0; k < nv; k++) c += 0.5 * tmp[k] * g[k];
        for (int i = 0; i < d.nefc; i++) if (active[i]) c += 0.5 * d.efcD[i] * jar[i] * jar[i];
        return c;
    }

    /** jar = J a - aref and the active set; returns whether the active set changed. */
    private static boolean residual(Data d, int nv, int nefc, double[] a, double[] jar, boolean[] active) {
        boolean changed = false;
        for (int i = 0; i < nefc; i++) {
            double s = -d.efcAref[i];
            for (int k = 0; k < nv; k++) s += d.efcJ[i * nv + k] * a[k];
            jar[i] = s;
            boolean on = s < 0;
            changed |= on != active[i];
            active[i] = on;
        }
        return changed;
    }

    /**
     * argmin over t >= 0 of the cost along a + t dir: f'(t) = t dMd + dM(a - a0) + sum_active D_i (jar_i + t jd_i) jd_i
     * is piecewise linear and non-decreasing; walk its breakpoints from t = 0 to the root.
     */
    private static double lineSearch(Model m, Data d, double[] dir) {
        int nv = m.nv, nefc = d.nefc;
        double[] a = d.qacc, a0 = d.qaccSmooth, jar = d.solJar, jd = d.solJd, tmp = d.solTmp;
        MassMatrix.mulM(m, d, tmp, dir);
        double dMd = 0, dMr = 0;
        for (int k = 0; k < nv; k++) {
            dMd += dir[k] * tmp[k];
            dMr += (a[k] - a0[k]) * tmp[k];
        }
        for (int i = 0; i < nefc; i++) {
            double s = 0;
            for (int k = 0; k < nv; k++) s += d.efcJ[i * nv + k] * dir[k];
            jd[i] = s;
        }
        double t = 0;
        for (int guard = 0; guard <= nefc + 1; guard++) {
            // linear model of f' on the segment right of t: slope * t' + offset
            double slope = dMd, offset = dMr;
            for (int i = 0; i < nefc; i++) {
                double x = jar[i] + t * jd[i];
                boolean on = x < 0 || (x == 0 && jd[i] < 0);
                if (on) {
                    slope += d.efcD[i] * jd[i] * jd[i];
                    offset += d.efcD[i] * jar[i] * jd[i];
                }
            }
            if (slope <= 0) return 0;
            double root = -offset / slope;
            // next breakpoint after t
            double next = Double.POSITIVE_INFINITY;
            for (int i = 0; i < nefc; i++) {
                if (jd[i] == 0) continue;
                double b = -jar[i] / jd[i];
                if (b > t && b < next) next = b;
            }
            if (root <= next) return Math.max(root, t);
            t = next;
        }
        return t;
    }

    /** In-place dense Cholesky h = L L' (reads only the lower triangle of h; it then holds L). */
    static void cholesky(double[] h, int n) {
        for (int j = 0; j < n; j++) {
            double s = h[j * n + j];
            for (int k = 0; k < j; k++) s -= h[j * n + k] * h[j * n + k];
            double ljj = Math.sqrt(Math.max(s, 1e-300));
            h[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double v = h[i * n + j];
                for (int k = 0; k < j; k++) v -= h[i * n + k] * h[j * n + k];
                h[i * n + j] = v / ljj;
            }
        }
    }

    /** x = (L L')^-1 x for a factor from {@link #cholesky}. */
    static void cholSolve(double[] l, int n, double[] x) {
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * x[k];
            x[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
            x[i] = s / l[i * n + i];
        }
    }
}
