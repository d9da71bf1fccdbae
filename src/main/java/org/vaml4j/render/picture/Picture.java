package org.vaml4j.render.picture;

import java.util.List;

/** A drawing of width x height units: shapes painted in list order (later ones on top). */
public record Picture(int width, int height, List<Shape> shapes) {

    public Picture {
        if (width < 1 || height < 1) throw new IllegalArgumentException("picture size must be >= 1 x 1, got " + width + " x " + height);
        if (shapes == null) throw new IllegalArgumentException("picture shapes must not be null");
        shapes = List.copyOf(shapes);
    }
}
