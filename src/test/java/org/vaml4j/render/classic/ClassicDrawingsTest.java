package org.vaml4j.render.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.render.picture.Stadium;

/** Where the moving parts land for known states: the sign conventions of each task. */
class ClassicDrawingsTest {

    static final double EPS = 1e-9;

    static List<Stadium> rods(Picture p) {
        List<Stadium> out = new ArrayList<>();
        for (Shape s : p.shapes()) if (s instanceof Stadium t) out.add(t);
        return out;
    }

    @Test
    void pendulumPointsUpAtZeroAndTurnsCounterClockwise() {
        double l = PendulumDrawing.PIXELS_PER_METRE, cx = 480, cy = 280;
        Stadium up = rods(PendulumDrawing.draw(0)).get(0);
        assertEquals(cx, up.x2(), EPS);
        assertEquals(cy - l, up.y2(), EPS);
        Stadium left = rods(PendulumDrawing.draw(Math.PI / 2)).get(0);
        assertEquals(cx - l, left.x2(), EPS, "theta = pi/2: counter-clockwise from up is to the left");
        assertEquals(cy, left.y2(), EPS);
    }

    @Test
    void cartPoleLeansRightForPositiveThetaAndMovesWithX() {
        double k = CartPoleDrawing.PIXELS_PER_METRE;
        Stadium upright = rods(CartPoleDrawing.draw(0, 0)).get(0);
        assertEquals(480, upright.x1(), EPS);
        assertEquals(upright.x1(), upright.x2(), EPS);
        assertEquals(k * CartPoleDrawing.POLE_LENGTH, upright.y1() - upright.y2(), EPS);
        Stadium leaning = rods(CartPoleDrawing.draw(1, 0.2)).get(0);
        assertEquals(480 + k, leaning.x1(), EPS, "the axle follows x");
        assertTrue(leaning.x2() > leaning.x1(), "positive theta leans right");
    }

    @Test
    void acrobotHangsDownAtZero() {
        double k = AcrobotDrawing.PIXELS_PER_METRE;
        List<Stadium> links = rods(AcrobotDrawing.draw(0, 0));
        assertEquals(480, links.get(1).x2(), EPS);
        assertEquals(270 + 2 * k, links.get(1).y2(), EPS, "tip two links below the pivot");
        List<Stadium> bent = rods(AcrobotDrawing.draw(Math.PI, Math.PI / 2));
        assertEquals(270 - k, bent.get(0).y2(), EPS, "first link straight up");
        assertEquals(480 - k, bent.get(1).x2(), EPS, "second link turned a quarter further: to the left");
    }

    @Test
    void mountainCarValleyHasItsBottomAtMinusPiOverSix() {
        assertEquals(0.1, MountainCarDrawing.height(-Math.PI / 6), EPS);
        assertEquals(1.0, MountainCarDrawing.height(Math.PI / 6), EPS);
        assertTrue(MountainCarDrawing.draw(-0.5).shapes().size() > 5);
        assertThrows(IllegalArgumentException.class, () -> MountainCarDrawing.draw(Double.NaN));
    }
}
