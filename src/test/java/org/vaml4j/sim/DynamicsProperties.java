package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants of the smooth dynamics on random kinematic trees (hinge, slide, ball and free joints,
 * every primitive geom, random frames): qM symmetric positive definite, inverse dynamics undoes
 * forward dynamics, energy conservation without damping or actuation, momentum conservation of a
 * free body without gravity.
 */
class DynamicsProperties {

    private static final String[] SHAPES = {"sphere", "capsule", "box", "ellipsoid", "cylinder"};

    /**
     * A random tree of 1..6 bodies as MJCF without contacts (masses within a factor ~100 of each other and some
     * armature, so that RK4 at h = 1e-3 is far inside its stability region); damping optional.
     */
    static String randomTree(SplittableRandom r, boolean damped, String gravity) {
        int n = 1 + r.nextInt(6);
        StringBuilder sb = new StringBuilder("<mujoco><compiler angle=\"radian\"/><option gravity=\"" + gravity
                + "\" timestep=\"0.001\" integrator=\"RK4\"/><worldbody>");
        int[] parent = new int[n + 1];
        StringBuilder[] body = new StringBuilder[n + 1];
        for (int b = 1; b <= n; b++) {
            parent[b] = r.nextInt(b); // 0 = world
            StringBuilder s = new StringBuilder();
            s.append(String.format("<body pos=\"%s\" euler=\"%s\">", vec(r, 0.5), vec(r, 3)));
            if (parent[b] == 0 && r.nextInt(4) == 0) {
                s.append("<freejoint/>");
            } else {
                int nj = 1 + r.nextInt(2);
                for (int j = 0; j < nj; j++) {
                    String type = new String[] {"hinge", "slide", "ball"}[r.nextInt(3)];
                    s.append(String.format("<joint type=\"%s\" axis=\"%s\" pos=\"%s\" armature=\"%s\" damping=\"%s\"/>",
                            type, vec(r, 1), vec(r, 0.2), r.nextDouble(0.01, 0.1), damped ? r.nextDouble(0, 1) : 0));
                }
            }
            String shape = SHAPES[r.nextInt(SHAPES.length)];
            s.append(String.format("<geom type=\"%s\" size=\"%.3f %.3f %.3f\" pos=\"%s\" euler=\"%s\" density=\"%.1f\" contype=\"0\" conaffinity=\"0\"/>",
                    shape, r.nextDouble(0.08, 0.3), r.nextDouble(0.08, 0.3), r.nextDouble(0.08, 0.3), vec(r, 0.2),
                    vec(r, 3), r.nextDouble(300, 1500)));
            body[b] = s;
        }
        // nest children inside parents (children have larger ids)
        for (int b = n; b >= 1; b--) {
            body[b].append("</body>");
            if (parent[b] > 0) body[parent[b]].append(body[b]);
        }
        for (int b = 1; b <= n; b++) if (parent[b] == 0) sb.append(body[b]);
        return sb.append("</worldbody></mujoco>").toString();
    }

    private static String vec(SplittableRandom r, double s) {
        return String.format("%.4f %.4f %.4f", r.nextDouble(-s, s), r.nextDouble(-s, s), r.nextDouble(-s, s));
    }

    /** Random qpos (unit quaternions for ball/free) and qvel. */
    static void randomState(Model m, Data d, SplittableRandom r) {
        for (int j = 0; j < m.njnt; j++) {
            int a = m.jntQposAdr[j];
            switch (m.jntType[j]) {
                case FREE -> {
                    for (int k = 0; k < 3; k++) d.qpos[a + k] = r.nextDouble(-1, 1);
                    for (int k = 3; k < 7; k++) d.qpos[a + k] = r.nextGaussian();
                    Quat.normalize(d.qpos, a + 3);
                }
                case BALL -> {
                    for (int k = 0; k < 4; k++) d.qpos[a + k] = r.nextGaussian();
                    Quat.normalize(d.qpos, a);
                }
                default -> d.qpos[a] = r.nextDouble(-1, 1);
            }
        }
        for (int i = 0; i < m.nv; i++) d.qvel[i] = r.nextDouble(-2, 2);
    }

    @Property(tries = 60, seed = "20261122")
    void massMatrixIsSymmetricPositiveDefinite(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Model m = MjcfLoader.loadString(randomTree(r, true, "0 0 -9.81"), "tree");
        Data d = new Data(m);
        randomState(m, d, r);
        Forward.forward(m, d);
        int nv = m.nv;
        for (int i = 0; i < nv; i++) {
            assertTrue(d.qLD[i * nv + i] > 0, "pivot " + i + " of L'DL");
            for (int j = 0; j < nv; j++) assertEquals(d.qM[i * nv + j], d.qM[j * nv + i], 0, "symmetry");
        }
        // x' M x > 0 and M (M^-1 b) = b
        double[] x = new double[nv], mx = new double[nv];
        for (int i = 0; i < nv; i++) x[i] = r.nextGaussian();
        MassMatrix.mulM(m, d, mx, x);
        double xmx = 0;
        for (int i = 0; i < nv; i++) xmx += x[i] * mx[i];
        assertTrue(xmx > 0);
        MassMatrix.solve(m, d.qLD, mx);
        for (int i = 0; i < nv; i++) assertEquals(x[i], mx[i], 1e-8 * (1 + Math.abs(x[i])));
    }

