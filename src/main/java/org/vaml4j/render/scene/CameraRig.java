package org.vaml4j.render.scene;

import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * Places a {@link Camera} for a {@link CameraMode}: the target is the tracked body's ground
 * position at a fixed height, and the eye sits {@code distance} away in the mode's direction,
 * {@code offset = Rz(azimuth) Rx(-elevation) (0, -1, 0)} (a JOML quaternion turn of the -y axis).
 *
 * @param targetHeight height of the point looked at (the body's rest height, so vertical motion shows)
 */
record CameraRig(CameraMode mode, double distance, double targetHeight, double fovyDegrees, int width, int height) {

    public CameraRig {
        if (mode == null) throw new IllegalArgumentException("camera rig mode must not be null");
        if (!(distance > 0 && Double.isFinite(distance))) throw new IllegalArgumentException("camera distance must be finite and > 0, got " + distance);
        if (!Double.isFinite(targetHeight)) throw new IllegalArgumentException("camera target height must be finite, got " + targetHeight);
        if (!(fovyDegrees > 0 && fovyDegrees < 180)) throw new IllegalArgumentException("camera fovy must lie in (0, 180) degrees, got " + fovyDegrees);
        if (width < 1 || height < 1) throw new IllegalArgumentException("camera image must be >= 1 x 1 pixels, got " + width + " x " + height);
    }

    /** Unit vector from the target to the eye. */
    Vector3d direction() {
        Quaterniond turn = new Quaterniond().rotationZ(Math.toRadians(mode.azimuthDegrees)).rotateX(-Math.toRadians(mode.elevationDegrees));
        return turn.transform(new Vector3d(0, -1, 0));
    }

    /** The camera looking at (x, y, targetHeight). */
    Camera aim(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("camera target must be finite, got (" + x + ", " + y + ")");
        Vector3d target = new Vector3d(x, y, targetHeight);
        Vector3d eye = direction().mul(distance).add(target);
        Vector3d up = mode == CameraMode.TOP ? new Vector3d(0, 1, 0) : new Vector3d(0, 0, 1);
        return new Camera(eye, target, up, fovyDegrees, width, height, Math.min(0.05, distance / 20), 1e4);
    }
}
