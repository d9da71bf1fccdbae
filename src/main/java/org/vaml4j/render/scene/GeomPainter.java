package org.vaml4j.render.scene;

import java.util.ArrayList;
import java.util.List;
import org.joml.Quaterniondc;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.vaml4j.render.picture.Color;
import org.vaml4j.render.picture.Polygon;
import org.vaml4j.render.picture.Shading;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.render.picture.Stroke;
import org.vaml4j.sim.GeomType;

/**
 * Draws one geom seen by a {@link Camera}: spheres and capsules by their outlines (a disc, the
 * hull of the two end discs) with a tube or ball gradient; boxes, cylinders and ellipsoids as
 * their faces that look at the camera (back faces culled; a convex solid needs no sorting within
 * itself), each lit by {@link Palette#lit}. A geom reaching in front of the near plane is left
 * out. Poses are JOML vectors and quaternions (frame axes rotated by {@code rot}).
 */
final class GeomPainter {

    private static final int ROUND_SEGMENTS = 28;

    private final Camera camera;

    GeomPainter(Camera camera) {
        this.camera = camera;
    }

    /** The shapes of a geom of {@code type} and {@code size} at {@code pos}, rotated by {@code rot}. */
    List<Shape> paint(GeomType type, Vector3dc pos, Quaterniondc rot, double[] size, Color base) {
        return switch (type) {
            case SPHERE -> sphere(pos, size[0], base);
            case CAPSULE -> capsule(pos, rot, size[0], size[1], base);
            case BOX -> box(pos, rot, size, base);
            case CYLINDER -> cylinder(pos, rot, size[0], size[1], base);
            case ELLIPSOID -> ellipsoid(pos, rot, size, base);
            case PLANE -> throw new IllegalArgumentException("planes are drawn as the ground, not as geoms");
        };
    }

    private List<Shape> sphere(Vector3dc c, double r, Color base) {
        double[] p = new double[3];
        if (!camera.project(c.x(), c.y(), c.z(), p) || p[2] < camera.near() + r) return List.of();
        double rp = camera.focal() * r / p[2];
        return List.of(Shading.ball(p[0], p[1], rp, base, Shading.outline(base, 1)));
    }

    /** A capsule: segment ±halfLength along the geom's z axis, swept by a ball of radius r. */
    private List<Shape> capsule(Vector3dc c, Quaterniondc rot, double r, double halfLength, Color base) {
        Vector3d axis = rot.transform(new Vector3d(0, 0, halfLength));
        double[] a = new double[3], b = new double[3];
        if (!camera.project(c.x() + axis.x, c.y() + axis.y, c.z() + axis.z, a)
                || !camera.project(c.x() - axis.x, c.y() - axis.y, c.z() - axis.z, b)
                || Math.min(a[2], b[2]) < camera.near() + r) {
            return List.of();
        }
        double ra = camera.focal() * r / a[2], rb = camera.focal() * r / b[2];
        return List.of(Shading.tube(a[0], a[1], ra, b[0], b[1], rb, base, Shading.outline(base, 1)));
    }

