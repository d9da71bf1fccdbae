package org.vaml4j.sim;

/**
 * Classic 4th-order Runge-Kutta on (qpos, qvel) as MuJoCo's {@code mj_RungeKutta(m, d, 4)}:
 * Butcher tableau A = [1/2; 0 1/2; 0 0 1], b = (1/6, 1/3, 1/3, 1/6), c = (1/2, 1/2, 1). Stage i
 * sets X_i = X_0 (+) h * sum_j A_ij F_j (positions through quaternion-aware integration) and
 * runs {@link Forward#forward}, F_i = (qvel_i, qacc_i). The step ends with the state
 * restored to X_0 and advanced by h * sum_j b_j F_j (qvel first, then qpos). The derived fields
 * of d are left from the last stage, as MuJoCo leaves them.
 */
final class RungeKutta4 implements Integrator {

    /** A (3 x 3), row i-1 = weights of F_0..F_2 for stage i. */
    private static final double[] A = {0.5, 0, 0, 0, 0.5, 0, 0, 0, 1};
    private static final double[] B = {1.0 / 6.0, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 6.0};
    private static final double[] C = {0.5, 0.5, 1.0};

    @Override
    public void advance(Model m, Data d) {
        int nq = m.nq, nv = m.nv, nx = nq + nv, nf = 2 * nv;
        double h = m.opt.timestep(), time = d.time;
        double[] x = d.rkX, f = d.rkF, dx = d.rkDX;
        // X_0 = (qpos, qvel); F_0 = (qvel, qacc) from the forward pass already done
        System.arraycopy(d.qpos, 0, x, 0, nq);
        System.arraycopy(d.qvel, 0, x, nq, nv);
        System.arraycopy(d.qvel, 0, f, 0, nv);
        System.arraycopy(d.qacc, 0, f, nv, nv);
        for (int i = 1; i < 4; i++) {
            // dX = sum_j A_ij F_j
            java.util.Arrays.fill(dx, 0);
            for (int j = 0; j < i; j++) {
                double a = A[(i - 1) * 3 + j];
                for (int k = 0; k < nf; k++) dx[k] += a * f[j * nf + k];
            }
            // X_i = X_0 (+) h dX
            System.arraycopy(x, 0, x, i * nx, nx);
            Integrator.integratePos(m, x, i * nx, dx, 0, h, d.tmp8);
            for (int k = 0; k < nv; k++) x[i * nx + nq + k] += h * dx[nv + k];
            System.arraycopy(x, i * nx, d.qpos, 0, nq);
            System.arraycopy(x, i * nx + nq, d.qvel, 0, nv);
            d.time = time + C[i - 1] * h;
            Forward.forward(m, d);
            System.arraycopy(d.qvel, 0, f, i * nf, nv);
            System.arraycopy(d.qacc, 0, f, i * nf + nv, nv);
        }
        // final update with b
        java.util.Arrays.fill(dx, 0);
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < nf; k++) dx[k] += B[j] * f[j * nf + k];
        }
        d.time = time;
        System.arraycopy(x, 0, d.qpos, 0, nq);
        System.arraycopy(x, nq, d.qvel, 0, nv);
        // advance: qvel += h qacc_avg; qpos = qpos (+) h qvel_avg
        for (int k = 0; k < nv; k++) d.qvel[k] += h * dx[nv + k];
        Integrator.integratePos(m, d.qpos, 0, dx, 0, h, d.tmp8);
        d.time += h;
    }
}
