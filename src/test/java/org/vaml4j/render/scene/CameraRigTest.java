package org.vaml4j.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class CameraRigTest {

    static final double EPS = 1e-9;

    @Test
    void directionTurnsTheMinusYAxisByElevationThenAzimuth() {
        for (CameraMode m : CameraMode.values()) {
            Vector3d d = new CameraRig(m, 1, 0, 45, 100, 100).direction();
            double az = Math.toRadians(m.azimuthDegrees), el = Math.toRadians(m.elevationDegrees);
            // Rz(az) (0, -cos el, sin el) = (cos el sin az, -cos el cos az, sin el)
            assertEquals(Math.cos(el) * Math.sin(az), d.x, EPS, m.id());
            assertEquals(-Math.cos(el) * Math.cos(az), d.y, EPS, m.id());
            assertEquals(Math.sin(el), d.z, EPS, m.id());
        }
        // the track camera stands behind (-x), to the -y side, above
        Vector3d t = new CameraRig(CameraMode.TRACK, 1, 0, 45, 100, 100).direction();
        assertTrue(t.x < 0 && t.y < 0 && t.z > 0, t.toString());
    }

    @Test
    void theCameraFollowsTheTargetAtItsHeightAndDistance() {
        CameraRig rig = new CameraRig(CameraMode.TRACK, 3, 0.7, 45, 960, 540);
        Camera c = rig.aim(12.5, -1);
        assertEquals(new Vector3d(12.5, -1, 0.7), new Vector3d(c.target()));
        assertEquals(3, new Vector3d(c.eye()).distance(c.target()), 1e-12);
        double[] p = new double[3];
        c.project(12.5, -1, 0.7, p);
        assertEquals(480, p[0], 1e-9);
        assertEquals(270, p[1], 1e-9);
    }

    @Test
    void sideAndTopViewsKeepPlusXToTheRight() {
        double[] p = new double[3];
        Camera side = new CameraRig(CameraMode.SIDE, 4, 1, 45, 960, 540).aim(0, 0);
        side.project(1, 0, 1, p);
        assertTrue(p[0] > 480, "side: +x to the right");
        side.project(0, 0, 2, p);
        assertTrue(p[1] < 270, "side: +z up");
        Camera top = new CameraRig(CameraMode.TOP, 4, 1, 45, 960, 540).aim(0, 0);
        top.project(1, 0, 0, p);
        assertTrue(p[0] > 480 && Math.abs(p[1] - 270) < 1e-6, "top: +x to the right");
        top.project(0, 1, 0, p);
        assertTrue(p[1] < 270 && Math.abs(p[0] - 480) < 1e-6, "top: +y up");
    }

    @Test
    void unknownModesListTheValidOnes() {
        assertEquals(CameraMode.SIDE, CameraMode.parse("Side"));
        String m = assertThrows(IllegalArgumentException.class, () -> CameraMode.parse("orbit")).getMessage();
        assertTrue(m.contains("'orbit'") && m.contains("track, side, top"), m);
        assertThrows(IllegalArgumentException.class, () -> new CameraRig(CameraMode.TOP, 0, 0, 45, 10, 10));
    }
}