    @Property(tries = 60, seed = "20261122")
    void inverseDynamicsUndoesForwardDynamics(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Model m = MjcfLoader.loadString(randomTree(r, true, "0.3 -0.2 -9.81"), "tree");
        Data d = new Data(m);
        randomState(m, d, r);
        for (int i = 0; i < m.nv; i++) d.qfrcApplied[i] = r.nextDouble(-5, 5);
        Forward.forward(m, d);
        // M qacc + C(q, v) = passive + applied (+ actuator, none here)
        double[] tau = new double[m.nv];
        Rne.inverse(m, d, d.qacc, tau);
        for (int i = 0; i < m.nv; i++) {
            double rhs = d.qfrcPassive[i] + d.qfrcApplied[i];
            assertEquals(rhs, tau[i], 1e-8 * (1 + Math.abs(rhs)), "dof " + i);
        }
    }

    /**
     * Energy drift over 0.2 s is small and shrinks with the step: the flow conserves energy, so
     * only integration error remains. (With ball or free joints MuJoCo's RK4, which combines the
     * stages' body-frame angular velocities before one quaternion update, is second order, so the
     * drift falls about 4x per halving; with hinges and slides only it stays at rounding level.)
     */
    @Property(tries = 20, seed = "20261122")
    void energyIsConservedWithoutDampingOrActuation(@ForAll long seed) {
        double[] drift = new double[2];
        double scale = 0;
        for (int run = 0; run < 2; run++) {
            double h = run == 0 ? 1e-3 : 5e-4;
            SplittableRandom r = new SplittableRandom(seed);
            Model m = MjcfLoader.loadString(randomTree(r, false, "0 0 -9.81").replace("timestep=\"0.001\"",
                    "timestep=\"" + h + "\""), "tree");
            Data d = new Data(m);
            randomState(m, d, r);
            Forward.forward(m, d);
            double e0 = energy(m, d);
            scale = 1 + Math.abs(kinetic(m, d)) + Math.abs(e0 - kinetic(m, d));
            for (int k = 0; k < Math.round(0.2 / h); k++) Step.step(m, d);
            Forward.forward(m, d);
            drift[run] = Math.abs(energy(m, d) - e0);
        }
        assertTrue(drift[0] <= 1e-5 * scale, "energy drift " + drift[0] + " at h = 1e-3, energy scale " + scale);
        assertTrue(drift[0] <= 1e-11 * scale || drift[1] <= 0.35 * drift[0],
                "drift must shrink with h: " + drift[0] + " -> " + drift[1]);
    }

    @Property(tries = 20, seed = "20261122")
    void freeBodyMomentumIsConservedWithoutGravity(@ForAll long seed) {
        double[] drift = new double[2];
        for (int run = 0; run < 2; run++) {
            double h = run == 0 ? 1e-3 : 5e-4;
            SplittableRandom r = new SplittableRandom(seed);
            String xml = String.format("<mujoco><compiler angle=\"radian\"/><option gravity=\"0 0 0\" timestep=\"%s\""
                    + " integrator=\"RK4\"/><worldbody><body pos=\"%s\"><freejoint/><geom type=\"box\" size=\"%.3f %.3f %.3f\""
                    + " pos=\"%s\" euler=\"%s\"/></body></worldbody></mujoco>", h, vec(r, 1), r.nextDouble(0.05, 0.5),
                    r.nextDouble(0.05, 0.5), r.nextDouble(0.05, 0.5), vec(r, 0.3), vec(r, 3));
            Model m = MjcfLoader.loadString(xml, "free-body");
            Data d = new Data(m);
            randomState(m, d, r);
            Forward.forward(m, d);
            double[] h0 = momentum(m, d);
            for (int k = 0; k < Math.round(0.3 / h); k++) Step.step(m, d);
            Forward.forward(m, d);
            double[] h1 = momentum(m, d);
            // the joint moves the frame origin, not the centre of mass, so both parts carry integration error
            double scale = 1;
            for (int k = 0; k < 6; k++) scale += Math.abs(h0[k]);
            for (int k = 0; k < 6; k++) drift[run] = Math.max(drift[run], Math.abs(h1[k] - h0[k]) / scale);
        }
        assertTrue(drift[0] <= 1e-5, "momentum drift " + drift[0]);
        assertTrue(drift[0] <= 1e-12 || drift[1] <= 0.35 * drift[0], "drift must shrink with h: " + drift[0] + " -> " + drift[1]);
    }

    /** 1/2 v' M v. */
    private static double kinetic(Model m, Data d) {
        double[] mv = new double[m.nv];
        MassMatrix.mulM(m, d, mv, d.qvel);
        double t = 0;
        for (int i = 0; i < m.nv; i++) t += 0.5 * d.qvel[i] * mv[i];
        return t;
    }

    /** kinetic - sum_b m_b g . xipos_b. */
    private static double energy(Model m, Data d) {
        double u = 0;
        for (int b = 1; b < m.nbody; b++) {
            for (int k = 0; k < 3; k++) u -= m.bodyMass[b] * m.opt.gravity(k) * d.xipos[3 * b + k];
        }
        return kinetic(m, d) + u;
    }

    /** (p, L): linear momentum m v_com and angular momentum about the centre of mass, world frame. */
    private static double[] momentum(Model m, Data d) {
        // one body: its tree's reference point is its centre of mass, so cvel = (omega, v_com)
        double mass = m.bodyMass[1];
        double[] w = {d.cvel[6], d.cvel[7], d.cvel[8]}, h = new double[6];
        for (int k = 0; k < 3; k++) h[k] = mass * d.cvel[9 + k];
        // L = R diag R' w
        double[] rt = new double[3];
        Quat.mulMatTVec(rt, 0, d.ximat, 9, w, 0);
        for (int k = 0; k < 3; k++) rt[k] *= m.bodyInertia[3 + k];
        double[] l = new double[3];
        Quat.mulMatVec(l, 0, d.ximat, 9, rt, 0);
        System.arraycopy(l, 0, h, 3, 3);
        return h;
    }
}
