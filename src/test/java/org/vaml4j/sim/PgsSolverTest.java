package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link PgsSolver} against cases with a known answer (the MuJoCo trajectories of the PGS model
 * Humanoid are checked in {@link ContactTrajectoryTest}).
 */
class PgsSolverTest {

    /** A hinge pushed into its upper limit by a motor: one limit row. */
    private static final String LIMIT = "<mujoco><option timestep='0.01' solver='%s' iterations='%d'/><worldbody>"
            + "<body><joint name='j' type='hinge' axis='0 1 0' limited='true' range='-10 10'/>"
            + "<geom type='capsule' fromto='0 0 0 0.5 0 0' size='0.05'/></body></worldbody>"
            + "<actuator><motor joint='j' gear='1' ctrllimited='true' ctrlrange='-1 1'/></actuator></mujoco>";

    @Test
    void oneRowIsSolvedExactlyByOneSweepAndMatchesNewton() {
        Model pgs = MjcfLoader.loadString(String.format(LIMIT, "PGS", 1), "pgs");
        Model newton = MjcfLoader.loadString(String.format(LIMIT, "Newton", 100), "newton");
        Data a = new Data(pgs), b = new Data(newton);
        for (Data d : new Data[] {a, b}) {
            d.qpos[0] = Math.toRadians(10.5); // 0.5 degrees past the upper limit
            d.qvel[0] = 0.3;
            d.ctrl[0] = 1;
        }
        Forward.forward(pgs, a);
        Forward.forward(newton, b);
        assertEquals(1, a.nefc);
        // the dual of one row: f = max(0, -b / AR) with AR = J M^-1 J' + R, b = J qacc_smooth - aref
        double j = a.efcJ[0], ar = j * j / a.qM[0] + a.efcR[0], bb = j * a.qaccSmooth[0] - a.efcAref[0];
        double f = Math.max(0, -bb / ar);
        assertTrue(f > 0, "the limit pushes back");
        assertEquals(f, a.efcForce[0], 1e-12 * f);
        assertEquals(b.qacc[0], a.qacc[0], 1e-9 * Math.abs(b.qacc[0]));
        assertEquals(a.qacc[0], a.qaccWarmstart[0]);
    }

    @Test
    void manySweepsApproachTheNewtonMinimumOnAHumanoidInContact() {
        Model m = MjcfLoader.loadResource("humanoid");
        Data d = new Data(m);
        for (int i = 0; i < 60; i++) Step.step(m, d); // falls onto the floor: contacts and limits
        Forward.forward(m, d);
        assertTrue(d.ncon > 0 && d.nefc > 4, "rows: " + d.nefc);
        double[] pgs = d.qacc.clone();
        for (double fi : java.util.Arrays.copyOf(d.efcForce, d.nefc)) assertTrue(fi >= 0, "dual force " + fi);
        ConstraintSolver.solve(m, d);
        double diff = 0, scale = 0;
        for (int k = 0; k < m.nv; k++) {
            diff = Math.max(diff, Math.abs(pgs[k] - d.qacc[k]));
            scale = Math.max(scale, Math.abs(d.qacc[k]));
        }
        // 50 warm-started sweeps stop near, not at, the exact minimiser
        assertTrue(diff < 0.05 * scale, "max |qacc PGS - Newton| = " + diff + " (max |qacc| " + scale + ")");
    }
}
