package org.vaml4j.render.classic;

import java.util.ArrayList;
import java.util.List;
import org.vaml4j.render.picture.Disc;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.render.picture.Stroke;

/**
 * Gym's Pendulum-v1 seen from the front: a rod of length 1 about a pivot in the centre; theta = 0
 * points up (the goal, marked) and grows counter-clockwise, so the tip is at
 * {@code pivot + L (-sin theta, cos theta)} with y up.
 */
public final class PendulumDrawing {

    static final double PIXELS_PER_METRE = 190;

    private PendulumDrawing() {}

    public static Picture draw(double theta) {
        if (!Double.isFinite(theta)) throw new IllegalArgumentException("pendulum angle must be finite, got " + theta);
        double cx = Flat.WIDTH / 2.0, cy = Flat.HEIGHT / 2.0 + 10, l = PIXELS_PER_METRE;
        List<Shape> s = new ArrayList<>();
        s.add(Flat.background());
        s.add(new Disc(cx, cy, l, Flat.GUIDE.withAlpha(0), new Stroke(Flat.GUIDE.withAlpha(0.35), 1.5)));
        s.add(new Disc(cx, cy - l, 7, Flat.GOAL.withAlpha(0.8), Stroke.NONE));
        // screen y points down: tip = (cx - L sin theta, cy - L cos theta)
        double tx = cx - l * Math.sin(theta), ty = cy - l * Math.cos(theta);
        s.add(Flat.rod(cx, cy, tx, ty, 16, Flat.LINK));
        s.add(Flat.pin(cx, cy, 9));
        return new Picture(Flat.WIDTH, Flat.HEIGHT, s);
    }
}
