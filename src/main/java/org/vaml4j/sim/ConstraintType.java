package org.vaml4j.sim;

/** Kinds of constraint rows (MuJoCo's mjtConstraint subset); all are one-sided (inequality) rows. */
public enum ConstraintType {
    /** joint range: J = +1 (lower side) or -1 (upper side) on the joint's dof */
    LIMIT_JOINT,
    /** frictionless contact (condim 1): J = normal row of the contact Jacobian */
    CONTACT_FRICTIONLESS,
    /** one edge of a pyramidal friction cone: J = normal +- mu * tangent row */
    CONTACT_PYRAMIDAL
}
