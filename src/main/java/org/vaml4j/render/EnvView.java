package org.vaml4j.render;

import org.vaml4j.render.picture.Picture;

/** Draws a live env's current state; {@link EnvViews#of} makes one for every drawable task. */
public interface EnvView {

    /** The picture of the env's state now (after its last reset or step). */
    Picture draw();

    /** Seconds of simulated time per env step: the player's real-time rate. */
    double dt();
}
