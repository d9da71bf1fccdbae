package org.vaml4j.sim;

/**
 * The smooth-dynamics position and velocity stages (MuJoCo's {@code engine_core_smooth}):
 * forward kinematics, com-based inertias and dof axes, and com-based velocities. Every stage is
 * {@code static void stage(Model m, Data d)} and lists the {@link Data} fields it reads and writes.
 */
final class Smooth {

    private Smooth() {}

    // ------------------------------------------------------------------ kinematics

    /**
     * Forward kinematics: body, joint, geom and site frames from qpos. Free and ball joint
     * quaternions are normalised in qpos itself (as MuJoCo does).
     * Reads qpos. Writes xpos, xquat, xmat, xipos, ximat, xanchor, xaxis, geomXpos, geomXmat,
     * siteXpos, siteXmat (and normalises quaternions in qpos).
     */
    static void kinematics(Model m, Data d) {
        double[] xpos = d.xpos, xquat = d.xquat, xmat = d.xmat, q = d.qpos, t = d.tmp8;
        for (int b = 1; b < m.nbody; b++) {
            int p = m.bodyParentId[b], j0 = m.bodyJntAdr[b], nj = m.bodyJntNum[b];
            int b3 = 3 * b, b4 = 4 * b;
            if (nj > 0 && m.jntType[j0] == JointType.FREE) {
                // free body: the pose is the joint's qpos (world frame)
                int a = m.jntQposAdr[j0];
                Quat.normalize(q, a + 3);
                xpos[b3] = q[a];
                xpos[b3 + 1] = q[a + 1];
                xpos[b3 + 2] = q[a + 2];
                System.arraycopy(q, a + 3, xquat, b4, 4);
                System.arraycopy(xpos, b3, d.xanchor, 3 * j0, 3);
                System.arraycopy(m.jntAxis, 3 * j0, d.xaxis, 3 * j0, 3);
            } else {
                // x = x_parent + R_parent * body_pos; quat = quat_parent * body_quat
                Quat.mulMatVec(xpos, b3, xmat, 9 * p, m.bodyPos, b3);
                xpos[b3] += xpos[3 * p];
                xpos[b3 + 1] += xpos[3 * p + 1];
                xpos[b3 + 2] += xpos[3 * p + 2];
                Quat.mul(xquat, b4, xquat, 4 * p, m.bodyQuat, b4);
                for (int j = j0; j < j0 + nj; j++) applyJoint(m, d, b, j, t);
            }
            Quat.normalize(xquat, b4);
            Quat.toMat(xmat, 9 * b, xquat, b4);
            // centre of mass frame: xipos = xpos + R ipos; ximat = R * R(iquat)
            Quat.mulMatVec(d.xipos, b3, xmat, 9 * b, m.bodyIpos, b3);
            for (int k = 0; k < 3; k++) d.xipos[b3 + k] += xpos[b3 + k];
            Quat.mulMat(d.ximat, 9 * b, xmat, 9 * b, m.bodyImat, 9 * b);
        }
        // geoms and sites of moving bodies (those of the world never move: see staticFrames)
        for (int g = 0; g < m.ngeom; g++) {
            if (m.geomBodyId[g] != 0) frame(d, m.geomBodyId[g], m.geomPos, m.geomMat, g, d.geomXpos, d.geomXmat);
        }
        for (int s = 0; s < m.nsite; s++) {
            if (m.siteBodyId[s] != 0) frame(d, m.siteBodyId[s], m.sitePos, m.siteMat, s, d.siteXpos, d.siteXmat);
        }
    }

    /**
     * Frames that depend on the model only: the world body's and those of its geoms and sites.
     * Run once when a Data is made. Writes xmat[0], ximat[0], and world geom/site frames.
     */
    static void staticFrames(Model m, Data d) {
        d.xquat[0] = 1;
        d.xmat[0] = d.xmat[4] = d.xmat[8] = 1;
        d.ximat[0] = d.ximat[4] = d.ximat[8] = 1;
        for (int g = 0; g < m.ngeom; g++) {
            if (m.geomBodyId[g] == 0) frame(d, 0, m.geomPos, m.geomMat, g, d.geomXpos, d.geomXmat);
        }
        for (int s = 0; s < m.nsite; s++) {
            if (m.siteBodyId[s] == 0) frame(d, 0, m.sitePos, m.siteMat, s, d.siteXpos, d.siteXmat);
        }
    }

