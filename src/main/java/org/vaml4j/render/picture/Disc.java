package org.vaml4j.render.picture;

/** A filled circle of radius r > 0 around (cx, cy). */
public record Disc(double cx, double cy, double r, Paint fill, Stroke stroke) implements Shape {

    public Disc {
        Checks.finite("disc", cx, cy, r);
        if (!(r > 0)) throw new IllegalArgumentException("disc radius must be > 0, got " + r);
        if (fill == null || stroke == null) throw new IllegalArgumentException("disc fill and stroke must not be null (use Stroke.NONE)");
    }
}
