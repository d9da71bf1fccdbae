package org.vaml4j.render.scene;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the camera sits relative to the tracked body: every mode follows the body over the
 * ground and keeps its height fixed, so hops and falls show as motion in the picture.
 */
public enum CameraMode {
    /** Three-quarter view from the -y side and a little behind (-x), looking slightly down. */
    TRACK(-30, 14),
    /** From the side (the -y side, +x to the right), nearly level. */
    SIDE(0, 4),
    /** From straight above, +x to the right and +y up. */
    TOP(0, 90);

    /** Turn of the camera about the vertical away from the -y side (negative: towards -x), degrees. */
    public final double azimuthDegrees;
    /** Height of the camera above the horizontal through the target, degrees. */
    public final double elevationDegrees;

    CameraMode(double azimuthDegrees, double elevationDegrees) {
        this.azimuthDegrees = azimuthDegrees;
        this.elevationDegrees = elevationDegrees;
    }

    /** The name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode called {@code name} (case-insensitive); unknown names throw, listing the valid ones. */
    public static CameraMode parse(String name) {
        for (CameraMode m : values()) if (m.id().equalsIgnoreCase(name == null ? "" : name.trim())) return m;
        throw new IllegalArgumentException("unknown camera '" + name + "'; cameras: "
                + Arrays.stream(values()).map(CameraMode::id).collect(Collectors.joining(", ")));
    }
}
