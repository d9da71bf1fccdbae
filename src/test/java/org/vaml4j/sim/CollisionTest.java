package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed contacts of the primitive pairs, pair filtering and the contact frame. */
class CollisionTest {

    private static Model model(String worldGeoms) {
        return MjcfLoader.loadString("<mujoco><worldbody>" + worldGeoms + "</worldbody></mujoco>", "test");
    }

    private static Data collide(Model m, double... qpos) {
        Data d = new Data(m);
        System.arraycopy(qpos, 0, d.qpos, 0, qpos.length);
        Forward.forward(m, d);
        return d;
    }

    @Test
    void sphereOnPlane() {
        Model m = model("<geom type='plane' size='1 1 1'/><body pos='0 0 0.095'><freejoint/>"
                + "<geom type='sphere' size='0.1' margin='0.01'/></body>");
        Data d = collide(m);
        Contacts c = d.contact;
        assertEquals(1, c.ncon);
        assertEquals(-0.005, c.dist[0], 1e-15);
        // midway between the surfaces: z = -0.0025
        assertEquals(-0.0025, c.pos[2], 1e-15);
        assertEquals(1, c.frame[2], 0);
        assertEquals(0.01, c.includeMargin[0], 0);
        // 3 = condim default: 4 pyramid rows
        assertEquals(4, d.nefc);
    }

    @Test
    void capsuleLyingOnPlaneTouchesAtBothEndsWithTangentAlongItsAxis() {
        Model m = model("<geom type='plane' size='1 1 1'/><body pos='0 0 0.05'><freejoint/>"
                + "<geom type='capsule' fromto='-0.2 0 0 0.2 0 0' size='0.06'/></body>");
        Data d = collide(m);
        Contacts c = d.contact;
        assertEquals(2, c.ncon);
        for (int i = 0; i < 2; i++) {
            assertEquals(-0.01, c.dist[i], 1e-12);
            assertEquals(0.2, Math.abs(c.pos[3 * i]), 1e-12);
            assertEquals(1, Math.abs(c.frame[9 * i + 3]), 1e-12); // tangent 1 = capsule axis = x
        }
    }

    @Test
    void crossedCapsulesTouchAtTheClosestPointsOfTheirSegments() {
        Model m = model("<body><freejoint/><geom type='capsule' fromto='-1 0 0 1 0 0' size='0.1'/></body>"
                + "<body pos='0.3 0 0.15'><freejoint/><geom type='capsule' fromto='0 -1 0 0 1 0' size='0.1'/></body>");
        Data d = collide(m);
        Contacts c = d.contact;
        assertEquals(1, c.ncon);
        assertEquals(-0.05, c.dist[0], 1e-12);
        assertEquals(0.3, c.pos[0], 1e-12);
        assertEquals(0.075, c.pos[2], 1e-12);
        assertEquals(1, c.frame[2], 1e-12);
    }

    @Test
    void boxOnPlaneGivesItsFourLowestCorners() {
        Model m = model("<geom type='plane' size='1 1 1'/><body pos='0 0 0.099'><freejoint/>"
                + "<geom type='box' size='0.1 0.2 0.1'/></body>");
        Contacts c = collide(m).contact;
        assertEquals(4, c.ncon);
        for (int i = 0; i < 4; i++) assertEquals(-0.001, c.dist[i], 1e-12);
    }

    @Test
    void uprightCylinderOnPlaneGivesThreeRimPoints() {
        Model m = model("<geom type='plane' size='1 1 1'/><body pos='0 0 0.049'><freejoint/>"
                + "<geom type='cylinder' size='0.05 0.05'/></body>");
        Contacts c = collide(m).contact;
        // the deepest rim point, its twin on the top disk is far above; two more at +-120 degrees
        assertEquals(3, c.ncon);
        for (int i = 0; i < 3; i++) {
            assertEquals(-0.001, c.dist[i], 1e-12);
            double r = Math.hypot(c.pos[3 * i], c.pos[3 * i + 1]);
            assertEquals(0.05, r, 1e-12);
        }
    }

    @Test
    void capsuleAgainstCylinderSideUsesTheRadialNormal() {
        Model m = model("<body><freejoint/><geom type='cylinder' size='0.1 0.2'/></body>"
                + "<body pos='0.15 0 0'><freejoint/><geom type='capsule' fromto='0 0 -0.1 0 0 0.1' size='0.06'/></body>");
        Contacts c = collide(m).contact;
        assertEquals(1, c.ncon);
        assertEquals(-0.01, c.dist[0], 1e-9);
        // capsule (geom1 by type) -> cylinder: normal -x
        assertEquals(-1, c.frame[0], 1e-9);
    }

    @Test
    void framesAreOrthonormalAndRightHanded() {
        double[] f = {0.3, -0.4, 0.866, 0, 0, 0, 0, 0, 0};
        Collision.makeFrame(f, 0);
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < 3; s++) {
                double dot = f[3 * r] * f[3 * s] + f[3 * r + 1] * f[3 * s + 1] + f[3 * r + 2] * f[3 * s + 2];
                assertEquals(r == s ? 1 : 0, dot, 1e-12);
            }
        }
        // z = x cross y
        assertEquals(f[6], f[1] * f[5] - f[2] * f[4], 1e-12);
    }

    @Test
    void pairsFollowContypeConaffinityAndParentFilters() {
        // walker2d: robot geoms have conaffinity 0, so only the 7 robot geoms against the floor
        assertEquals(7, MjcfLoader.loadResource("walker2d").contactPairs.npair);
        // hopper: 4 geoms against the floor + the non-adjacent robot pairs torso-leg, torso-foot, thigh-foot
        assertEquals(7, MjcfLoader.loadResource("hopper").contactPairs.npair);
        // swimmer: collision="predefined" without pairs
        assertEquals(0, MjcfLoader.loadResource("swimmer").contactPairs.npair);
    }

    @Test
    void combinesParametersAsMujoco() {
        Model m = MjcfLoader.loadResource("hopper");
        ContactPairs p = m.contactPairs;
        int foot = m.geomId("foot_geom");
        for (int i = 0; i < p.npair; i++) {
            if (p.geom2[i] != foot || m.geomType[p.geom1[i]] != GeomType.PLANE) continue;
            assertEquals(3, p.condim[i]);            // max(1, 3)
            assertEquals(2.0, p.friction[5 * i], 0); // max(2.0, 1.0)
            assertEquals(0.001, p.margin[i], 0);
            return;
        }
        throw new AssertionError("no floor-foot pair");
    }

    @Test
    void unsupportedPairIsRejectedAtLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(
                "<body><freejoint/><geom type='box' size='0.1 0.1 0.1'/></body>"
                        + "<body><freejoint/><geom type='box' size='0.1 0.1 0.1'/></body>"));
        assertTrue(e.getMessage().contains("no collision function"), e.getMessage());
    }
}
