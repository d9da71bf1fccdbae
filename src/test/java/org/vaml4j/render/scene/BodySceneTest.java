package org.vaml4j.render.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaml4j.render.picture.Disc;
import org.vaml4j.render.picture.Group;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.Polygon;
import org.vaml4j.render.picture.Segment;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.render.picture.Stadium;
import org.vaml4j.sim.MjcfLoader;
import org.vaml4j.sim.Model;

class BodySceneTest {

    static <T extends Shape> List<T> all(Picture p, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Shape s : p.shapes()) if (type.isInstance(s)) out.add(type.cast(s));
        return out;
    }

    /** The stadium with an end nearest (x, y). */
    static Stadium nearest(Picture p, double x, double y) {
        Stadium best = null;
        double bestD = Double.MAX_VALUE;
        for (Stadium s : all(p, Stadium.class)) {
            double d = Math.min(Math.hypot(s.x1() - x, s.y1() - y), Math.hypot(s.x2() - x, s.y2() - y));
            if (d < bestD) {
                bestD = d;
                best = s;
            }
        }
        return best;
    }

    /**
     * Hopper at rest seen by the side camera, checked against a pinhole camera written out by
     * hand: eye = (0, 0, h) + d (0, -cos 4°, sin 4°), forward f = (0, cos 4°, -sin 4°), right
     * (1, 0, 0), up (0, sin 4°, cos 4°), focal F = 270 / tan 22.5°; a point P lands at
     * (480 + F (P - eye).right / depth, 270 - F (P - eye).up / depth) with depth = (P - eye).f.
     */
    @Test
    void theHopperAtRestProjectsWhereAPinholeCameraPutsIt() {
        Model m = MjcfLoader.loadResource("hopper");
        BodyScene scene = new BodyScene(m, CameraMode.SIDE);
        // rest bounding box in z: foot centre 0.1 minus (0.06 + 0.195), torso centre 1.25 plus (0.05 + 0.2)
        double h = ((0.1 - 0.255) + 1.5) / 2;
        assertEquals(h, scene.rig().targetHeight(), 1e-9);
        double extent = 1.5 - (0.1 - 0.255);
        double d = 1.45 * extent / (2 * Math.tan(Math.toRadians(22.5)));
        assertEquals(d, scene.rig().distance(), 1e-9);

        double el = Math.toRadians(4), focal = 270 / Math.tan(Math.toRadians(22.5));
        double ey = -d * Math.cos(el), ez = h + d * Math.sin(el);
        Picture p = scene.draw(m.qpos0());
        // torso capsule: (0, 0, 1.45) to (0, 0, 1.05), radius 0.05
        for (double z : new double[] {1.45, 1.05}) {
            double ry = 0 - ey, rz = z - ez;
            double depth = ry * Math.cos(el) - rz * Math.sin(el);
            double up = ry * Math.sin(el) + rz * Math.cos(el);
            double px = 480, py = 270 - focal * up / depth;
            Stadium torso = nearest(p, px, py);
            boolean first = Math.hypot(torso.x1() - px, torso.y1() - py) < Math.hypot(torso.x2() - px, torso.y2() - py);
            assertEquals(px, first ? torso.x1() : torso.x2(), 1e-6, "torso end at z " + z);
            assertEquals(py, first ? torso.y1() : torso.y2(), 1e-6, "torso end at z " + z);
            assertEquals(focal * 0.05 / depth, first ? torso.r1() : torso.r2(), 1e-6, "radius at z " + z);
        }
        // the foot capsule: from x = 0.13 - 0.26 to 0.13 + 0.13 at z = 0.1
        for (double x : new double[] {-0.13, 0.26}) {
            double ry = -ey, rz = 0.1 - ez;
            double depth = ry * Math.cos(el) - rz * Math.sin(el);
            double px = 480 + focal * x / depth, py = 270 - focal * (ry * Math.sin(el) + rz * Math.cos(el)) / depth;
            Stadium foot = nearest(p, px, py);
            double err = Math.min(Math.hypot(foot.x1() - px, foot.y1() - py), Math.hypot(foot.x2() - px, foot.y2() - py));
            assertEquals(0, err, 1e-6, "foot end at x " + x);
        }
    }

    @Test
    void theHopperPictureHasSkyFloorGridShadowsAndFourCapsules() {
        Model m = MjcfLoader.loadResource("hopper");
        Picture p = new BodyScene(m, CameraMode.TRACK).draw(m.qpos0());
        assertEquals(960, p.width());
        assertEquals(540, p.height());
        assertInstanceOf(Polygon.class, p.shapes().get(0), "sky first");
        assertTrue(all(p, Segment.class).size() >= 20, "grid lines: " + all(p, Segment.class).size());
        List<Group> shadows = all(p, Group.class);
        assertEquals(1, shadows.size());
        assertEquals(4, shadows.get(0).shapes().size(), "one shadow per capsule");
        assertEquals(4, all(p, Stadium.class).size(), "torso, thigh, leg, foot");
        int lastGround = Math.max(p.shapes().indexOf(shadows.get(0)), p.shapes().lastIndexOf(all(p, Segment.class).get(0)));
        for (Stadium s : all(p, Stadium.class)) assertTrue(p.shapes().indexOf(s) > lastGround, "bodies over the ground");
    }

    @Test
    void theCameraFollowsTheTorso() {
        Model m = MjcfLoader.loadResource("hopper");
        BodyScene scene = new BodyScene(m, CameraMode.TRACK);
        double[] q = m.qpos0(), moved = m.qpos0();
        moved[0] += 0.5;
        Picture a = scene.draw(q), b = scene.draw(moved);
        List<Stadium> sa = all(a, Stadium.class), sb = all(b, Stadium.class);
        assertEquals(sa.size(), sb.size());
        for (int i = 0; i < sa.size(); i++) {
            double[] u = {sa.get(i).x1(), sa.get(i).y1(), sa.get(i).r1(), sa.get(i).x2(), sa.get(i).y2(), sa.get(i).r2()};
            double[] v = {sb.get(i).x1(), sb.get(i).y1(), sb.get(i).r1(), sb.get(i).x2(), sb.get(i).y2(), sb.get(i).r2()};
            assertArrayEquals(u, v, 1e-9, "the body stays put in the picture");
        }
        assertNotEquals(all(a, Segment.class), all(b, Segment.class), "the ground moves under it");
        assertEquals(0.5, scene.camera(moved).target().x(), 1e-12);
        assertEquals(1, scene.trackedBody(), "torso");
    }

    @Test
    void boxesCylindersSpheresAndEllipsoidsAreDrawn() {
        Model m = MjcfLoader.loadString("""
                <mujoco model="shapes">
                  <default><geom contype="0" conaffinity="0"/></default>
                  <worldbody>
                    <geom name="floor" type="plane" size="0 0 1"/>
                    <body name="box" pos="0 0 0.5"><freejoint/><geom type="box" size="0.2 0.3 0.1"/></body>
                    <body name="can" pos="1 0 0.5"><geom type="cylinder" size="0.2 0.3"/></body>
                    <body name="ball" pos="-1 0 0.5"><geom type="sphere" size="0.2"/></body>
                    <body name="egg" pos="0 1 0.5"><geom type="ellipsoid" size="0.1 0.2 0.3"/></body>
                  </worldbody>
                </mujoco>""", "shapes.xml");
        Picture p = new BodyScene(m, CameraMode.TRACK).draw(m.qpos0());
        assertEquals(1, all(p, Disc.class).size(), "the sphere");
        // polygons besides sky, floor and haze: 3 faces of the box (-x, -y, +z look at the camera), the
        // cylinder's top cap and about half of its 28 sides, the front half of the ellipsoid's 200 facets
        int faces = all(p, Polygon.class).size() - 3;
        assertTrue(faces > 3 + 1 + 12 + 80 && faces < 3 + 1 + 16 + 120, "faces: " + faces);
        assertEquals(4, all(p, Group.class).get(0).shapes().size(), "four shadows");
    }

    @Test
    void aBadConfigurationIsRejectedWithItsSize() {
        Model m = MjcfLoader.loadResource("hopper");
        BodyScene scene = new BodyScene(m, CameraMode.TOP);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scene.draw(new double[3])).getMessage().contains("6 values"));
        double[] q = m.qpos0();
        q[2] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scene.draw(q)).getMessage().contains("qpos[2]"));
    }
}
