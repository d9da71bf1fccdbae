package org.vaml4j.sim;

/**
 * Forward dynamics: the accelerations of the current state (MuJoCo's {@code mj_forward}),
 * as the stage groups fwdPosition, fwdVelocity, fwdActuation, fwdAcceleration, fwdConstraint.
 */
public final class Forward {

    private Forward() {}

    /** Runs every stage; afterwards all derived fields of {@code d} match qpos, qvel, ctrl. */
    public static void forward(Model m, Data d) {
        fwdPosition(m, d);
        fwdVelocity(m, d);
        Actuation.fwdActuation(m, d);
        fwdAcceleration(m, d);
        fwdConstraint(m, d);
    }

    /** Position-dependent stages: kinematics, com quantities, mass matrix and its factor, constraint rows. */
    static void fwdPosition(Model m, Data d) {
        Smooth.kinematics(m, d);
        Smooth.comPos(m, d);
        MassMatrix.crb(m, d);
        MassMatrix.factorM(m, d);
        Collision.collide(m, d);
        Constraint.makeConstraint(m, d);
    }

    /** Velocity-dependent stages: com velocities, passive forces, constraint reference accelerations, bias forces. */
    static void fwdVelocity(Model m, Data d) {
        Smooth.comVel(m, d);
        Passive.passive(m, d);
        Constraint.referenceConstraint(m, d);
        Rne.bias(m, d);
    }

    /**
     * Unconstrained acceleration: qfrc_smooth = passive - bias + applied + actuator;
     * qacc_smooth = M^-1 qfrc_smooth. Reads qfrcPassive, qfrcBias, qfrcApplied, qfrcActuator, qLD.
     * Writes qfrcSmooth, qaccSmooth.
     */
    static void fwdAcceleration(Model m, Data d) {
        for (int i = 0; i < m.nv; i++) {
            d.qfrcSmooth[i] = d.qfrcPassive[i] - d.qfrcBias[i] + d.qfrcApplied[i] + d.qfrcActuator[i];
        }
        System.arraycopy(d.qfrcSmooth, 0, d.qaccSmooth, 0, m.nv);
        MassMatrix.solve(m, d.qLD, d.qaccSmooth);
    }

    /**
     * Constrained acceleration by the model's {@link Solver}; without active rows qacc is the
     * unconstrained acceleration and qfrc_constraint is zero.
     * Reads qaccSmooth, qM, efc rows. Writes qacc, efcForce, qfrcConstraint.
     */
    static void fwdConstraint(Model m, Data d) {
        m.solver.solve(m, d);
    }
}
