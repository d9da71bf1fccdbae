package org.vaml4j.sim;

/**
 * Constraint rows and their softness (MuJoCo's {@code engine_core_constraint}): which
 * inequality rows are active, their Jacobians, and the impedance / reference acceleration of
 * MuJoCo's soft-constraint model. A row with distance r (negative = violated), margin, velocity
 * v = J qvel gets
 * <pre>
 *   imp  = solimp sigmoid of |r - margin| / width, in [dmin, dmax]
 *   R    = (1 - imp) / imp * diagApprox,  D = 1 / R
 *   K    = 1 / (dmax^2 timeconst^2 dampratio^2),  B = 2 / (dmax timeconst),  timeconst >= 2 h
 *   aref = -B v - K imp (r - margin)
 * </pre>
 * and the solver ({@link ConstraintSolver}) adds the cost 1/2 D (J qacc - aref)^2 while
 * J qacc - aref is negative. New row kinds (contacts) append rows in {@link #makeConstraint}.
 */
final class Constraint {

    private static final double MINVAL = 1e-15, MINIMP = 0.0001, MAXIMP = 0.9999;

    private Constraint() {}

    /**
     * Instantiates the active rows and their impedance.
     * Reads qpos. Writes nefc, efcType, efcId, efcJ, efcPos, efcMargin, efcDiagApprox, efcR, efcD,
     * efcK, efcB, efcImp.
     */
    static void makeConstraint(Model m, Data d) {
        d.nefc = 0;
        instantiateLimits(m, d);
        ContactConstraint.instantiate(m, d);
        for (int i = 0; i < d.nefc; i++) impedance(m, d, i);
        ContactConstraint.adjustPyramids(m, d);
    }

    /** Joint limits: hinge/slide rows per violated side, ball rows on the rotation angle. */
    private static void instantiateLimits(Model m, Data d) {
        int nv = m.nv;
        for (int j = 0; j < m.njnt; j++) {
            if (!m.jntLimited[j]) continue;
            double margin = m.jntMargin[j];
            int dof = m.jntDofAdr[j], a = m.jntQposAdr[j];
            switch (m.jntType[j]) {
                case SLIDE, HINGE -> {
                    double q = d.qpos[a];
                    // lower side: r = q - lo, J = +1; upper side: r = hi - q, J = -1
                    for (int side = -1; side <= 1; side += 2) {
                        double dist = side * (m.jntRange[2 * j + (side + 1) / 2] - q);
                        if (dist < margin) {
                            int row = addRow(m, d, j, dist, margin);
                            d.efcJ[row * nv + dof] = -side;
                        }
                    }
                }
                case BALL -> {
                    // rotation vector of the joint quaternion: angle * axis, angle in [-pi, pi]
                    double w = d.qpos[a], x = d.qpos[a + 1], y = d.qpos[a + 2], z = d.qpos[a + 3];
                    double sn = Math.sqrt(x * x + y * y + z * z);
                    double angle = 2 * StrictMath.atan2(sn, w);
                    if (angle > Math.PI) angle -= 2 * Math.PI;
                    double value = Math.abs(angle);
                    double dist = Math.max(m.jntRange[2 * j], m.jntRange[2 * j + 1]) - value;
                    if (dist < margin && sn > MINVAL) {
                        int row = addRow(m, d, j, dist, margin);
                        double s = -Math.signum(angle) / sn;
                        d.efcJ[row * nv + dof] = s * x;
                        d.efcJ[row * nv + dof + 1] = s * y;
                        d.efcJ[row * nv + dof + 2] = s * z;
                    }
                }
                case FREE -> { }
            }
        }
    }

