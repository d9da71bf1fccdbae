package org.vaml4j.render.picture;

import java.util.List;

/** Colours varying with the distance from (cx, cy): offset 0 at the centre, 1 at radius r. */
public record RadialGradient(double cx, double cy, double r, List<Stop> stops) implements Paint {

    public RadialGradient {
        Checks.finite("radial gradient", cx, cy, r);
        if (!(r > 0)) throw new IllegalArgumentException("radial gradient radius must be > 0, got " + r);
        stops = Checks.stops("radial gradient", stops);
    }
}
