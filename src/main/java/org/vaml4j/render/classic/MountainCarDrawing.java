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
 * Mountain car: the valley {@code h(p) = 0.45 sin(3p) + 0.55} over p in [-1.2, 0.6], the flag at
 * the goal p = 0.45, and the car at position p, tilted along the slope {@code h'(p) = 1.35 cos(3p)}
 * (heights drawn at 0.9 of the horizontal scale, so that the valley fits the picture).
 */
public final class MountainCarDrawing {

    static final double MIN = -1.2, MAX = 0.6, GOAL = 0.45, PIXELS_PER_UNIT = 480;
    /** heights are drawn at this fraction of the horizontal scale, so the valley fits the picture */
    static final double HEIGHT_SCALE = 0.9;

    private MountainCarDrawing() {}

    static double height(double p) {
        return 0.45 * Math.sin(3 * p) + 0.55;
    }

    public static Picture draw(double position) {
        if (!Double.isFinite(position)) throw new IllegalArgumentException("mountain car position must be finite, got " + position);
        List<Shape> s = new ArrayList<>();
        s.add(Flat.background());
        int n = 120;
        double[] hill = new double[2 * (n + 3)];
        for (int i = 0; i <= n; i++) {
            double p = MIN + (MAX - MIN) * i / n;
            hill[2 * i] = sx(p);
            hill[2 * i + 1] = sy(height(p));
        }
        hill[2 * (n + 1)] = sx(MAX);
        hill[2 * (n + 1) + 1] = Flat.HEIGHT;
        hill[2 * (n + 2)] = sx(MIN);
        hill[2 * (n + 2) + 1] = Flat.HEIGHT;
        s.add(new Polygon(hill, new LinearGradient(0, sy(1), 0, Flat.HEIGHT,
                List.of(new Stop(0, Flat.GUIDE.lighter(0.45)), new Stop(1, Flat.GUIDE.lighter(0.15)))), Shading.outline(Flat.GUIDE, 2)));

        // ---- flag ----
        double fx = sx(GOAL), fy = sy(height(GOAL));
        s.add(new Segment(fx, fy, fx, fy - 56, Flat.DARK, 2.5));
        s.add(new Polygon(new double[] {fx, fy - 56, fx + 34, fy - 47, fx, fy - 38}, Flat.GOAL));

        // ---- car: body and wheels in the frame of the slope ----
        double angle = Math.atan(HEIGHT_SCALE * 1.35 * Math.cos(3 * position));   // slope as drawn
        double ux = Math.cos(angle), uy = -Math.sin(angle);   // along the slope, screen coordinates
        double nx = uy, ny = -ux;                             // away from the ground
        double gx = sx(position), gy = sy(height(position));
        double w = 60, h = 26, clear = 11;
        double[] body = new double[8];
        double[][] c = {{-w / 2, clear}, {w / 2, clear}, {w / 2, clear + h}, {-w / 2, clear + h}};
        for (int k = 0; k < 4; k++) {
            body[2 * k] = gx + c[k][0] * ux + c[k][1] * nx;
            body[2 * k + 1] = gy + c[k][0] * uy + c[k][1] * ny;
        }
        s.add(new Polygon(body, new LinearGradient(gx + (clear + h) * nx, gy + (clear + h) * ny, gx + clear * nx, gy + clear * ny,
                List.of(new Stop(0, Flat.BODY.lighter(0.3)), new Stop(1, Flat.BODY.darker(0.2)))), Shading.outline(Flat.BODY, 1.2)));
        for (int side = -1; side <= 1; side += 2) {
            double d = side * w / 3.2;
            s.add(Flat.pin(gx + d * ux + clear * nx, gy + d * uy + clear * ny, 9));
        }
        return new Picture(Flat.WIDTH, Flat.HEIGHT, s);
    }

    private static double sx(double p) {
        return Flat.WIDTH / 2.0 + (p - (MIN + MAX) / 2) * PIXELS_PER_UNIT;
    }

    private static double sy(double h) {
        return Flat.HEIGHT - 30 - h * PIXELS_PER_UNIT * HEIGHT_SCALE;
    }
}
