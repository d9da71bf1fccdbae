package org.vaml4j.sim;

/** Motors with joint transmission (MuJoCo's {@code mj_fwdActuation} for gain 1, bias 0). */
final class Actuation {

    private Actuation() {}

    /**
     * actuator_force = clamp(ctrl, ctrlrange) (when ctrllimited); qfrc_actuator = gear * force on
     * the driven dof. ctrl itself is not modified (MuJoCo does not write the clamp back).
     * Reads ctrl. Writes actuatorForce, qfrcActuator.
     */
    static void fwdActuation(Model m, Data d) {
        java.util.Arrays.fill(d.qfrcActuator, 0);
        for (int a = 0; a < m.nu; a++) {
            double c = d.ctrl[a];
            if (m.actuatorCtrlLimited[a]) {
                c = Math.max(m.actuatorCtrlRange[2 * a], Math.min(m.actuatorCtrlRange[2 * a + 1], c));
            }
            d.actuatorForce[a] = c;
            d.qfrcActuator[m.jntDofAdr[m.actuatorTrnId[a]]] += m.actuatorGear[a] * c;
        }
    }
}
