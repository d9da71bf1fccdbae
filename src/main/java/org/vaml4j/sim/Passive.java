package org.vaml4j.sim;

/** Passive forces: joint springs, dof dampers and the medium (MuJoCo's {@code mj_passive}). */
final class Passive {

    private static final double MINVAL = 1e-15;

    private Passive() {}

    /**
     * qfrcPassive = springs + dampers + fluid.
     * Reads qpos, qvel, cvel, cdof, xipos, ximat, subtreeCom. Writes qfrcPassive.
     */
    static void passive(Model m, Data d) {
        double[] f = d.qfrcPassive;
        java.util.Arrays.fill(f, 0);
        // joint springs: f = -k (q - q_spring)
        for (int j = 0; j < m.njnt; j++) {
            double k = m.jntStiffness[j];
            if (k == 0) continue;
            int a = m.jntQposAdr[j], v = m.jntDofAdr[j];
            switch (m.jntType[j]) {
                case SLIDE, HINGE -> f[v] -= k * (d.qpos[a] - m.qposSpring[a]);
                case FREE -> {
                    for (int i = 0; i < 3; i++) f[v + i] -= k * (d.qpos[a + i] - m.qposSpring[a + i]);
                    quatSpring(m, d, k, a + 3, v + 3);
                }
                case BALL -> quatSpring(m, d, k, a, v);
            }
        }
        // dampers: f = -b v
        for (int i = 0; i < m.nv; i++) {
            double b = m.dofDamping[i];
            if (b != 0) f[i] -= b * d.qvel[i];
        }
        if (m.opt.viscosity() > 0 || m.opt.density() > 0) {
            for (int b = 1; b < m.nbody; b++) {
                if (m.bodyMass[b] >= MINVAL) inertiaBoxFluid(m, d, b);
            }
        }
    }

    /** Rotational spring: torque = -k * (axis * angle of q_spring^-1 q), in the joint's local frame. */
    private static void quatSpring(Model m, Data d, double k, int a, int v) {
        double[] t = d.tmp8, q = d.qpos, s = m.qposSpring;
        // t = conj(q_spring) * q
        t[4] = s[a];
        t[5] = -s[a + 1];
        t[6] = -s[a + 2];
        t[7] = -s[a + 3];
        Quat.mul(t, 0, t, 4, q, a);
        double sn = Math.sqrt(t[1] * t[1] + t[2] * t[2] + t[3] * t[3]);
        double angle = 2 * StrictMath.atan2(sn, t[0]);
        if (angle > Math.PI) angle -= 2 * Math.PI;
        double scale = sn < MINVAL ? 2 : angle / sn;
        for (int i = 0; i < 3; i++) d.qfrcPassive[v + i] -= k * scale * t[1 + i];
    }

    /**
     * MuJoCo 2.2's inertia-box fluid model: each body moves through the medium as the box with
     * its mass and principal inertia (side a_i with a_0^2 = 6 (I_1 + I_2 - I_0) / m, ...).
     * In the inertial frame, with body velocity (w, v) relative to the wind:
     * viscous (Stokes) drag f = -3 pi D mu v, t = -pi D^3 mu w with D = mean side;
     * quadratic drag f_i = -1/2 rho a_j a_k |v_i| v_i, t_i = -rho a_i (a_j^4 + a_k^4) |w_i| w_i / 64.
     * The force acts at the centre of mass.
     */
    private static void inertiaBoxFluid(Model m, Data d, int b) {
        double mass = m.bodyMass[b];
        double i0 = m.bodyInertia[3 * b], i1 = m.bodyInertia[3 * b + 1], i2 = m.bodyInertia[3 * b + 2];
        double bx = Math.sqrt(Math.max(MINVAL, i1 + i2 - i0) / mass * 6.0);
        double by = Math.sqrt(Math.max(MINVAL, i0 + i2 - i1) / mass * 6.0);
        double bz = Math.sqrt(Math.max(MINVAL, i0 + i1 - i2) / mass * 6.0);
        double[] lv = d.vec6;
        Support.bodyInertialVelocityLocal(m, d, b, lv, 0);
        // subtract the wind, rotated into the inertial frame
        double w0 = m.opt.wind(0), w1 = m.opt.wind(1), w2 = m.opt.wind(2);
        if (w0 != 0 || w1 != 0 || w2 != 0) {
            int r = 9 * b;
            double[] x = d.ximat;
            lv[3] -= x[r] * w0 + x[r + 3] * w1 + x[r + 6] * w2;
            lv[4] -= x[r + 1] * w0 + x[r + 4] * w1 + x[r + 7] * w2;
            lv[5] -= x[r + 2] * w0 + x[r + 5] * w1 + x[r + 8] * w2;
        }
        double t0 = 0, t1 = 0, t2 = 0, f0 = 0, f1 = 0, f2 = 0;
        double mu = m.opt.viscosity(), rho = m.opt.density();
        if (mu > 0) {
            double diam = (bx + by + bz) / 3.0;
            double rot = -Math.PI * diam * diam * diam * mu, lin = -3.0 * Math.PI * diam * mu;
            t0 = lv[0] * rot;
            t1 = lv[1] * rot;
            t2 = lv[2] * rot;
            f0 = lv[3] * lin;
            f1 = lv[4] * lin;
            f2 = lv[5] * lin;
        }
        if (rho > 0) {
            f0 -= 0.5 * rho * by * bz * Math.abs(lv[3]) * lv[3];
            f1 -= 0.5 * rho * bx * bz * Math.abs(lv[4]) * lv[4];
            f2 -= 0.5 * rho * bx * by * Math.abs(lv[5]) * lv[5];
            double bx4 = bx * bx * bx * bx, by4 = by * by * by * by, bz4 = bz * bz * bz * bz;
            t0 -= rho * bx * (by4 + bz4) * Math.abs(lv[0]) * lv[0] / 64.0;
            t1 -= rho * by * (bx4 + bz4) * Math.abs(lv[1]) * lv[1] / 64.0;
            t2 -= rho * bz * (bx4 + by4) * Math.abs(lv[2]) * lv[2] / 64.0;
        }
        // back to the world frame: R * local
        int r = 9 * b;
        double[] x = d.ximat;
        Support.applyFT(m, d,
                x[r] * f0 + x[r + 1] * f1 + x[r + 2] * f2,
                x[r + 3] * f0 + x[r + 4] * f1 + x[r + 5] * f2,
                x[r + 6] * f0 + x[r + 7] * f1 + x[r + 8] * f2,
                x[r] * t0 + x[r + 1] * t1 + x[r + 2] * t2,
                x[r + 3] * t0 + x[r + 4] * t1 + x[r + 5] * t2,
                x[r + 6] * t0 + x[r + 7] * t1 + x[r + 8] * t2,
                d.xipos[3 * b], d.xipos[3 * b + 1], d.xipos[3 * b + 2], b, d.qfrcPassive);
    }
}