    /** Applies joint j (not free) to the partially built frame of body b. */
    private static void applyJoint(Model m, Data d, int b, int j, double[] t) {
        double[] xpos = d.xpos, xquat = d.xquat, q = d.qpos;
        int b3 = 3 * b, b4 = 4 * b, j3 = 3 * j, a = m.jntQposAdr[j];
        // axis and anchor in the world, from the frame before this joint
        Quat.rotVec(d.xaxis, j3, xquat, b4, m.jntAxis, j3);
        Quat.rotVec(d.xanchor, j3, xquat, b4, m.jntPos, j3);
        for (int k = 0; k < 3; k++) d.xanchor[j3 + k] += xpos[b3 + k];
        switch (m.jntType[j]) {
            case SLIDE -> {
                // x += axis * (q - q0)
                double s = q[a] - m.qpos0[a];
                for (int k = 0; k < 3; k++) xpos[b3 + k] += d.xaxis[j3 + k] * s;
                return;
            }
            case HINGE -> Quat.fromAxisAngle(t, 4, m.jntAxis[j3], m.jntAxis[j3 + 1], m.jntAxis[j3 + 2],
                    q[a] - m.qpos0[a]);
            case BALL -> {
                Quat.normalize(q, a);
                System.arraycopy(q, a, t, 4, 4);
            }
            default -> throw new IllegalStateException("free joint " + j + " must be its body's only joint");
        }
        // rotate about the anchor: quat = quat * qloc; x = anchor - R(quat) * jnt_pos
        System.arraycopy(xquat, b4, t, 0, 4);
        Quat.mul(xquat, b4, t, 0, t, 4);
        if (m.jntType[j] == JointType.BALL) System.arraycopy(xquat, b4, d.jntXquat, 4 * j, 4);
        Quat.rotVec(xpos, b3, xquat, b4, m.jntPos, j3);
        for (int k = 0; k < 3; k++) xpos[b3 + k] = d.xanchor[j3 + k] - xpos[b3 + k];
    }

    /** x = xpos[b] + R_b * pos[i]; mat = R_b * localMat[i]. */
    private static void frame(Data d, int b, double[] pos, double[] localMat, int i, double[] outPos, double[] outMat) {
        Quat.mulMatVec(outPos, 3 * i, d.xmat, 9 * b, pos, 3 * i);
        for (int k = 0; k < 3; k++) outPos[3 * i + k] += d.xpos[3 * b + k];
        Quat.mulMat(outMat, 9 * i, d.xmat, 9 * b, localMat, 9 * i);
    }

    // ------------------------------------------------------------------ comPos

    /**
     * Subtree centres of mass, com-based body inertias and dof motion axes.
     * Reads xipos, ximat, xmat, xanchor, xaxis. Writes subtreeCom, cinert, cdof.
     */
    static void comPos(Model m, Data d) {
        double[] com = d.subtreeCom;
        // subtree_com = sum(mass * xipos) / subtree mass, accumulated leaves to root
        for (int b = 0; b < m.nbody; b++) {
            double mass = m.bodyMass[b];
            for (int k = 0; k < 3; k++) com[3 * b + k] = mass * d.xipos[3 * b + k];
        }
        for (int b = m.nbody - 1; b > 0; b--) {
            int p = m.bodyParentId[b];
            for (int k = 0; k < 3; k++) com[3 * p + k] += com[3 * b + k];
        }
        for (int b = 0; b < m.nbody; b++) {
            double sm = m.bodySubtreeMass[b];
            for (int k = 0; k < 3; k++) com[3 * b + k] = sm < 1e-15 ? d.xipos[3 * b + k] : com[3 * b + k] / sm;
        }
        for (int b = 1; b < m.nbody; b++) {
            // cinert = com-based inertia about subtree_com[root]
            int c = 3 * m.bodyRootId[b];
            Spatial.inertCom(d.cinert, 10 * b, m.bodyInertia, 3 * b, d.ximat, 9 * b,
                    d.xipos[3 * b] - com[c], d.xipos[3 * b + 1] - com[c + 1], d.xipos[3 * b + 2] - com[c + 2],
                    m.bodyMass[b]);
            for (int j = m.bodyJntAdr[b]; j < m.bodyJntAdr[b] + m.bodyJntNum[b]; j++) {
                int dof = m.jntDofAdr[j];
                // offset from the joint anchor to the reference point: r = subtree_com - anchor
                double rx = com[c] - d.xanchor[3 * j], ry = com[c + 1] - d.xanchor[3 * j + 1],
                        rz = com[c + 2] - d.xanchor[3 * j + 2];
                switch (m.jntType[j]) {
                    case FREE -> {
                        // translation along the world axes
                        for (int k = 0; k < 3; k++) {
                            for (int l = 0; l < 6; l++) d.cdof[6 * (dof + k) + l] = l == 3 + k ? 1 : 0;
                        }
                        for (int k = 0; k < 3; k++) {
                            rotationDof(d, dof + 3 + k, d.xmat[9 * b + k], d.xmat[9 * b + 3 + k],
                                    d.xmat[9 * b + 6 + k], rx, ry, rz);
                        }
                    }
                    case BALL -> {
                        // rotation about the axes of the frame just after the joint (MuJoCo uses the
                        // body frame, which is the same when the ball is the body's last joint)
                        double[] r = d.vec6;
                        for (int k = 0; k < 3; k++) {
                            r[0] = k == 0 ? 1 : 0;
                            r[1] = k == 1 ? 1 : 0;
                            r[2] = k == 2 ? 1 : 0;
                            Quat.rotVec(r, 3, d.jntXquat, 4 * j, r, 0);
                            rotationDof(d, dof + k, r[3], r[4], r[5], rx, ry, rz);
                        }
                    }
                    case SLIDE -> {
                        int o = 6 * dof;
                        d.cdof[o] = d.cdof[o + 1] = d.cdof[o + 2] = 0;
                        System.arraycopy(d.xaxis, 3 * j, d.cdof, o + 3, 3);
                    }
                    case HINGE -> rotationDof(d, dof, d.xaxis[3 * j], d.xaxis[3 * j + 1], d.xaxis[3 * j + 2],
                            rx, ry, rz);
                }
            }
        }
    }

