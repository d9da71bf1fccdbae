package org.vaml4j.sim;

/** Jacobian-based helpers shared by force stages (MuJoCo's {@code engine_support}). */
final class Support {

    private Support() {}

    /**
     * qfrc += J_p' force + J_r' torque for a force and torque (world frame) applied at a world
     * point attached to body b (MuJoCo's {@code mj_applyFT}). Walks the dof chain of b; uses
     * cdof, subtreeCom.
     */
    static void applyFT(Model m, Data d, double fx, double fy, double fz, double tx, double ty, double tz,
                        double px, double py, double pz, int b, double[] qfrc) {
        int c = 3 * m.bodyRootId[b];
        // point relative to the reference point of b's tree
        double rx = px - d.subtreeCom[c], ry = py - d.subtreeCom[c + 1], rz = pz - d.subtreeCom[c + 2];
        double[] cd = d.cdof;
        for (int i = m.bodyLastDof[b]; i >= 0; i = m.dofParentId[i]) {
            int o = 6 * i;
            double wx = cd[o], wy = cd[o + 1], wz = cd[o + 2];
            // point velocity per unit dof speed: v + w x r
            double vx = cd[o + 3] + wy * rz - wz * ry;
            double vy = cd[o + 4] + wz * rx - wx * rz;
            double vz = cd[o + 5] + wx * ry - wy * rx;
            qfrc[i] += vx * fx + vy * fy + vz * fz + wx * tx + wy * ty + wz * tz;
        }
    }

    /**
     * 6-D velocity (rot:lin) of body b's inertial frame, expressed in that frame
     * (MuJoCo's {@code mj_objectVelocity} for a body with local = true). Reads cvel, xipos,
     * ximat, subtreeCom. Writes res[r..r+6).
     */
    static void bodyInertialVelocityLocal(Model m, Data d, int b, double[] res, int r) {
        int c = 3 * m.bodyRootId[b], o = 6 * b;
        double[] cv = d.cvel;
        double wx = cv[o], wy = cv[o + 1], wz = cv[o + 2];
        double dx = d.xipos[3 * b] - d.subtreeCom[c], dy = d.xipos[3 * b + 1] - d.subtreeCom[c + 1],
                dz = d.xipos[3 * b + 2] - d.subtreeCom[c + 2];
        // v_point = v_ref + w x (point - ref)
        res[r + 3] = cv[o + 3] + wy * dz - wz * dy;
        res[r + 4] = cv[o + 4] + wz * dx - wx * dz;
        res[r + 5] = cv[o + 5] + wx * dy - wy * dx;
        res[r] = wx;
        res[r + 1] = wy;
        res[r + 2] = wz;
        // rotate both parts into the inertial frame: R' v
        Quat.mulMatTVec(res, r, d.ximat, 9 * b, res, r);
        Quat.mulMatTVec(res, r + 3, d.ximat, 9 * b, res, r + 3);
    }
}
