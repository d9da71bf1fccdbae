package org.vaml4j.render.picture;

/**
 * One element of a {@link Picture}, in picture coordinates (x to the right, y down, units =
 * pixels of the picture's width x height).
 */
public sealed interface Shape permits Polygon, Stadium, Disc, Segment, Group {}
