package org.vaml4j.render.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NearClipTest {

    @Test
    void aSquareCrossingTheNearPlaneKeepsItsFarPart() {
        // square in the x-z plane from z = 1 (behind) to z = -3 (in front); near = 1
        double[] sq = {0, 0, 1, 2, 0, 1, 2, 0, -3, 0, 0, -3};
        double[] c = NearClip.polygon(sq, 1);
        assertArrayEquals(new double[] {2, 0, -1, 2, 0, -3, 0, 0, -3, 0, 0, -1}, c, 1e-12);
        assertEquals(0, NearClip.polygon(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0}, 0.5).length, "all behind");
    }

    @Test
    void segmentsAreCutAtTheNearPlane() {
        assertArrayEquals(new double[] {1, 0, -0.5, 0, 0, -2}, NearClip.segment(2, 0, 1, 0, 0, -2, 0.5), 1e-12);
        assertArrayEquals(new double[] {0, 0, -2, 2, 0, -0.5}, NearClip.segment(0, 0, -2, 4, 0, 1, 0.5), 1e-12);
        assertNull(NearClip.segment(0, 0, 1, 1, 1, 1, 0.5));
    }

    @Test
    void hullDropsInnerAndCollinearPoints() {
        double[] h = Hull.of(new double[] {0, 0, 1, 0, 2, 0, 2, 2, 0, 2, 1, 1});
        assertArrayEquals(new double[] {0, 0, 2, 0, 2, 2, 0, 2}, h, 0);
    }
}
