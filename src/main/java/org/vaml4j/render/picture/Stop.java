package org.vaml4j.render.picture;

/** One colour stop of a gradient at {@code offset} in [0, 1]. */
public record Stop(double offset, Color color) {

    public Stop {
        if (!(offset >= 0 && offset <= 1)) throw new IllegalArgumentException("gradient stop offset must lie in [0, 1], got " + offset);
        if (color == null) throw new IllegalArgumentException("gradient stop color must not be null");
    }
}
