package org.vaml4j.sim;

/** Geom shapes the loader accepts, with the number of meaningful {@code size} values. */
public enum GeomType {
    /** Infinite plane through the frame origin with normal +z; sizes are render-only extents. */
    PLANE(3),
    /** size = (radius). */
    SPHERE(1),
    /** size = (radius, half-length of the cylinder part along z). */
    CAPSULE(2),
    /** size = (three semi-axes). */
    ELLIPSOID(3),
    /** size = (radius, half-height along z). */
    CYLINDER(2),
    /** size = (three half-sizes). */
    BOX(3);

    /** Number of size values the shape uses. */
    public final int nsize;

    GeomType(int nsize) {
        this.nsize = nsize;
    }
}
