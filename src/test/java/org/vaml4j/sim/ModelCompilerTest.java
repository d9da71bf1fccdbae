package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compiled task models against MuJoCo 2.2.2's compiled facts (anchors/mujoco/model-info.txt). */
class ModelCompilerTest {

    private static final Pattern VEC = Pattern.compile("(\\w+)=\\(([^)]*)\\)");
    private static final Pattern NUM = Pattern.compile("(\\w+)=(-?[0-9.e+-]+)(?=\\s|$)");

    /** The lines of one model's section of model-info.txt. */
    private static List<String> section(String model) throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ModelCompilerTest.class.getResourceAsStream("model-info.txt"), StandardCharsets.UTF_8))) {
            boolean in = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("=== model ")) in = line.startsWith("=== model " + model + ":");
                else if (in) out.add(line);
            }
        }
        return out;
    }

    private static double[] vec(String line, String key) {
        Matcher mt = VEC.matcher(line);
        while (mt.find()) {
            if (mt.group(1).equals(key)) {
                String[] p = mt.group(2).trim().split("\\s+");
                double[] v = new double[p.length];
                for (int i = 0; i < p.length; i++) v[i] = Double.parseDouble(p[i]);
                return v;
            }
        }
        throw new AssertionError("no " + key + " in " + line);
    }

    private static double num(String line, String key) {
        Matcher mt = NUM.matcher(line);
        while (mt.find()) if (mt.group(1).equals(key)) return Double.parseDouble(mt.group(2));
        throw new AssertionError("no " + key + " in " + line);
    }

    /** R diag R' of a principal inertia, for comparing frames that differ by axis order or sign. */
    private static double[] full(double[] diag, double[] quat) {
        double[] r = new double[9];
        Quat.toMat(r, 0, quat, 0);
        double[] f = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) f[3 * i + j] += r[3 * i + k] * diag[k] * r[3 * j + k];
            }
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"swimmer", "reacher", "inverted_pendulum", "inverted_double_pendulum"})
    void compiledFactsMatchMujoco(String name) throws Exception {
        Model m = MjcfLoader.loadResource(name);
        List<String> info = section(name);
        int body = 0, joint = 0, geom = 0, act = 0;
        for (String line : info) {
            if (line.startsWith("opt:")) {
                assertEquals(num(line, "total_mass"), m.totalMass(), 1e-8 * m.totalMass(), name + " total mass");
                assertArrayEquals(vec(line, "gravity"), m.opt().gravity(), 0, name + " gravity");
                assertEquals(num(line, "density"), m.opt().density(), 0);
                assertEquals(num(line, "viscosity"), m.opt().viscosity(), 0);
            } else if (line.startsWith("qpos0:")) {
                String[] p = line.substring(6).trim().split("\\s+");
                double[] q0 = new double[p.length];
                for (int i = 0; i < p.length; i++) q0[i] = Double.parseDouble(p[i]);
                assertArrayEquals(q0, m.qpos0(), 1e-12, name + " qpos0");
            } else if (line.startsWith("body ")) {
                String at = name + " body " + body;
                assertEquals((int) num(line, "parent"), Math.max(0, m.bodyParentId(body)), at);
                assertArrayEquals(vec(line, "pos"), m.bodyPos(body), 1e-9, at + " pos");
                assertEquals(num(line, "mass"), m.bodyMass(body), 1e-9 * Math.max(1, m.bodyMass(body)), at + " mass");
                assertArrayEquals(vec(line, "ipos"), m.bodyIpos(body), 1e-9, at + " ipos");
                double[] iq = java.util.Arrays.copyOfRange(m.bodyIquat, 4 * body, 4 * body + 4);
                assertArrayEquals(full(vec(line, "inertia"), vec(line, "iquat")), full(m.bodyInertia(body), iq),
                        1e-9, at + " inertia tensor");
                body++;
            } else if (line.startsWith("joint ")) {
                String at = name + " joint " + joint;
                assertEquals(line.contains("type=hinge") ? JointType.HINGE : line.contains("type=slide")
                        ? JointType.SLIDE : line.contains("type=ball") ? JointType.BALL : JointType.FREE, m.jntType(joint), at);
                assertEquals((int) num(line, "qposadr"), m.jntQposAdr(joint), at);
                assertEquals((int) num(line, "dofadr"), m.jntDofAdr(joint), at);
                assertEquals(num(line, "limited") != 0, m.jntLimited(joint), at);
                if (m.jntLimited(joint)) assertArrayEquals(vec(line, "range"), m.jntRange(joint), 1e-9, at + " range");
                assertEquals(num(line, "armature"), m.dofArmature(m.jntDofAdr(joint)), 1e-12, at);
                assertEquals(num(line, "damping"), m.dofDamping(m.jntDofAdr(joint)), 1e-12, at);
                assertEquals(num(line, "stiffness"), m.jntStiffness(joint), 1e-12, at);
                joint++;
            } else if (line.startsWith("geom ")) {
                String at = name + " geom " + geom;
                assertArrayEquals(vec(line, "size"), java.util.Arrays.copyOfRange(m.geomSize, 3 * geom, 3 * geom + 3),
                        1e-9, at + " size");
                assertArrayEquals(vec(line, "pos"), java.util.Arrays.copyOfRange(m.geomPos, 3 * geom, 3 * geom + 3),
                        1e-9, at + " pos");
                assertArrayEquals(vec(line, "quat"), java.util.Arrays.copyOfRange(m.geomQuat, 4 * geom, 4 * geom + 4),
                        1e-9, at + " quat");
                assertEquals((int) num(line, "contype"), m.geomContype[geom], at);
                assertEquals((int) num(line, "conaffinity"), m.geomConaffinity[geom], at);
                assertEquals((int) num(line, "condim"), m.geomCondim[geom], at);
                assertArrayEquals(vec(line, "friction"), java.util.Arrays.copyOfRange(m.geomFriction, 3 * geom, 3 * geom + 3),
                        1e-12, at + " friction");
                geom++;
            } else if (line.startsWith("actuator ")) {
                assertEquals(num(line, "gear"), m.actuatorGear(act), 0, name + " gear");
                assertArrayEquals(vec(line, "ctrlrange"), new double[] {m.ctrlLow(act), m.ctrlHigh(act)}, 0);
                act++;
            }
        }
        assertEquals(m.nbody(), body, name + " bodies");
        assertEquals(m.njnt(), joint, name + " joints");
        assertEquals(m.ngeom(), geom, name + " geoms");
        assertEquals(m.nu(), act, name + " actuators");
    }

    @Test
    void severalGeomsCombineIntoPrincipalAxes() {
        // two unit-density boxes side by side along x: com in the middle, principal axes = body axes
        Model m = MjcfLoader.loadString("""
                <mujoco><worldbody><body><joint type="slide"/>
                  <geom type="box" size="0.5 0.1 0.2" pos="-0.5 0 0" density="1"/>
                  <geom type="box" size="0.5 0.1 0.2" pos="0.5 0 0" density="1"/>
                </body></worldbody></mujoco>""", "two-boxes");
        double mass = 2 * 8 * 0.5 * 0.1 * 0.2;
        assertEquals(mass, m.bodyMass(1), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0}, m.bodyIpos(1), 1e-15);
        // one 2 x 0.2 x 0.4 box: I = m/12 (b^2 + c^2), ...
        double[] expect = {mass / 12 * (0.04 + 0.16), mass / 12 * (4 + 0.16), mass / 12 * (4 + 0.04)};
        double[] iq = java.util.Arrays.copyOfRange(m.bodyIquat, 4, 8);
        assertArrayEquals(full(expect, new double[] {1, 0, 0, 0}), full(m.bodyInertia(1), iq), 1e-14);
    }
}