    private List<Shape> box(Vector3dc c, Quaterniondc rot, double[] half, Color base) {
        List<Shape> out = new ArrayList<>();
        for (int axis = 0; axis < 3; axis++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                // face with outward normal sign * e_axis; its corners walk the other two axes
                int u = (axis + 1) % 3, v = (axis + 2) % 3;
                double[][] corners = new double[4][3];
                double[][] walk = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
                for (int k = 0; k < 4; k++) {
                    corners[k][axis] = sign * half[axis];
                    corners[k][u] = walk[k][0] * half[u];
                    corners[k][v] = walk[k][1] * half[v];
                }
                double[] normal = new double[3];
                normal[axis] = sign;
                if (!face(out, c, rot, corners, normal, base)) return List.of();
            }
        }
        return out;
    }

    private List<Shape> cylinder(Vector3dc c, Quaterniondc rot, double r, double halfHeight, Color base) {
        List<Shape> out = new ArrayList<>();
        int n = ROUND_SEGMENTS;
        for (int k = 0; k < n; k++) {
            double t0 = 2 * Math.PI * k / n, t1 = 2 * Math.PI * (k + 1) / n, tm = (t0 + t1) / 2;
            double[][] quad = {
                {r * Math.cos(t0), r * Math.sin(t0), -halfHeight}, {r * Math.cos(t1), r * Math.sin(t1), -halfHeight},
                {r * Math.cos(t1), r * Math.sin(t1), halfHeight}, {r * Math.cos(t0), r * Math.sin(t0), halfHeight}};
            if (!face(out, c, rot, quad, new double[] {Math.cos(tm), Math.sin(tm), 0}, base)) return List.of();
        }
        for (int sign = -1; sign <= 1; sign += 2) {
            double[][] cap = new double[n][];
            for (int k = 0; k < n; k++) {
                double t = 2 * Math.PI * k / n;
                cap[k] = new double[] {r * Math.cos(t), r * Math.sin(t), sign * halfHeight};
            }
            if (!face(out, c, rot, cap, new double[] {0, 0, sign}, base)) return List.of();
        }
        return out;
    }

    /** Latitude-longitude facets of the ellipsoid x²/a² + y²/b² + z²/c² = 1. */
    private List<Shape> ellipsoid(Vector3dc c, Quaterniondc rot, double[] s, Color base) {
        List<Shape> out = new ArrayList<>();
        int lon = 20, lat = 10;
        for (int i = 0; i < lat; i++) {
            double p0 = Math.PI * i / lat - Math.PI / 2, p1 = Math.PI * (i + 1) / lat - Math.PI / 2, pm = (p0 + p1) / 2;
            for (int k = 0; k < lon; k++) {
                double t0 = 2 * Math.PI * k / lon, t1 = 2 * Math.PI * (k + 1) / lon, tm = (t0 + t1) / 2;
                double[][] quad = {onEllipsoid(s, t0, p0), onEllipsoid(s, t1, p0), onEllipsoid(s, t1, p1), onEllipsoid(s, t0, p1)};
                double[] m = onEllipsoid(s, tm, pm);
                // normal of the implicit surface: grad (x²/a² + y²/b² + z²/c²)
                double[] normal = {m[0] / (s[0] * s[0]), m[1] / (s[1] * s[1]), m[2] / (s[2] * s[2])};
                if (!face(out, c, rot, quad, normal, base)) return List.of();
            }
        }
        return out;
    }

    private static double[] onEllipsoid(double[] s, double theta, double phi) {
        return new double[] {s[0] * Math.cos(theta) * Math.cos(phi), s[1] * Math.sin(theta) * Math.cos(phi), s[2] * Math.sin(phi)};
    }

    /**
     * Adds the face with geom-frame {@code corners} and outward {@code normal} when it looks at
     * the camera; returns false when a corner lies before the near plane (the geom is dropped).
     */
    private boolean face(List<Shape> out, Vector3dc c, Quaterniondc rot, double[][] corners, double[] normal, Color base) {
        Vector3d n = rot.transform(new Vector3d(normal[0], normal[1], normal[2])).normalize();
        Vector3d centre = new Vector3d();
        double[] xy = new double[2 * corners.length], p = new double[3];
        Vector3d w = new Vector3d();
        for (int k = 0; k < corners.length; k++) {
            rot.transform(w.set(corners[k][0], corners[k][1], corners[k][2])).add(c);
            centre.add(w);
            if (!camera.project(w.x, w.y, w.z, p)) return false;
            xy[2 * k] = p[0];
            xy[2 * k + 1] = p[1];
        }
        centre.div(corners.length);
        Vector3d toEye = new Vector3d(camera.eye()).sub(centre);
        if (n.dot(toEye) <= 0) return true;
        Color fill = Palette.lit(base, n.dot(Palette.LIGHT));
        // a hairline of the fill colour closes the seams between neighbouring facets
        out.add(new Polygon(xy, fill, new Stroke(fill, 0.8)));
        return true;
    }
}
