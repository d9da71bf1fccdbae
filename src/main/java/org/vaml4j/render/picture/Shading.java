package org.vaml4j.render.picture;

import java.util.List;

/**
 * Paints that make flat shapes read as solids lit from the upper left of the picture: a rod or
 * capsule gets a gradient across its axis (bright stripe on the lit side, as a cylinder shows),
 * a ball a radial gradient with its highlight towards the light.
 */
public final class Shading {

    /** Unit direction, in picture coordinates, towards the light (up and to the left). */
    public static final double LIGHT_X = -0.42, LIGHT_Y = -0.9075;

    private Shading() {}

    /** The hull of the circles (x1, y1, r1), (x2, y2, r2) shaded as a tube of colour {@code base}. */
    public static Shape tube(double x1, double y1, double r1, double x2, double y2, double r2, Color base, Stroke stroke) {
        double dx = x2 - x1, dy = y2 - y1, d = Math.hypot(dx, dy);
        if (!(d > Math.abs(r1 - r2) + 1e-9 * Math.max(r1, r2))) {
            return r1 >= r2 ? ball(x1, y1, r1, base, stroke) : ball(x2, y2, r2, base, stroke);
        }
        // n = unit normal of the axis, turned towards the light
        double nx = -dy / d, ny = dx / d;
        if (nx * LIGHT_X + ny * LIGHT_Y < 0) {
            nx = -nx;
            ny = -ny;
        }
        double mx = (x1 + x2) / 2, my = (y1 + y2) / 2, rm = (r1 + r2) / 2;
        Paint fill = new LinearGradient(mx + nx * rm, my + ny * rm, mx - nx * rm, my - ny * rm, List.of(
                new Stop(0, base.lighter(0.2)), new Stop(0.28, base.lighter(0.45)), new Stop(0.62, base), new Stop(1, base.darker(0.4))));
        return new Stadium(x1, y1, r1, x2, y2, r2, fill, stroke);
    }

    /** A disc of radius r shaded as a ball of colour {@code base}. */
    public static Disc ball(double cx, double cy, double r, Color base, Stroke stroke) {
        Paint fill = new RadialGradient(cx + LIGHT_X * 0.4 * r, cy + LIGHT_Y * 0.4 * r, 1.4 * r, List.of(
                new Stop(0, base.lighter(0.5)), new Stop(0.42, base), new Stop(1, base.darker(0.45))));
        return new Disc(cx, cy, r, fill, stroke);
    }

    /** A thin outline a little darker than {@code base}, which keeps touching parts apart. */
    public static Stroke outline(Color base, double width) {
        return new Stroke(base.darker(0.55).withAlpha(0.55), width);
    }
}
