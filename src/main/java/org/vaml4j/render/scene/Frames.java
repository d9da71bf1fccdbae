package org.vaml4j.render.scene;

import org.joml.Matrix3d;
import org.joml.Quaterniond;
import org.joml.Vector3d;

/** The simulator's frames (flat arrays, MuJoCo layout) as JOML vectors and quaternions. */
final class Frames {

    private Frames() {}

    /** {@code dest = (a[off], a[off + 1], a[off + 2])}: a position of {@code Data.xpos} or {@code Data.geomXpos}. */
    static Vector3d position(double[] a, int off, Vector3d dest) {
        return dest.set(a[off], a[off + 1], a[off + 2]);
    }

    /**
     * The rotation of a row-major 3x3 matrix {@code mat[off .. off + 9)} (as {@code Data.geomXmat}:
     * columns are the frame's axes in world coordinates) as a unit quaternion. JOML's
     * {@code Matrix3d} constructor takes column-major values, hence the transposed order.
     */
    static Quaterniond quaternion(double[] mat, int off, Quaterniond dest) {
        Matrix3d m = new Matrix3d(
                mat[off], mat[off + 3], mat[off + 6],
                mat[off + 1], mat[off + 4], mat[off + 7],
                mat[off + 2], mat[off + 5], mat[off + 8]);
        return dest.setFromNormalized(m).normalize();
    }
}
