package org.vaml4j.render.picture;

/** A straight line from (x1, y1) to (x2, y2) with round caps. */
public record Segment(double x1, double y1, double x2, double y2, Color color, double width) implements Shape {

    public Segment {
        Checks.finite("segment", x1, y1, x2, y2, width);
        if (!(width > 0)) throw new IllegalArgumentException("segment width must be > 0, got " + width);
        if (color == null) throw new IllegalArgumentException("segment color must not be null");
    }
}
