package org.vaml4j.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed projections. The camera sits at (0, -5, 0) looking at the origin with z up,
 * fovy 90 degrees, a 200 x 100 image: tan(45°) = 1, aspect 2, focal = 100 / (2 tan 45°) = 50 px,
 * so a point (x, y, z) lands at px = 100 + 50 x / d, py = 50 - 50 z / d with depth d = y + 5.
 */
class CameraTest {

    static final double EPS = 1e-9;

    static Camera camera() {
        return new Camera(new Vector3d(0, -5, 0), new Vector3d(0, 0, 0), new Vector3d(0, 0, 1), 90, 200, 100, 0.1, 100);
    }

    static double[] project(Camera c, double x, double y, double z) {
        double[] p = new double[3];
        assertTrue(c.project(x, y, z, p), "in front of the camera");
        return p;
    }

    @Test
    void theTargetLandsInTheImageCentreAtItsDistance() {
        double[] p = project(camera(), 0, 0, 0);
        assertEquals(100, p[0], EPS);
        assertEquals(50, p[1], EPS);
        assertEquals(5, p[2], EPS);
        assertEquals(50, camera().focal(), EPS);
    }

    @Test
    void worldXGoesRightAndWorldZGoesUp() {
        // (1, 0, 0): 100 + 50 * 1 / 5 = 110;  (0, 0, 1): 50 - 50 * 1 / 5 = 40
        double[] right = project(camera(), 1, 0, 0), up = project(camera(), 0, 0, 1);
        assertEquals(110, right[0], EPS);
        assertEquals(50, right[1], EPS);
        assertEquals(100, up[0], EPS);
        assertEquals(40, up[1], EPS);
    }

    @Test
    void fartherPointsMoveLessAcrossTheImage() {
        // (1, 5, -2) at depth 10: px = 100 + 50 / 10 = 105, py = 50 + 100 / 10 = 60
        double[] p = project(camera(), 1, 5, -2);
        assertEquals(105, p[0], EPS);
        assertEquals(60, p[1], EPS);
        assertEquals(10, p[2], EPS);
        // the image corner (200, 0) sees depth d at x = 2d, z = d (aspect 2, tan 45° = 1)
        double[] corner = project(camera(), 2 * 7, 2, 7);
        assertEquals(200, corner[0], EPS);
        assertEquals(0, corner[1], EPS);
    }

    @Test
    void pointsBeforeTheNearPlaneOrBehindTheEyeAreNotProjected() {
        double[] p = {-1, -1, -1};
        assertFalse(camera().project(0, -4.95, 0, p), "depth 0.05 < near 0.1");
        assertFalse(camera().project(0, -6, 0, p), "behind the eye");
        assertEquals(-1, p[0]);
    }

    @Test
    void viewCoordinatesLookDownMinusZ() {
        Vector3d v = camera().toView(1, 2, 3, new Vector3d());
        // camera right = +x, camera up = +z, forward = +y = -z_view
        assertEquals(1, v.x, EPS);
        assertEquals(3, v.y, EPS);
        assertEquals(-7, v.z, EPS);
        double[] p = new double[3];
        camera().projectView(v.x, v.y, v.z, p);
        assertEquals(100 + 50.0 / 7, p[0], EPS);
        assertEquals(50 - 150.0 / 7, p[1], EPS);
    }

    @Test
    void badCamerasAreRejectedNamingTheProblem() {
        Vector3d o = new Vector3d(), z = new Vector3d(0, 0, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Camera(o, o, z, 45, 10, 10, 0.1, 10))
                .getMessage().contains("eye and target must differ"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Camera(new Vector3d(0, 0, 5), o, z, 45, 10, 10, 0.1, 10))
                .getMessage().contains("parallel"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Camera(new Vector3d(0, -1, 0), o, z, 180, 10, 10, 0.1, 10))
                .getMessage().contains("fovy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Camera(new Vector3d(0, -1, 0), o, z, 45, 10, 10, 1, 0.5))
                .getMessage().contains("near < far"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Camera(new Vector3d(Double.NaN, 0, 0), o, z, 45, 10, 10, 0.1, 1)).getMessage().contains("eye"));
    }
}
