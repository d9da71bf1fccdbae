package org.vaml4j.render.scene;

import java.util.ArrayList;
import java.util.List;
import org.joml.Quaterniondc;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.vaml4j.render.picture.Group;
import org.vaml4j.render.picture.Polygon;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.sim.GeomType;

/**
 * Shadows on the floor under a light straight above it: each geom's outline projected along the
 * floor normal (the convex hull of points sampled on its surface), drawn as one translucent
 * group so that the shadows of touching parts merge. They show where a body is over the ground
 * and when a foot touches it.
 */
final class Shadows {

    static final double OPACITY = 0.26;
    private static final int RING = 8;
    /** lift above the floor, so that the shadow is not hidden in the floor polygon */
    private static final double LIFT = 1e-3;

    private final Camera camera;
    private final Vector3dc origin, ex, ey, normal;
    private final List<Shape> shapes = new ArrayList<>();

    Shadows(Camera camera, Vector3dc origin, Vector3dc ex, Vector3dc ey) {
        this.camera = camera;
        this.origin = origin;
        this.ex = ex;
        this.ey = ey;
        this.normal = new Vector3d(ex).cross(ey);
    }

    /** Adds the shadow of a geom (no-op for planes and for geoms below the floor). */
    void add(GeomType type, Vector3dc pos, Quaterniondc rot, double[] size) {
        if (type == GeomType.PLANE || new Vector3d(pos).sub(origin).dot(normal) < 0) return;
        List<Vector3d> pts = new ArrayList<>();
        switch (type) {
            case SPHERE -> disc(pts, pos, size[0]);
            case CAPSULE -> {
                Vector3d axis = rot.transform(new Vector3d(0, 0, size[1]));
                disc(pts, new Vector3d(pos).add(axis), size[0]);
                disc(pts, new Vector3d(pos).sub(axis), size[0]);
            }
            case CYLINDER -> {
                for (int sign = -1; sign <= 1; sign += 2) {
                    for (int k = 0; k < RING; k++) {
                        double t = 2 * Math.PI * k / RING;
                        pts.add(rot.transform(new Vector3d(size[0] * Math.cos(t), size[0] * Math.sin(t), sign * size[1])).add(pos));
                    }
                }
            }
            case BOX -> {
                for (int k = 0; k < 8; k++) {
                    pts.add(rot.transform(new Vector3d((k & 1) == 0 ? -size[0] : size[0], (k & 2) == 0 ? -size[1] : size[1],
                            (k & 4) == 0 ? -size[2] : size[2])).add(pos));
                }
            }
            case ELLIPSOID -> {
                for (int i = -2; i <= 2; i++) {
                    double phi = i * Math.PI / 6;
                    for (int k = 0; k < RING; k++) {
                        double t = 2 * Math.PI * k / RING;
                        pts.add(rot.transform(new Vector3d(size[0] * Math.cos(t) * Math.cos(phi), size[1] * Math.sin(t) * Math.cos(phi),
                                size[2] * Math.sin(phi))).add(pos));
                    }
                }
            }
            case PLANE -> throw new IllegalStateException("planes cast no shadow");
        }
        // plane coordinates, hull, back to the world just above the floor
        double[] uv = new double[2 * pts.size()];
        Vector3d rel = new Vector3d();
        for (int k = 0; k < pts.size(); k++) {
            rel.set(pts.get(k)).sub(origin);
            uv[2 * k] = rel.dot(ex);
            uv[2 * k + 1] = rel.dot(ey);
        }
        double[] hull = Hull.of(uv);
        int n = hull.length / 2;
        if (n < 3) return;
        double[] view = new double[3 * n];
        Vector3d w = new Vector3d(), v = new Vector3d();
        for (int k = 0; k < n; k++) {
            Ground.onPlane(origin, ex, ey, hull[2 * k], hull[2 * k + 1], w).fma(LIFT, normal);
            camera.toView(w.x, w.y, w.z, v);
            view[3 * k] = v.x;
            view[3 * k + 1] = v.y;
            view[3 * k + 2] = v.z;
        }
        double[] clipped = NearClip.polygon(view, camera.near());
        if (clipped.length < 9) return;
        double[] xy = new double[2 * (clipped.length / 3)], p = new double[3];
        for (int k = 0; k < clipped.length / 3; k++) {
            camera.projectView(clipped[3 * k], clipped[3 * k + 1], clipped[3 * k + 2], p);
            xy[2 * k] = p[0];
            xy[2 * k + 1] = p[1];
        }
        shapes.add(new Polygon(xy, Palette.SHADOW));
    }

    /** Every shadow added so far as one group (empty when none). */
    List<Shape> group() {
        return shapes.isEmpty() ? List.of() : List.of(new Group(OPACITY, shapes));
    }

    /** A ring of radius r around the point, in the floor's directions (a ball's shadow from straight above). */
    private void disc(List<Vector3d> pts, Vector3dc c, double r) {
        for (int k = 0; k < RING; k++) {
            double t = 2 * Math.PI * k / RING;
            pts.add(new Vector3d(c).fma(r * Math.cos(t), ex).fma(r * Math.sin(t), ey));
        }
    }
}
