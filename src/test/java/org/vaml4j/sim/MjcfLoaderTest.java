package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loader behaviour: defaults, frames, angle units, and one clear error for everything outside the subset. */
class MjcfLoaderTest {

    private static IllegalArgumentException reject(String xml) {
        return assertThrows(IllegalArgumentException.class, () -> MjcfLoader.loadString(xml, "bad.xml"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "<mujoco><tendon/><worldbody/></mujoco>|line 1: <tendon>: <tendon> is not supported inside <mujoco>",
        "<mujoco>\\n<worldbody>\\n<body><geom size='1' rgba='1 0 0 1'/></body></worldbody></mujoco>|line 3: <geom>: attribute 'rgba' is not supported",
        "<mujoco><worldbody><body><joint type='screw'/><geom size='1'/></body></worldbody></mujoco>|<joint> attribute 'type': 'screw' is not one of free, ball, slide, hinge",
        "<mujoco><worldbody><body pos='1 2'/></worldbody></mujoco>|<body> attribute 'pos': expected 3 numbers, got '1 2'",
        "<mujoco><worldbody><body><geom type='capsule' size='0.1'/></body></worldbody></mujoco>|<geom> attribute 'size': capsule needs 2 positive size value(s)",
        "<mujoco><worldbody><body><geom size='x'/></body></worldbody></mujoco>|<geom> attribute 'size': 'x' is not a number",
        "<mujoco><worldbody><body><joint/><geom size='1'/></body></worldbody><actuator><motor joint='nope'/></actuator></mujoco>|<motor> attribute 'joint': no joint named 'nope'",
        "<mujoco><worldbody><body><geom class='c' size='1'/></body></worldbody></mujoco>|unknown default class 'c'",
        "<mujoco><compiler coordinate='global'/><worldbody/></mujoco>|<compiler> attribute 'coordinate': 'global' is not one of local",
        "<mujoco><worldbody><body><joint/><joint type='free'/><geom size='1'/></body></worldbody></mujoco>|a free joint must be the only joint of its body",
        "<mujoco><worldbody><body><geom type='plane' size='1 1 1'/></body></worldbody></mujoco>|planes are only allowed in the world body",
        "<mujoco><worldbody><body><joint limited='true' range='1 0'/><geom size='1'/></body></worldbody></mujoco>|a limited joint needs lower < upper",
        "<mujoco><worldbody><body><joint/></body></worldbody></mujoco>|moves but has no mass",
        "<mujoco><worldbody><body><geom size='1'></worldbody></mujoco>|malformed XML",
        "<robot/>|the root element must be <mujoco>",
    })
    void rejectsWithElementAttributeAndLine(String xml, String expected) {
        String msg = reject(xml.replace('\'', '"').replace("\\n", "\n")).getMessage();
        assertTrue(msg.contains(expected), "message was: " + msg);
        assertTrue(msg.startsWith("bad.xml"), "message names the source: " + msg);
    }

    @Test
    void defaultClassesCascadeAndChildclassApplies() {
        Model m = MjcfLoader.loadString("""
                <mujoco>
                  <default>
                    <joint damping="2" armature="0.5"/>
                    <default class="stiff"><joint stiffness="7"/></default>
                  </default>
                  <worldbody>
                    <body childclass="stiff"><joint name="a"/><geom size="0.1"/>
                      <body><joint name="b" class="main" damping="3"/><geom size="0.1"/></body>
                    </body>
                  </worldbody>
                </mujoco>""", "defaults");
        int a = m.jointId("a"), b = m.jointId("b");
        assertEquals(7, m.jntStiffness(a));
        assertEquals(2, m.dofDamping(m.jntDofAdr(a)));
        assertEquals(0.5, m.dofArmature(m.jntDofAdr(a)));
        assertEquals(0, m.jntStiffness(b));
        assertEquals(3, m.dofDamping(m.jntDofAdr(b)));
    }

    @Test
    void anglesInDegreesAreConvertedForHingesOnly() {
        Model m = MjcfLoader.loadString("""
                <mujoco><worldbody><body>
                  <joint name="h" type="hinge" limited="true" range="-90 45" ref="30"/>
                  <joint name="s" type="slide" limited="true" range="-90 45"/>
                  <geom size="0.1"/></body></worldbody></mujoco>""", "angles");
        assertArrayEquals(new double[] {-Math.PI / 2, Math.PI / 4}, m.jntRange(m.jointId("h")), 1e-15);
        assertArrayEquals(new double[] {-90, 45}, m.jntRange(m.jointId("s")), 0);
        assertEquals(Math.PI / 6, m.qpos0()[0], 1e-15);
    }

    @Test
    void fromtoGivesCentreHalfLengthAndAxis() {
        Model m = MjcfLoader.loadString("""
                <mujoco><worldbody><body><joint/>
                  <geom type="capsule" fromto="0 0 0 0 0 0.6" size="0.05"/>
                </body></worldbody></mujoco>""", "fromto");
        assertArrayEquals(new double[] {0.05, 0.3, 0}, java.util.Arrays.copyOfRange(m.geomSize, 0, 3), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.3}, java.util.Arrays.copyOfRange(m.geomPos, 0, 3), 1e-15);
        // the capsule axis points from 'to' to 'from': -z, a half turn about x
        assertArrayEquals(new double[] {0, 1, 0, 0}, java.util.Arrays.copyOfRange(m.geomQuat, 0, 4), 1e-15);
    }

    @Test
    void unknownNamesListTheAlternatives() {
        Model m = MjcfLoader.loadResource("reacher");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.bodyId("hand"));
        assertTrue(e.getMessage().contains("fingertip"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MjcfLoader.loadResource("no_such_task"));
    }
}
