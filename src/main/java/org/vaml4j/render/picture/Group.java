package org.vaml4j.render.picture;

import java.util.List;

/**
 * Shapes composited together at one opacity: overlapping members do not darken each other
 * (soft shadows of touching limbs stay one even shade).
 */
public record Group(double opacity, List<Shape> shapes) implements Shape {

    public Group {
        if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException("group opacity must lie in [0, 1], got " + opacity);
        if (shapes == null) throw new IllegalArgumentException("group shapes must not be null");
        shapes = List.copyOf(shapes);
    }
}