    /** Appends a zeroed limit row for joint j; returns its index. */
    private static int addRow(Model m, Data d, int j, double dist, double margin) {
        int row = d.nefc++;
        java.util.Arrays.fill(d.efcJ, row * m.nv, (row + 1) * m.nv, 0);
        d.efcType[row] = ConstraintType.LIMIT_JOINT;
        d.efcId[row] = j;
        d.efcPos[row] = dist;
        d.efcMargin[row] = margin;
        d.efcDiagApprox[row] = m.dofInvweight0[m.jntDofAdr[j]];
        return row;
    }

    /** R, D, K, B, imp of row i from the solref/solimp of its joint (limits) or contact. */
    private static void impedance(Model m, Data d, int i) {
        int j = d.efcId[i];
        boolean limit = d.efcType[i] == ConstraintType.LIMIT_JOINT;
        double[] ref = limit ? m.jntSolref : d.contact.solref, sim = limit ? m.jntSolimp : d.contact.solimp;
        double timeconst = ref[2 * j], dampratio = ref[2 * j + 1];
        // integrator safety: the reference time constant is at least two timesteps
        if (timeconst > 0) timeconst = Math.max(timeconst, 2 * m.opt.timestep());
        double dmin = clampImp(sim[5 * j]), dmax = clampImp(sim[5 * j + 1]);
        double width = Math.max(0, sim[5 * j + 2]), mid = clampImp(sim[5 * j + 3]);
        double power = Math.max(1, sim[5 * j + 4]);
        double imp = impedanceValue(dmin, dmax, width, mid, power, d.efcPos[i] - d.efcMargin[i]);
        d.efcImp[i] = imp;
        d.efcR[i] = Math.max(MINVAL, (1 - imp) * d.efcDiagApprox[i] / imp);
        d.efcD[i] = 1 / d.efcR[i];
        // standard (positive) solref: K = 1 / (dmax^2 tc^2 dr^2), B = 2 / (dmax tc); direct: K = -ref0/dmax^2, B = -ref1/dmax
        d.efcK[i] = timeconst > 0 ? 1 / Math.max(MINVAL, dmax * dmax * timeconst * timeconst * dampratio * dampratio)
                : -timeconst / Math.max(MINVAL, dmax * dmax);
        d.efcB[i] = dampratio > 0 ? 2 / Math.max(MINVAL, dmax * timeconst) : -dampratio / Math.max(MINVAL, dmax);
    }

    private static double clampImp(double v) {
        return Math.min(MAXIMP, Math.max(MINIMP, v));
    }

    /**
     * MuJoCo's impedance sigmoid: imp(x) = dmin + y(x) (dmax - dmin) with x = |r - margin| / width,
     * y = x^p / mid^(p-1) for x <= mid, 1 - (1 - x)^p / (1 - mid)^(p-1) above; saturated outside (0, 1).
     */
    static double impedanceValue(double dmin, double dmax, double width, double mid, double power, double rm) {
        if (dmin == dmax || width <= MINVAL) return 0.5 * (dmin + dmax);
        double x = Math.abs(rm / width);
        if (x >= 1 || x <= 0) return x >= 1 ? dmax : dmin;
        double y;
        if (power == 1) y = x;
        else if (x <= mid) y = StrictMath.pow(x, power) / StrictMath.pow(mid, power - 1);
        else y = 1 - StrictMath.pow(1 - x, power) / StrictMath.pow(1 - mid, power - 1);
        return dmin + y * (dmax - dmin);
    }

    /**
     * Row velocities and reference accelerations: v = J qvel, aref = -B v - K imp (r - margin).
     * Reads efcJ, qvel and the impedance fields. Writes efcVel, efcAref.
     */
    static void referenceConstraint(Model m, Data d) {
        int nv = m.nv;
        for (int i = 0; i < d.nefc; i++) {
            double v = 0;
            for (int k = 0; k < nv; k++) v += d.efcJ[i * nv + k] * d.qvel[k];
            d.efcVel[i] = v;
            d.efcAref[i] = -d.efcB[i] * v - d.efcK[i] * d.efcImp[i] * (d.efcPos[i] - d.efcMargin[i]);
        }
    }
}
