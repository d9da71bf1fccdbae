package org.vaml4j.render.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgPainterTest {

    static final Color RED = Color.hex("#ff0000");

    @Test
    void aStadiumIsTwoArcsJoinedByItsTangents() {
        // equal radii 10 at (0, 0) and (100, 0): phi = 0, alpha = 90°: arc 1 from (0, 10) over the left half to (0, -10),
        // then the tangent y = -10 to (100, -10), arc 2 over the right half to (100, 10)
        Stadium s = new Stadium(0, 0, 10, 100, 0, 10, RED, Stroke.NONE);
        assertEquals(0, s.phi(), 1e-12);
        assertEquals(Math.PI / 2, s.alpha(), 1e-12);
        String svg = SvgPainter.elements(new Picture(200, 100, List.of(s)), "t");
        assertEquals("<path d=\"M0,10 A10 10 0 0 1 0,-10 L100,-10 A10 10 0 0 1 100,10 Z\" fill=\"#ff0000\"/>\n", svg);
    }

    @Test
    void unequalRadiiTakeTheLongArcOnTheLargerCircle() {
        Stadium s = new Stadium(0, 0, 20, 100, 0, 10, RED, Stroke.NONE);
        assertEquals(Math.acos(0.1), s.alpha(), 1e-12);
        String svg = SvgPainter.elements(new Picture(200, 100, List.of(s)), "t");
        assertTrue(svg.contains("A20 20 0 1 1"), svg);
        assertTrue(svg.contains("A10 10 0 0 1"), svg);
    }

    @Test
    void aCircleInsideTheOtherMakesADisc() {
        assertInstanceOf(Disc.class, Stadium.hull(0, 0, 20, 5, 0, 10, RED, Stroke.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Stadium(0, 0, 20, 5, 0, 10, RED, Stroke.NONE));
    }

    @Test
    void gradientsGetPrefixedIdsAndOpacitiesTheirOwnAttributes() {
        Paint g = new LinearGradient(0, 0, 0, 10, List.of(new Stop(0, RED), new Stop(1, RED.withAlpha(0.5))));
        Picture p = new Picture(10, 10, List.of(new Polygon(new double[] {0, 0, 10, 0, 10, 10}, g),
                new Group(0.3, List.of(new Disc(5, 5, 2, RED.withAlpha(0.5), new Stroke(Color.BLACK, 1.5)))),
                new Segment(0, 0, 10, 10, Color.BLACK, 2)));
        String svg = SvgPainter.elements(p, "f3");
        assertTrue(svg.startsWith("<defs>\n<linearGradient id=\"f3-0\" gradientUnits=\"userSpaceOnUse\""), svg);
        assertTrue(svg.contains("stop-opacity=\"0.5\""), svg);
        assertTrue(svg.contains("<polygon points=\"0,0 10,0 10,10\" fill=\"url(#f3-0)\"/>"), svg);
        assertTrue(svg.contains("<g opacity=\"0.3\">\n<circle cx=\"5\" cy=\"5\" r=\"2\" fill=\"#ff0000\" fill-opacity=\"0.5\" stroke=\"#000000\""), svg);
        assertTrue(svg.contains("<line x1=\"0\" y1=\"0\" x2=\"10\" y2=\"10\" stroke=\"#000000\" stroke-width=\"2\""), svg);
        assertThrows(IllegalArgumentException.class, () -> SvgPainter.elements(p, "3f"));
    }
}
