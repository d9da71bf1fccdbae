package org.vaml4j.render.scene;

import java.util.List;
import java.util.Locale;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.vaml4j.render.picture.Color;

/**
 * Colours of the 3-D scenes and the one light. Bodies are coloured by role, read from their
 * names: the tracked root body blue, left limbs violet, other limbs orange, targets and goals
 * green, manipulated objects red; so a gait reads at a glance (which leg is which).
 */
final class Palette {

    static final Color SKY_TOP = Color.hex("#c4d2e0");
    static final Color HAZE = Color.hex("#eef2f6");
    static final Color GROUND_FAR = Color.hex("#d2dae2");
    static final Color GROUND_NEAR = Color.hex("#aebbc7");
    static final Color GRID = Color.hex("#6f8093").withAlpha(0.42);
    static final Color SHADOW = Color.hex("#1c2632");
    static final Color ROOT = Color.hex("#4c72b0");
    static final Color LIMB = Color.hex("#dd8452");
    static final Color LEFT = Color.hex("#8172b3");
    static final Color TARGET = Color.hex("#55a868");
    static final Color OBJECT = Color.hex("#c44e52");

    /** Unit vector, world coordinates, towards the light: from above, a little from the camera's side. */
    static final Vector3dc LIGHT = new Vector3d(-0.3, -0.55, 0.8).normalize();

    private Palette() {}

    /**
     * The colour of a body from its name and its ancestors' ({@code names}, the body first, up to
     * the child of the world): parts of a limb named only at its top ("front_left_leg" with an
     * unnamed shin) share that limb's colour. {@code tracked} marks the body the camera follows.
     */
    static Color body(List<String> names, boolean tracked) {
        String all = String.join(" ", names).toLowerCase(Locale.ROOT);
        if (all.contains("target") || all.contains("goal")) return TARGET;
        if (all.contains("object")) return OBJECT;
        if (tracked) return ROOT;
        if (all.contains("left")) return LEFT;
        return LIMB;
    }

    /** A face of colour {@code base} whose unit normal makes {@code cosine} with {@link #LIGHT}: Lambert with ambient light. */
    static Color lit(Color base, double cosine) {
        double k = Math.max(0, cosine);
        Color c = base.darker(0.5 * (1 - k));
        return k > 0.85 ? c.lighter(Math.min(1, 1.6 * (k - 0.85))) : c;
    }
}
