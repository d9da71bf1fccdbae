package org.vaml4j.render.classic;

import java.util.ArrayList;
import java.util.List;
import org.vaml4j.render.picture.LinearGradient;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.Polygon;
import org.vaml4j.render.picture.Segment;
import org.vaml4j.render.picture.Shading;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.render.picture.Stop;

/**
 * The cart-pole from the side: the track between the termination limits +-2.4 m, the cart at x,
 * and the pole of length 2 * 0.5 m on its top; theta = 0 is upright and positive theta leans
 * right (Gym's convention), so the tip is at {@code axle + 2l (sin theta, cos theta)} with y up.
 */
public final class CartPoleDrawing {

    static final double PIXELS_PER_METRE = 160, LIMIT = 2.4, POLE_LENGTH = 1.0;

    private CartPoleDrawing() {}

    public static Picture draw(double x, double theta) {
        if (!Double.isFinite(x) || !Double.isFinite(theta)) {
            throw new IllegalArgumentException("cart-pole state must be finite, got x " + x + ", theta " + theta);
        }
        double k = PIXELS_PER_METRE, cx = Flat.WIDTH / 2.0 + x * k, track = 380;
        List<Shape> s = new ArrayList<>();
        s.add(Flat.background());
        s.add(new Segment(Flat.WIDTH / 2.0 - LIMIT * k, track, Flat.WIDTH / 2.0 + LIMIT * k, track, Flat.GUIDE, 3));
        for (int side = -1; side <= 1; side += 2) {
            double px = Flat.WIDTH / 2.0 + side * LIMIT * k;
            s.add(new Segment(px, track - 18, px, track + 10, Flat.GUIDE, 3));
        }
        double w = 0.5 * k, h = 0.3 * k, top = track - 12 - h;
        s.add(Flat.pin(cx - w / 3, track - 10, 10));
        s.add(Flat.pin(cx + w / 3, track - 10, 10));
        s.add(new Polygon(new double[] {cx - w / 2, top, cx + w / 2, top, cx + w / 2, top + h, cx - w / 2, top + h},
                new LinearGradient(0, top, 0, top + h, List.of(new Stop(0, Flat.BODY.lighter(0.3)), new Stop(1, Flat.BODY.darker(0.2)))),
                Shading.outline(Flat.BODY, 1.2)));
        double ax = cx, ay = top + 6, l = POLE_LENGTH * k;
        s.add(Flat.rod(ax, ay, ax + l * Math.sin(theta), ay - l * Math.cos(theta), 8, Flat.LINK));
        s.add(Flat.pin(ax, ay, 7));
        return new Picture(Flat.WIDTH, Flat.HEIGHT, s);
    }
}
