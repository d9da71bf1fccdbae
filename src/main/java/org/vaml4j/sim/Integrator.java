package org.vaml4j.sim;

/** Advances the state by one timestep after {@link Forward#forward} has run on it. */
interface Integrator {

    /** Reads the forward results in d (qacc, qfrcSmooth, qM, ...); writes qpos, qvel, time. */
    void advance(Model m, Data d);

    /** The integrator for an {@code <option integrator>} value. */
    static Integrator of(Option.IntegratorKind kind) {
        return switch (kind) {
            case EULER -> new EulerIntegrator();
            case RK4 -> new RungeKutta4();
        };
    }

    /**
     * qpos = qpos (+) h * qvel (MuJoCo's {@code mj_integratePos}): vector addition for hinge,
     * slide and free positions, rotation by the body-frame angular velocity for quaternions.
     */
    static void integratePos(Model m, double[] qpos, int qOff, double[] qvel, int vOff, double h, double[] tmp8) {
        for (int j = 0; j < m.njnt; j++) {
            int a = qOff + m.jntQposAdr[j], v = vOff + m.jntDofAdr[j];
            switch (m.jntType[j]) {
                case FREE -> {
                    for (int k = 0; k < 3; k++) qpos[a + k] += h * qvel[v + k];
                    Quat.integrate(qpos, a + 3, qvel, v + 3, h, tmp8);
                }
                case BALL -> Quat.integrate(qpos, a, qvel, v, h, tmp8);
                case SLIDE, HINGE -> qpos[a] += h * qvel[v];
            }
        }
    }
}
