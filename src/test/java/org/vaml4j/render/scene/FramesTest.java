package org.vaml4j.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.vaml4j.sim.Data;
import org.vaml4j.sim.Forward;
import org.vaml4j.sim.MjcfLoader;
import org.vaml4j.sim.Model;

class FramesTest {

    static void assertVector(double x, double y, double z, Vector3d v) {
        assertEquals(x, v.x, 1e-12, v.toString());
        assertEquals(y, v.y, 1e-12, v.toString());
        assertEquals(z, v.z, 1e-12, v.toString());
    }

    @Test
    void aRowMajorRotationBecomesTheSameTurn() {
        // R_y(90°) row-major: its columns are the turned axes, x -> -z, z -> +x
        double[] mat = {0, 0, 1, 0, 1, 0, -1, 0, 0};
        Quaterniond q = Frames.quaternion(mat, 0, new Quaterniond());
        assertVector(1, 0, 0, q.transform(new Vector3d(0, 0, 1)));
        assertVector(0, 0, -1, q.transform(new Vector3d(1, 0, 0)));
        assertVector(0, 1, 0, q.transform(new Vector3d(0, 1, 0)));
    }

    @Test
    void geomQuaternionsTurnGeomAxesAsTheSimulatorsMatrices() {
        Model m = MjcfLoader.loadResource("ant");
        Data d = new Data(m);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 3; i < m.nq(); i++) d.qpos[i] += rng.nextDouble(-0.6, 0.6);
        Forward.forward(m, d);
        for (int g = 0; g < m.ngeom(); g++) {
            Quaterniond q = Frames.quaternion(d.geomXmat, 9 * g, new Quaterniond());
            for (int axis = 0; axis < 3; axis++) {
                Vector3d e = new Vector3d(axis == 0 ? 1 : 0, axis == 1 ? 1 : 0, axis == 2 ? 1 : 0);
                q.transform(e);
                // column `axis` of the row-major matrix
                assertEquals(d.geomXmat[9 * g + axis], e.x, 1e-9);
                assertEquals(d.geomXmat[9 * g + 3 + axis], e.y, 1e-9);
                assertEquals(d.geomXmat[9 * g + 6 + axis], e.z, 1e-9);
            }
        }
        assertVector(d.geomXpos[3], d.geomXpos[4], d.geomXpos[5], Frames.position(d.geomXpos, 3, new Vector3d()));
    }
}
