package org.vaml4j.render.classic;

import java.util.ArrayList;
import java.util.List;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.Shape;

/**
 * The acrobot from the front: two links of 1 m hanging from a pivot; theta1 is the first link's
 * angle from straight down, theta2 the second's relative to the first, so with y up
 * {@code p1 = L1 (sin theta1, -cos theta1)} and {@code p2 = p1 + L2 (sin(theta1 + theta2), -cos(theta1 + theta2))};
 * the dashed line marks one link length above the pivot.
 */
public final class AcrobotDrawing {

    static final double PIXELS_PER_METRE = 112, L1 = 1, L2 = 1;

    private AcrobotDrawing() {}

    public static Picture draw(double theta1, double theta2) {
        if (!Double.isFinite(theta1) || !Double.isFinite(theta2)) {
            throw new IllegalArgumentException("acrobot angles must be finite, got " + theta1 + ", " + theta2);
        }
        double k = PIXELS_PER_METRE, cx = Flat.WIDTH / 2.0, cy = Flat.HEIGHT / 2.0;
        List<Shape> s = new ArrayList<>();
        s.add(Flat.background());
        Flat.dashed(s, cx - 2.4 * k, cx + 2.4 * k, cy - L1 * k, Flat.GOAL);
        // screen y points down
        double x1 = cx + L1 * k * Math.sin(theta1), y1 = cy + L1 * k * Math.cos(theta1);
        double x2 = x1 + L2 * k * Math.sin(theta1 + theta2), y2 = y1 + L2 * k * Math.cos(theta1 + theta2);
        s.add(Flat.rod(cx, cy, x1, y1, 11, Flat.BODY));
        s.add(Flat.rod(x1, y1, x2, y2, 11, Flat.LINK));
        s.add(Flat.pin(cx, cy, 8));
        s.add(Flat.pin(x1, y1, 7));
        return new Picture(Flat.WIDTH, Flat.HEIGHT, s);
    }
}
