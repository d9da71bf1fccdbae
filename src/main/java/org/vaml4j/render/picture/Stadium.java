package org.vaml4j.render.picture;

/**
 * The convex hull of two circles, (x1, y1, r1) and (x2, y2, r2), neither inside the other: the
 * outline of a capsule or rod seen from the side. With {@code phi} the direction from the first
 * centre to the second and {@code alpha = acos((r1 - r2) / d)}, the outline runs along circle 1
 * over angles [phi + alpha, phi + 2 pi - alpha], then along circle 2 over [phi - alpha, phi + alpha]
 * (angles in picture coordinates, increasing clockwise on screen as y points down).
 */
public record Stadium(double x1, double y1, double r1, double x2, double y2, double r2, Paint fill, Stroke stroke) implements Shape {

    public Stadium {
        Checks.finite("stadium", x1, y1, r1, x2, y2, r2);
        if (!(r1 > 0 && r2 > 0)) throw new IllegalArgumentException("stadium radii must be > 0, got " + r1 + ", " + r2);
        double d = Math.hypot(x2 - x1, y2 - y1);
        if (!(d > Math.abs(r1 - r2))) {
            throw new IllegalArgumentException("stadium circles must not contain each other (distance " + d + ", radii " + r1 + ", "
                    + r2 + "); use Stadium.hull, which draws a disc then");
        }
        if (fill == null || stroke == null) throw new IllegalArgumentException("stadium fill and stroke must not be null (use Stroke.NONE)");
    }

    /** The hull of the two circles: a stadium, or the larger circle when it contains the other. */
    public static Shape hull(double x1, double y1, double r1, double x2, double y2, double r2, Paint fill, Stroke stroke) {
        double d = Math.hypot(x2 - x1, y2 - y1);
        if (d > Math.abs(r1 - r2) + 1e-9 * Math.max(r1, r2)) return new Stadium(x1, y1, r1, x2, y2, r2, fill, stroke);
        return r1 >= r2 ? new Disc(x1, y1, r1, fill, stroke) : new Disc(x2, y2, r2, fill, stroke);
    }

    /** Direction from the first centre to the second, atan2(y2 - y1, x2 - x1). */
    public double phi() {
        return Math.atan2(y2 - y1, x2 - x1);
    }

    /** Angle between the axis and the normal at the outer tangent points, acos((r1 - r2) / d). */
    public double alpha() {
        return Math.acos((r1 - r2) / Math.hypot(x2 - x1, y2 - y1));
    }
}
