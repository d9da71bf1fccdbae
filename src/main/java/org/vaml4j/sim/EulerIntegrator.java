package org.vaml4j.sim;

/**
 * MuJoCo 2.2's semi-implicit Euler ({@code mj_Euler}): with any dof damping, damping is
 * integrated implicitly, qacc' = (M + h diag(b))^-1 (qfrc_smooth + qfrc_constraint), which solves
 * (M + h B) v' = M v + h f with f excluding damping; then v += h qacc', q = q (+) h v (new v).
 */
final class EulerIntegrator implements Integrator {

    @Override
    public void advance(Model m, Data d) {
        int nv = m.nv;
        double h = m.opt.timestep();
        double[] qacc = d.qacc;
        if (m.hasDofDamping) {
            // qH = M + h diag(damping), factored in place
            double[] qH = d.qH;
            System.arraycopy(d.qM, 0, qH, 0, nv * nv);
            for (int i = 0; i < nv; i++) qH[i * nv + i] += h * m.dofDamping[i];
            MassMatrix.factor(m, qH);
            qacc = d.qaccTmp;
            for (int i = 0; i < nv; i++) qacc[i] = d.qfrcSmooth[i] + d.qfrcConstraint[i];
            MassMatrix.solve(m, qH, qacc);
        }
        for (int i = 0; i < nv; i++) d.qvel[i] += h * qacc[i];
        Integrator.integratePos(m, d.qpos, 0, d.qvel, 0, h, d.tmp8);
        d.time += h;
    }
}
