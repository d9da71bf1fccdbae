package org.vaml4j.render.picture;

/** An outline: colour and width in picture units; {@link #NONE} draws none. */
public record Stroke(Color color, double width) {

    public static final Stroke NONE = new Stroke(new Color(0, 0, 0, 0), 0);

    public Stroke {
        if (color == null) throw new IllegalArgumentException("stroke color must not be null");
        if (!(width >= 0 && Double.isFinite(width))) throw new IllegalArgumentException("stroke width must be finite and >= 0, got " + width);
    }

    public boolean visible() {
        return width > 0 && color.alpha() > 0;
    }
}
