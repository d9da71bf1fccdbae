package org.vaml4j.sim;

/**
 * The mutable simulation state and everything computed from it (MuJoCo's {@code mjData}).
 * Arrays are allocated once for a {@link Model}; the stages fill them in place. Shapes:
 * {@code (n x k)} = flat row-major. Fields are public like {@code mjData}'s so tasks and tools
 * can read them; only {@code qpos}, {@code qvel}, {@code ctrl}, {@code qfrcApplied} and
 * {@code time} are inputs, the rest are outputs of {@link Step} / {@link Forward}.
 */
public final class Data {

    // ---- state and control ----
    /** simulation time */
    public double time;
    /** (nq) generalized positions */
    public final double[] qpos;
    /** (nv) generalized velocities */
    public final double[] qvel;
    /** (nu) actuator controls (clamped to ctrlrange inside the actuation stage, not here) */
    public final double[] ctrl;
    /** (nv) generalized forces applied by the user */
    public final double[] qfrcApplied;

    // ---- position-dependent: kinematics ----
    /** (nbody x 3) body frame origins, world */
    public final double[] xpos;
    /** (nbody x 4) body frame orientations */
    public final double[] xquat;
    /** (nbody x 9) body frame orientations as matrices */
    public final double[] xmat;
    /** (nbody x 3) body centres of mass, world */
    public final double[] xipos;
    /** (nbody x 9) principal inertia frames */
    public final double[] ximat;
    /** (njnt x 3) joint anchors, world; (njnt x 3) joint axes, world */
    public final double[] xanchor, xaxis;
    /** (njnt x 4) orientation of the frame just after each ball joint (its qvel's axes) */
    final double[] jntXquat;
    /** (ngeom x 3), (ngeom x 9) geom frames */
    public final double[] geomXpos, geomXmat;
    /** (nsite x 3), (nsite x 9) site frames */
    public final double[] siteXpos, siteXmat;

    // ---- position-dependent: com-based quantities and mass matrix ----
    /** (nbody x 3) centre of mass of each body's subtree */
    public final double[] subtreeCom;
    /** (nbody x 10) com-based body inertias (see {@link Spatial}) */
    public final double[] cinert;
    /** (nbody x 10) composite (subtree) inertias */
    public final double[] crb;
    /** (nv x 6) com-based motion axis of each dof (rot:lin) */
    public final double[] cdof;
    /** (nv x nv) joint-space inertia matrix, dense, both triangles */
    public final double[] qM;
    /** (nv x nv) L'DL factor of qM: strict lower part = L (unit diagonal), diagonal = D */
    public final double[] qLD;

    // ---- velocity-dependent ----
    /** (nbody x 6) com-based body velocities (rot:lin) */
    public final double[] cvel;
    /** (nv x 6) time derivative of cdof */
    public final double[] cdofDot;
    /** (nv) Coriolis, centrifugal and gravity forces: C(q, v) */
    public final double[] qfrcBias;
    /** (nv) spring, damper and fluid forces */
    public final double[] qfrcPassive;

    // ---- actuation and acceleration ----
    /** (nu) scalar actuator forces (gain * clamped ctrl) */
    public final double[] actuatorForce;
    /** (nv) actuator forces in joint space */
    public final double[] qfrcActuator;
    /** (nv) passive - bias + applied + actuator */
    public final double[] qfrcSmooth;
    /** (nv) unconstrained acceleration M^-1 qfrcSmooth */
    public final double[] qaccSmooth;
    /** (nv) constraint forces in joint space (0 without constraints) */
    public final double[] qfrcConstraint;
    /** (nv) generalized accelerations */
    public final double[] qacc;
    /** number of active contacts (= contact.ncon) */
    public int ncon;
    /** the contacts found by the collision stage */
    public final Contacts contact;
    /** (nv) the last solved qacc: the constraint solver's warm start (MuJoCo's qacc_warmstart) */
    public final double[] qaccWarmstart;
    /** (nbody x 6) contact forces on each body as (torque, force) about its tree's subtree_com, world
     *  axes (MuJoCo's cfrc_ext); filled by {@link RnePostConstraint#cfrcExt} */
    public final double[] cfrcExt;

    // ---- constraint rows (efc = "equation of constraint"; capacity njmax) ----
    /** number of active constraint rows */
    public int nefc;
    /** (njmax) row kind and the id of the object that made it (joint id for limits) */
    public final ConstraintType[] efcType;
    public final int[] efcId;
    /** (njmax x nv) constraint Jacobian rows */
    public final double[] efcJ;
    /** (njmax) distance (negative = violation), margin, approx. inverse inertia, regulariser R, D = 1/R */
    public final double[] efcPos, efcMargin, efcDiagApprox, efcR, efcD;
    /** (njmax) reference stiffness K, damping B, impedance */
    public final double[] efcK, efcB, efcImp;
    /** (njmax) J qvel, reference acceleration, constraint force */
    public final double[] efcVel, efcAref, efcForce;

