package org.vaml4j.render.picture;

import java.util.Arrays;

/** A closed polygon through the points {@code xy = (x0, y0, x1, y1, ...)}, at least three. */
public record Polygon(double[] xy, Paint fill, Stroke stroke) implements Shape {

    public Polygon {
        if (xy == null || xy.length < 6 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("polygon needs an even number of coordinates for at least 3 points, got "
                    + (xy == null ? "null" : xy.length));
        }
        xy = xy.clone();
        Checks.finite("polygon", xy);
        if (fill == null || stroke == null) throw new IllegalArgumentException("polygon fill and stroke must not be null (use Stroke.NONE)");
    }

    public Polygon(double[] xy, Paint fill) {
        this(xy, fill, Stroke.NONE);
    }

    @Override
    public double[] xy() {
        return xy.clone();
    }

    /** Number of points. */
    public int points() {
        return xy.length / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon p && Arrays.equals(xy, p.xy) && fill.equals(p.fill) && stroke.equals(p.stroke);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(xy) + fill.hashCode()) + stroke.hashCode();
    }

    @Override
    public String toString() {
        return "Polygon" + Arrays.toString(xy) + " " + fill;
    }
}
