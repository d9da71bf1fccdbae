package org.vaml4j.render.classic;

import java.util.List;
import org.vaml4j.render.picture.Color;
import org.vaml4j.render.picture.LinearGradient;
import org.vaml4j.render.picture.Polygon;
import org.vaml4j.render.picture.Segment;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.render.picture.Shading;
import org.vaml4j.render.picture.Stop;

/** Size, colours and common parts of the 2-D drawings (the palette of the 3-D scenes). */
final class Flat {

    static final int WIDTH = 960, HEIGHT = 540;
    static final Color TOP = Color.hex("#dfe6ee");
    static final Color BOTTOM = Color.hex("#f5f7fa");
    static final Color GUIDE = Color.hex("#8896a6");
    static final Color DARK = Color.hex("#33404e");
    static final Color BODY = Color.hex("#4c72b0");
    static final Color LINK = Color.hex("#dd8452");
    static final Color GOAL = Color.hex("#55a868");

    private Flat() {}

    /** The whole picture in a soft vertical gradient. */
    static Shape background() {
        return new Polygon(new double[] {0, 0, WIDTH, 0, WIDTH, HEIGHT, 0, HEIGHT},
                new LinearGradient(0, 0, 0, HEIGHT, List.of(new Stop(0, TOP), new Stop(1, BOTTOM))));
    }

    /** A rod of radius r between two points, shaded as a tube. */
    static Shape rod(double x1, double y1, double x2, double y2, double r, Color c) {
        return Shading.tube(x1, y1, r, x2, y2, r, c, Shading.outline(c, 1));
    }

    /** A joint or pivot: a small dark ball. */
    static Shape pin(double x, double y, double r) {
        return Shading.ball(x, y, r, DARK, Shading.outline(DARK, 1));
    }

    /** A dashed horizontal guide line from x1 to x2 at height y. */
    static void dashed(List<Shape> out, double x1, double x2, double y, Color c) {
        for (double x = x1; x < x2; x += 18) out.add(new Segment(x, y, Math.min(x + 9, x2), y, c.withAlpha(0.6), 2));
    }
}
