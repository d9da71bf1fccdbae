package org.vaml4j.sim;

/** Recursive Newton-Euler in com-based coordinates (MuJoCo's {@code mj_rne}). */
final class Rne {

    private Rne() {}

    /**
     * Bias forces C(q, v) (Coriolis, centrifugal, gravity): RNE with zero joint acceleration.
     * Reads cinert, cvel, cdof, cdofDot, qvel. Writes qfrcBias (and the cacc/cfrcBody scratch).
     */
    static void bias(Model m, Data d) {
        rne(m, d, null, d.qfrcBias);
    }

    /**
     * Inverse dynamics without passive or constraint forces: res = M(q) qacc + C(q, v), M with
     * the armature (rotor inertia) on its diagonal. Reads what {@link #bias} reads plus
     * {@code qacc}. Writes res.
     */
    static void inverse(Model m, Data d, double[] qacc, double[] res) {
        rne(m, d, qacc, res);
        for (int i = 0; i < m.nv; i++) res[i] += m.dofArmature[i] * qacc[i];
    }

    private static void rne(Model m, Data d, double[] qacc, double[] res) {
        double[] cacc = d.cacc, cfrc = d.cfrcBody, tmp = d.vec6, cvel = d.cvel, cinert = d.cinert;
        // the world accelerates upwards against gravity: cacc_world = (0, -g)
        cacc[0] = cacc[1] = cacc[2] = 0;
        for (int k = 0; k < 3; k++) cacc[3 + k] = -m.opt.gravity(k);
        for (int b = 1; b < m.nbody; b++) {
            int o = 6 * b;
            // cacc = cacc_parent + cdof_dot * qvel (+ cdof * qacc)
            System.arraycopy(cacc, 6 * m.bodyParentId[b], cacc, o, 6);
            for (int i = m.bodyDofAdr[b]; i < m.bodyDofAdr[b] + m.bodyDofNum[b]; i++) {
                Smooth.addScaled(cacc, o, d.cdofDot, 6 * i, d.qvel[i]);
                if (qacc != null) Smooth.addScaled(cacc, o, d.cdof, 6 * i, qacc[i]);
            }
            // cfrc_body = cinert * cacc + cvel x* (cinert * cvel)
            Spatial.mulInertVec(cfrc, o, cinert, 10 * b, cacc, o);
            Spatial.mulInertVec(tmp, 0, cinert, 10 * b, cvel, o);
            double f0 = cfrc[o], f1 = cfrc[o + 1], f2 = cfrc[o + 2], f3 = cfrc[o + 3], f4 = cfrc[o + 4], f5 = cfrc[o + 5];
            Spatial.crossForce(cfrc, o, cvel, o, tmp, 0);
            cfrc[o] += f0;
            cfrc[o + 1] += f1;
            cfrc[o + 2] += f2;
            cfrc[o + 3] += f3;
            cfrc[o + 4] += f4;
            cfrc[o + 5] += f5;
        }
        // accumulate subtree forces into the parents
        for (int b = m.nbody - 1; b > 0; b--) {
            int p = m.bodyParentId[b];
            if (p > 0) for (int k = 0; k < 6; k++) cfrc[6 * p + k] += cfrc[6 * b + k];
        }
        // project onto the dofs: res_i = cdof_i . cfrc_body(i)
        for (int i = 0; i < m.nv; i++) res[i] = Spatial.dot6(d.cdof, 6 * i, cfrc, 6 * m.dofBodyId[i]);
    }
}
