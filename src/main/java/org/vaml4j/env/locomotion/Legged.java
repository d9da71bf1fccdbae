package org.vaml4j.env.locomotion;

import java.util.random.RandomGenerator;
import org.vaml4j.random.Gaussian;
import org.vaml4j.sim.Data;
import org.vaml4j.sim.Model;

/** Observation and reset pieces shared by the legged tasks (Gym v4 conventions, anchors/TASKS.md). */
final class Legged {

    private Legged() {}

    /** qpos = qpos0 + U(-s, s)^nq, qvel = U(-s, s)^nv (Hopper, Walker2d, Humanoid). */
    static void uniformReset(Model m, Data d, RandomGenerator rng, double s) {
        double[] q0 = m.qpos0();
        for (int i = 0; i < m.nq(); i++) d.qpos[i] = q0[i] + rng.nextDouble(-s, s);
        for (int i = 0; i < m.nv(); i++) d.qvel[i] = rng.nextDouble(-s, s);
    }

    /** qpos = qpos0 + U(-s, s)^nq, qvel = s N(0, 1)^nv (HalfCheetah, Ant). */
    static void gaussianVelocityReset(Model m, Data d, RandomGenerator rng, double s) {
        double[] q0 = m.qpos0();
        for (int i = 0; i < m.nq(); i++) d.qpos[i] = q0[i] + rng.nextDouble(-s, s);
        for (int i = 0; i < m.nv(); i++) d.qvel[i] = s * Gaussian.next(rng);
    }

    /**
     * Planar robots: qpos[1:nq] (x excluded) then qvel, clipped to [-10, 10] when {@code clip}.
     * Returns a fresh (nq - 1 + nv) array.
     */
    static double[] planarObservation(Data d, int nq, int nv, boolean clip) {
        double[] o = new double[nq - 1 + nv];
        System.arraycopy(d.qpos, 1, o, 0, nq - 1);
        for (int i = 0; i < nv; i++) o[nq - 1 + i] = clip ? MujocoEnv.clip10(d.qvel[i]) : d.qvel[i];
        return o;
    }

    /** Free-floating robots: qpos[2:nq] (x, y excluded) then qvel. Returns a fresh (nq - 2 + nv) array. */
    static double[] floatingObservation(Data d, int nq, int nv) {
        double[] o = new double[nq - 2 + nv];
        System.arraycopy(d.qpos, 2, o, 0, nq - 2);
        System.arraycopy(d.qvel, 0, o, nq - 2, nv);
        return o;
    }

    /** sum of squares of clip(x, -1, 1) over all values of x. */
    static double clippedSumSq(double[] x) {
        double s = 0;
        for (double v : x) {
            double c = Math.max(-1, Math.min(1, v));
            s += c * c;
        }
        return s;
    }

    /** x of the mass-weighted mean of the bodies' centres of mass (data.xipos, as the step left it). */
    static double massCenterX(Model m, Data d) {
        double s = 0, mass = 0;
        for (int b = 0; b < m.nbody(); b++) {
            s += m.bodyMass(b) * d.xipos[3 * b];
            mass += m.bodyMass(b);
        }
        return s / mass;
    }
}
