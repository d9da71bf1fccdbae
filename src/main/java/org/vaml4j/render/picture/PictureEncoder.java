package org.vaml4j.render.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes pictures as compact JSON arrays for the canvas painter of the HTML player
 * ({@code org/vaml4j/render/player.js}); colours go into one table shared by every picture
 * encoded with this instance ({@link #colorsJson()}). A picture is an array of shapes:
 * <pre>
 *   polygon  [0, paint, stroke, x0, y0, x1, y1, ...]
 *   stadium  [1, paint, stroke, x1, y1, r1, x2, y2, r2, phi, alpha]   (see {@link Stadium})
 *   disc     [2, paint, stroke, cx, cy, r]
 *   segment  [3, color, width, x1, y1, x2, y2]
 *   group    [4, opacity, [shape, ...]]
 * </pre>
 * where a paint is a colour index, {@code [1, x1, y1, x2, y2, offset, color, ...]} (linear
 * gradient) or {@code [2, cx, cy, r, offset, color, ...]} (radial gradient), and a stroke is
 * {@code null} or {@code [color, width]}. Coordinates carry one decimal, angles three.
 */
public final class PictureEncoder {

    private final Map<Color, Integer> colors = new LinkedHashMap<>();

    /** One picture as a JSON array. */
    public String encode(Picture p) {
        StringBuilder sb = new StringBuilder(4096);
        shapes(sb, p.shapes());
        return sb.toString();
    }

    /** The colour table of everything encoded so far, as a JSON array of CSS colour strings. */
    public String colorsJson() {
        List<String> css = new ArrayList<>();
        for (Color c : colors.keySet()) css.add('"' + c.css() + '"');
        return "[" + String.join(",", css) + "]";
    }

    private void shapes(StringBuilder sb, List<Shape> shapes) {
        sb.append('[');
        for (int i = 0; i < shapes.size(); i++) {
            if (i > 0) sb.append(',');
            shape(sb, shapes.get(i));
        }
        sb.append(']');
    }

    private void shape(StringBuilder sb, Shape s) {
        if (s instanceof Polygon p) {
            sb.append("[0,");
            paint(sb, p.fill());
            sb.append(',');
            stroke(sb, p.stroke());
            for (double v : p.xy()) sb.append(',').append(n(v));
            sb.append(']');
        } else if (s instanceof Stadium t) {
            sb.append("[1,");
            paint(sb, t.fill());
            sb.append(',');
            stroke(sb, t.stroke());
            for (double v : new double[] {t.x1(), t.y1(), t.r1(), t.x2(), t.y2(), t.r2()}) sb.append(',').append(n(v));
            sb.append(',').append(Numbers.format(t.phi(), 3)).append(',').append(Numbers.format(t.alpha(), 3)).append(']');
        } else if (s instanceof Disc d) {
            sb.append("[2,");
            paint(sb, d.fill());
            sb.append(',');
            stroke(sb, d.stroke());
            sb.append(',').append(n(d.cx())).append(',').append(n(d.cy())).append(',').append(n(d.r())).append(']');
        } else if (s instanceof Segment g) {
            sb.append("[3,").append(color(g.color())).append(',').append(Numbers.format(g.width(), 2));
            for (double v : new double[] {g.x1(), g.y1(), g.x2(), g.y2()}) sb.append(',').append(n(v));
            sb.append(']');
        } else if (s instanceof Group g) {
            sb.append("[4,").append(Numbers.format(g.opacity(), 3)).append(',');
            shapes(sb, g.shapes());
            sb.append(']');
        } else {
            throw new IllegalArgumentException("unknown shape type " + s.getClass());
        }
    }

    private void paint(StringBuilder sb, Paint paint) {
        if (paint instanceof Color c) {
            sb.append(color(c));
        } else if (paint instanceof LinearGradient g) {
            sb.append("[1,").append(n(g.x1())).append(',').append(n(g.y1())).append(',').append(n(g.x2())).append(',').append(n(g.y2()));
            stops(sb, g.stops());
        } else if (paint instanceof RadialGradient g) {
            sb.append("[2,").append(n(g.cx())).append(',').append(n(g.cy())).append(',').append(n(g.r()));
            stops(sb, g.stops());
        } else {
            throw new IllegalArgumentException("unknown paint type " + paint.getClass());
        }
    }

    private void stops(StringBuilder sb, List<Stop> stops) {
        for (Stop s : stops) sb.append(',').append(Numbers.format(s.offset(), 3)).append(',').append(color(s.color()));
        sb.append(']');
    }

    private void stroke(StringBuilder sb, Stroke s) {
        if (!s.visible()) {
            sb.append("null");
            return;
        }
        sb.append('[').append(color(s.color())).append(',').append(Numbers.format(s.width(), 2)).append(']');
    }

    private int color(Color c) {
        return colors.computeIfAbsent(c, k -> colors.size());
    }

    private static String n(double v) {
        return Numbers.format(v, 1);
    }
}
