package org.vaml4j.sim;

/** Joint kinds in MuJoCo's order, with their position and velocity widths. */
public enum JointType {
    /** 3-D position + unit quaternion; velocity = world linear, body-frame angular. */
    FREE(7, 6),
    /** Unit quaternion; velocity = body-frame angular. */
    BALL(4, 3),
    /** Translation along the axis. */
    SLIDE(1, 1),
    /** Rotation about the axis. */
    HINGE(1, 1);

    /** Entries in qpos. */
    public final int nq;
    /** Entries in qvel. */
    public final int nv;

    JointType(int nq, int nv) {
        this.nq = nq;
        this.nv = nv;
    }
}
