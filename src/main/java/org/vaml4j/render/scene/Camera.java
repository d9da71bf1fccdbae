package org.vaml4j.render.scene;

import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.joml.Vector4d;

/**
 * A pinhole camera: the view matrix (world to camera coordinates, the camera looking along -z
 * with y up) is JOML's {@code lookAt(eye, target, up)}, the projection is
 * {@code perspective(fovy, width / height, near, far)}, and a point becomes a pixel by
 * <pre>
 *   clip = P V (x, y, z, 1);   ndc = clip.xyz / clip.w;   depth = clip.w = -z_view
 *   px = (ndc.x + 1) / 2 * width;   py = (1 - ndc.y) / 2 * height   (y down, origin top left)
 * </pre>
 * so a point at depth d on the view axis lands in the image centre and a distance s across the
 * axis covers {@code s * focal / d} pixels with {@code focal = height / (2 tan(fovy / 2))}.
 * Immutable.
 */
final class Camera {

    private final Vector3d eye;
    private final Vector3d target;
    private final int width;
    private final int height;
    private final double near;
    private final double focal;
    private final Matrix4d view = new Matrix4d();
    private final Matrix4d projection = new Matrix4d();
    private final Matrix4d viewProjection = new Matrix4d();

    /**
     * @param fovyDegrees vertical field of view, in (0, 180)
     * @param near        nearest depth drawn, in (0, far)
     */
    Camera(Vector3dc eye, Vector3dc target, Vector3dc up, double fovyDegrees, int width, int height, double near, double far) {
        finite("eye", eye);
        finite("target", target);
        finite("up", up);
        if (!(fovyDegrees > 0 && fovyDegrees < 180)) throw new IllegalArgumentException("camera fovy must lie in (0, 180) degrees, got " + fovyDegrees);
        if (width < 1 || height < 1) throw new IllegalArgumentException("camera image must be >= 1 x 1 pixels, got " + width + " x " + height);
        if (!(near > 0 && far > near && Double.isFinite(far))) {
            throw new IllegalArgumentException("camera needs 0 < near < far (finite), got near " + near + ", far " + far);
        }
        Vector3d forward = new Vector3d(target).sub(eye);
        if (!(forward.length() > 0)) throw new IllegalArgumentException("camera eye and target must differ, both are " + eye);
        if (!(new Vector3d(forward).cross(up).length() > 1e-9 * forward.length() * up.length())) {
            throw new IllegalArgumentException("camera up " + up + " must not be parallel to the view direction " + forward);
        }
        this.eye = new Vector3d(eye);
        this.target = new Vector3d(target);
        this.width = width;
        this.height = height;
        this.near = near;
        double fovy = Math.toRadians(fovyDegrees);
        this.focal = height / (2 * Math.tan(fovy / 2));
        view.setLookAt(eye, target, up);
        projection.setPerspective(fovy, (double) width / height, near, far);
        projection.mul(view, viewProjection);
    }

    /** World to camera coordinates (read-only view of the matrix). */
    Matrix4dc view() { return view; }

    /** Camera coordinates to clip coordinates (read-only view of the matrix). */
    Matrix4dc projection() { return projection; }

    Vector3dc eye() { return eye; }

    Vector3dc target() { return target; }

    int width() { return width; }

    int height() { return height; }

    double near() { return near; }

    /** Pixels covered by one unit across the view axis at depth 1: {@code height / (2 tan(fovy / 2))}. */
    double focal() { return focal; }

    /** {@code dest = V (x, y, z, 1)}: camera coordinates, the camera looking along -z. */
    Vector3d toView(double x, double y, double z, Vector3d dest) {
        return view.transformPosition(x, y, z, dest);
    }

    /**
     * Projects the world point (x, y, z) into {@code out = (px, py, depth)}; returns false (out
     * untouched) when the point lies nearer than the near plane or behind the camera.
     */
    boolean project(double x, double y, double z, double[] out) {
        Vector4d clip = viewProjection.transform(new Vector4d(x, y, z, 1));
        if (!(clip.w >= near)) return false;
        toPixel(clip, out);
        return true;
    }

    /** Projects a point given in camera coordinates (its depth -vz must be >= near) into {@code out = (px, py, depth)}. */
    void projectView(double vx, double vy, double vz, double[] out) {
        if (!(-vz >= near * (1 - 1e-9))) throw new IllegalArgumentException("point at depth " + (-vz) + " lies before the near plane " + near);
        toPixel(projection.transform(new Vector4d(vx, vy, vz, 1)), out);
    }

    private void toPixel(Vector4d clip, double[] out) {
        out[0] = (clip.x / clip.w + 1) / 2 * width;
        out[1] = (1 - clip.y / clip.w) / 2 * height;
        out[2] = clip.w;
    }

    private static void finite(String what, Vector3dc v) {
        if (v == null || !v.isFinite()) throw new IllegalArgumentException("camera " + what + " must be a finite vector, got " + v);
    }
}
