package org.vaml4j.render.scene;

import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.vaml4j.render.picture.LinearGradient;
import org.vaml4j.render.picture.Paint;
import org.vaml4j.render.picture.Polygon;
import org.vaml4j.render.picture.Segment;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.render.picture.Stop;

/**
 * The sky and the floor plane. The plane is drawn as infinite (as it collides): a square of
 * {@link #REACH} half-width around the camera target, clipped to the near plane, shaded from
 * the horizon haze to a darker near colour, with grid lines every {@code spacing} within
 * {@link #GRID_CELLS} cells of the target (they move under a tracked body and so show its
 * speed) and a haze band over the horizon where far lines would crowd.
 */
final class Ground {

    static final double REACH = 400;
    static final int GRID_CELLS = 14;

    private Ground() {}

    /** A gradient filling the whole picture, from the sky's top colour to the haze at the horizon. */
    static Shape sky(Camera cam) {
        int w = cam.width(), h = cam.height();
        double yh = Math.max(1, Math.min(h, horizonY(cam)));
        Paint fill = new LinearGradient(0, 0, 0, yh, List.of(new Stop(0, Palette.SKY_TOP), new Stop(1, Palette.HAZE)));
        return new Polygon(new double[] {0, 0, w, 0, w, h, 0, h}, fill);
    }

    /**
     * The floor through {@code origin} spanned by the unit axes {@code ex}, {@code ey} (normal
     * {@code ex x ey}); nothing when the eye is below it.
     */
    static List<Shape> floor(Camera cam, Vector3dc origin, Vector3dc ex, Vector3dc ey, double spacing) {
        Vector3d normal = new Vector3d(ex).cross(ey);
        if (new Vector3d(cam.eye()).sub(origin).dot(normal) <= 0) return List.of();
        List<Shape> out = new ArrayList<>();
        // plane coordinates of the target, snapped to the grid
        Vector3d rel = new Vector3d(cam.target()).sub(origin);
        double u0 = Math.round(rel.dot(ex) / spacing) * spacing, v0 = Math.round(rel.dot(ey) / spacing) * spacing;

        double[] quad = new double[12];
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        Vector3d w = new Vector3d(), v = new Vector3d();
        for (int k = 0; k < 4; k++) {
            onPlane(origin, ex, ey, u0 + corners[k][0] * REACH, v0 + corners[k][1] * REACH, w);
            cam.toView(w.x, w.y, w.z, v);
            quad[3 * k] = v.x;
            quad[3 * k + 1] = v.y;
            quad[3 * k + 2] = v.z;
        }
        double[] clipped = NearClip.polygon(quad, cam.near());
        if (clipped.length < 9) return List.of();
        double[] xy = new double[2 * (clipped.length / 3)], p = new double[3];
        for (int k = 0; k < clipped.length / 3; k++) {
            cam.projectView(clipped[3 * k], clipped[3 * k + 1], clipped[3 * k + 2], p);
            xy[2 * k] = p[0];
            xy[2 * k + 1] = p[1];
        }
        double yh = horizonY(cam);
        boolean level = yh > 0 && yh < cam.height();
        Paint fill = level
                ? new LinearGradient(0, yh, 0, cam.height(), List.of(new Stop(0, Palette.HAZE), new Stop(0.1, Palette.GROUND_FAR),
                        new Stop(1, Palette.GROUND_NEAR)))
                : Palette.GROUND_NEAR.mix(Palette.GROUND_FAR, 0.3);
        out.add(new Polygon(xy, fill));

        // ---- grid lines u = u0 + i s and v = v0 + i s, each over +-GRID_CELLS cells ----
        double g = GRID_CELLS * spacing;
        Vector3d a = new Vector3d(), b = new Vector3d(), va = new Vector3d(), vb = new Vector3d();
        double[] pa = new double[3], pb = new double[3];
        for (int dir = 0; dir < 2; dir++) {
            for (int i = -GRID_CELLS; i <= GRID_CELLS; i++) {
                double c = i * spacing;
                if (dir == 0) {
                    onPlane(origin, ex, ey, u0 + c, v0 - g, a);
                    onPlane(origin, ex, ey, u0 + c, v0 + g, b);
                } else {
                    onPlane(origin, ex, ey, u0 - g, v0 + c, a);
                    onPlane(origin, ex, ey, u0 + g, v0 + c, b);
                }
                cam.toView(a.x, a.y, a.z, va);
                cam.toView(b.x, b.y, b.z, vb);
                double[] s = NearClip.segment(va.x, va.y, va.z, vb.x, vb.y, vb.z, cam.near());
                if (s == null) continue;
                cam.projectView(s[0], s[1], s[2], pa);
                cam.projectView(s[3], s[4], s[5], pb);
                if (offScreen(cam, pa, pb)) continue;
                out.add(new Segment(pa[0], pa[1], pb[0], pb[1], Palette.GRID, 1));
            }
        }
        if (level) {
            // haze from the horizon down past the far end of the grid, fading out
            double yFar = groundY(cam, g);
            double y1 = Math.min(cam.height(), yh + 2.2 * Math.max(yFar - yh, 0.04 * (cam.height() - yh)));
            out.add(new Polygon(new double[] {0, yh - 2, cam.width(), yh - 2, cam.width(), y1, 0, y1},
                    new LinearGradient(0, yh, 0, y1, List.of(new Stop(0, Palette.HAZE), new Stop(0.45, Palette.HAZE.withAlpha(0.85)),
                            new Stop(1, Palette.HAZE.withAlpha(0))))));
        }
        return out;
    }

    /**
     * Picture row of the horizon: the projection of a far point straight ahead at eye height;
     * below the picture (or above it) when the camera looks steeply down (or up).
     */
    static double horizonY(Camera cam) {
        Vector3d forward = new Vector3d(cam.target()).sub(cam.eye());
        forward.z = 0;
        if (forward.length() < 1e-9 * new Vector3d(cam.target()).sub(cam.eye()).length()) return -1;
        forward.normalize().mul(1e3).add(cam.eye());
        double[] p = new double[3];
        if (!cam.project(forward.x, forward.y, forward.z, p)) return -1;
        return p[1];
    }

    /** Picture row of the ground point {@code distance} beyond the target, straight ahead (the far end of the grid). */
    private static double groundY(Camera cam, double distance) {
        Vector3d forward = new Vector3d(cam.target()).sub(cam.eye());
        forward.z = 0;
        forward.normalize().mul(distance).add(cam.target());
        forward.z = 0;
        double[] p = new double[3];
        return cam.project(forward.x, forward.y, forward.z, p) ? p[1] : cam.height();
    }

    private static boolean offScreen(Camera cam, double[] a, double[] b) {
        return Math.max(a[0], b[0]) < 0 || Math.min(a[0], b[0]) > cam.width()
                || Math.max(a[1], b[1]) < 0 || Math.min(a[1], b[1]) > cam.height();
    }

    static Vector3d onPlane(Vector3dc origin, Vector3dc ex, Vector3dc ey, double u, double v, Vector3d dest) {
        return dest.set(origin).fma(u, ex).fma(v, ey);
    }
}