    // ---- scratch (owned here so that no stage allocates) ----
    final double[] cacc, cfrcBody; // (nbody x 6)
    final double[] vec6;           // (6)
    final double[] tmp8;           // (8) quaternion scratch
    final double[] qH;             // (nv x nv) Euler: M + h diag(damping), factored in place
    final double[] qfrcTmp;        // (nv)
    final double[] qaccTmp;        // (nv)
    final double[] rkX;            // (4 x (nq + nv)) Runge-Kutta stage states
    final double[] rkF;            // (4 x 2nv) Runge-Kutta stage derivatives (qvel, qacc)
    final double[] rkDX;           // (2nv)
    final double[] solH;           // (nv x nv) Newton Hessian M + J'DJ, Cholesky in place
    final double[] solGrad, solDelta, solTmp; // (nv)
    final double[] solJar, solJd;  // (njmax)
    final boolean[] solActive;     // (njmax)
    final double[] pgsAR;          // PGS only: (njmax x njmax) J M^-1 J' + diag(R); else empty
    final double[] pgsMinvJ;       // PGS only: (njmax x nv) rows M^-1 J_i'; else empty
    final double[] pgsB, pgsARinv; // PGS only: (njmax) J qacc_smooth - aref, 1 / AR_ii; else empty

    /** Allocates all arrays for {@code m} and sets the default state (qpos0, zero velocity). */
    public Data(Model m) {
        int nq = m.nq, nv = m.nv, nu = m.nu, nb = m.nbody;
        qpos = new double[nq];
        qvel = new double[nv];
        ctrl = new double[nu];
        qfrcApplied = new double[nv];
        xpos = new double[3 * nb];
        xquat = new double[4 * nb];
        xmat = new double[9 * nb];
        xipos = new double[3 * nb];
        ximat = new double[9 * nb];
        xanchor = new double[3 * m.njnt];
        xaxis = new double[3 * m.njnt];
        jntXquat = new double[4 * m.njnt];
        geomXpos = new double[3 * m.ngeom];
        geomXmat = new double[9 * m.ngeom];
        siteXpos = new double[3 * m.nsite];
        siteXmat = new double[9 * m.nsite];
        subtreeCom = new double[3 * nb];
        cinert = new double[10 * nb];
        crb = new double[10 * nb];
        cdof = new double[6 * nv];
        qM = new double[nv * nv];
        qLD = new double[nv * nv];
        cvel = new double[6 * nb];
        cdofDot = new double[6 * nv];
        qfrcBias = new double[nv];
        qfrcPassive = new double[nv];
        actuatorForce = new double[nu];
        qfrcActuator = new double[nv];
        qfrcSmooth = new double[nv];
        qaccSmooth = new double[nv];
        qfrcConstraint = new double[nv];
        qacc = new double[nv];
        cacc = new double[6 * nb];
        cfrcBody = new double[6 * nb];
        vec6 = new double[6];
        tmp8 = new double[8];
        qH = new double[nv * nv];
        qfrcTmp = new double[nv];
        qaccTmp = new double[nv];
        rkX = new double[4 * (nq + nv)];
        rkF = new double[4 * 2 * nv];
        rkDX = new double[2 * nv];
        int nc = m.njmax;
        efcType = new ConstraintType[nc];
        efcId = new int[nc];
        efcJ = new double[nc * nv];
        efcPos = new double[nc];
        efcMargin = new double[nc];
        efcDiagApprox = new double[nc];
        efcR = new double[nc];
        efcD = new double[nc];
        efcK = new double[nc];
        efcB = new double[nc];
        efcImp = new double[nc];
        efcVel = new double[nc];
        efcAref = new double[nc];
        efcForce = new double[nc];
        solH = new double[nv * nv];
        solGrad = new double[nv];
        solDelta = new double[nv];
        solTmp = new double[nv];
        solJar = new double[nc];
        solJd = new double[nc];
        solActive = new boolean[nc];
        boolean pgs = "PGS".equals(m.opt.solver());
        pgsAR = new double[pgs ? nc * nc : 0];
        pgsMinvJ = new double[pgs ? nc * nv : 0];
        pgsB = new double[pgs ? nc : 0];
        pgsARinv = new double[pgs ? nc : 0];
        contact = new Contacts(m.contactPairs.maxContacts, nv);
        qaccWarmstart = new double[nv];
        cfrcExt = new double[6 * nb];
        Smooth.staticFrames(m, this);
        reset(m);
    }

    /**
     * MuJoCo's {@code mj_resetData}: qpos = qpos0, everything else zero (time, velocities,
     * controls, applied forces). Derived quantities are stale until {@link Forward#forward}.
     */
    public void reset(Model m) {
        time = 0;
        System.arraycopy(m.qpos0, 0, qpos, 0, qpos.length);
        java.util.Arrays.fill(qvel, 0);
        java.util.Arrays.fill(ctrl, 0);
        java.util.Arrays.fill(qfrcApplied, 0);
        java.util.Arrays.fill(qacc, 0);
        ncon = 0;
        contact.ncon = 0;
        java.util.Arrays.fill(qaccWarmstart, 0);
        java.util.Arrays.fill(cfrcExt, 0);
    }
}
