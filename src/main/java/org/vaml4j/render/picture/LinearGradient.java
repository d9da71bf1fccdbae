package org.vaml4j.render.picture;

import java.util.List;

/** Colours varying along the line from (x1, y1) (offset 0) to (x2, y2) (offset 1), constant across it. */
public record LinearGradient(double x1, double y1, double x2, double y2, List<Stop> stops) implements Paint {

    public LinearGradient {
        Checks.finite("linear gradient", x1, y1, x2, y2);
        stops = Checks.stops("linear gradient", stops);
    }
}