    /** cdof = (axis, axis x r): unit rotation about an axis through the anchor, seen at the reference point. */
    private static void rotationDof(Data d, int dof, double ax, double ay, double az,
                                    double rx, double ry, double rz) {
        int o = 6 * dof;
        d.cdof[o] = ax;
        d.cdof[o + 1] = ay;
        d.cdof[o + 2] = az;
        d.cdof[o + 3] = ay * rz - az * ry;
        d.cdof[o + 4] = az * rx - ax * rz;
        d.cdof[o + 5] = ax * ry - ay * rx;
    }

    // ------------------------------------------------------------------ comVel

    /**
     * Com-based body velocities and the time derivatives of the dof axes.
     * Reads cdof, qvel. Writes cvel, cdofDot.
     */
    static void comVel(Model m, Data d) {
        double[] cvel = d.cvel, cdof = d.cdof, cdofDot = d.cdofDot, v = d.qvel;
        for (int k = 0; k < 6; k++) cvel[k] = 0;
        for (int b = 1; b < m.nbody; b++) {
            int o = 6 * b;
            System.arraycopy(cvel, 6 * m.bodyParentId[b], cvel, o, 6);
            for (int j = m.bodyJntAdr[b]; j < m.bodyJntAdr[b] + m.bodyJntNum[b]; j++) {
                int dof = m.jntDofAdr[j];
                switch (m.jntType[j]) {
                    case FREE -> {
                        // translational axes are constant in the world: cdof_dot = 0
                        for (int k = 0; k < 18; k++) cdofDot[6 * dof + k] = 0;
                        for (int k = 0; k < 3; k++) addScaled(cvel, o, cdof, 6 * (dof + k), v[dof + k]);
                        ballDofs(cvel, o, cdof, cdofDot, v, dof + 3);
                    }
                    case BALL -> ballDofs(cvel, o, cdof, cdofDot, v, dof);
                    default -> {
                        // cdof_dot = cvel x cdof (velocity before this dof); cvel += cdof * qvel
                        Spatial.crossMotion(cdofDot, 6 * dof, cvel, o, cdof, 6 * dof);
                        addScaled(cvel, o, cdof, 6 * dof, v[dof]);
                    }
                }
            }
        }
    }

    /** The three rotational dofs of a ball (or free) joint share the velocity before the joint. */
    private static void ballDofs(double[] cvel, int o, double[] cdof, double[] cdofDot, double[] v, int dof) {
        for (int k = 0; k < 3; k++) Spatial.crossMotion(cdofDot, 6 * (dof + k), cvel, o, cdof, 6 * (dof + k));
        for (int k = 0; k < 3; k++) addScaled(cvel, o, cdof, 6 * (dof + k), v[dof + k]);
    }

    /** dst[o..o+6) += s * src[i..i+6). */
    static void addScaled(double[] dst, int o, double[] src, int i, double s) {
        for (int k = 0; k < 6; k++) dst[o + k] += s * src[i + k];
    }
}
