package org.vaml4j.render.picture;

import java.util.List;

/** Argument checks shared by the shapes and paints. */
final class Checks {

    private Checks() {}

    static List<Stop> stops(String what, List<Stop> stops) {
        if (stops == null || stops.isEmpty()) throw new IllegalArgumentException(what + " needs at least one stop");
        List<Stop> copy = List.copyOf(stops);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).offset() < copy.get(i - 1).offset()) {
                throw new IllegalArgumentException(what + " stop offsets must not decrease, got " + copy.get(i - 1).offset()
                        + " then " + copy.get(i).offset());
            }
        }
        return copy;
    }

    static void finite(String what, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " coordinates must be finite, got " + v);
        }
    }
}
