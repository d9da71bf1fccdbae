package org.vaml4j.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.vaml4j.render.picture.Numbers;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.PictureEncoder;

/**
 * The HTML player of a {@link Recording}: a canvas with play/pause, a scrubber, a speed choice
 * and a read-out of step, time and return so far (space plays or pauses, the arrow keys step).
 * It is self-contained, with no external script, style or font: the frames travel as compact
 * JSON ({@link PictureEncoder}), the painter script and the style come from this package's
 * resources. A page URL ending in {@code #frame=N} opens paused at frame N.
 */
public final class Player {

    private static final String SCRIPT = resource("player.js");
    private static final String STYLE = resource("player.css");
    private static final double[] SPEEDS = {0.1, 0.25, 0.5, 1, 2, 4};

    private Player() {}

    /** A complete HTML page holding the player. */
    public static String page(Recording r) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(r.title()) + "</title>\n"
                + "<style>body { margin: 0; padding: 8px 16px; background: #f7f8fa; }</style>\n</head>\n<body>\n"
                + fragment(r, "vaml4j-player") + "</body>\n</html>\n";
    }

    /**
     * The player as an HTML fragment to embed in another page (a report): one {@code <div>} with
     * its style and script. Several fragments may share a page when their {@code id}s differ; the
     * id must be a letter followed by letters, digits, '-' or '_'.
     */
    public static String fragment(Recording r, String id) {
        if (r == null) throw new IllegalArgumentException("player needs a recording");
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("player id must be a letter followed by letters, digits, '-' or '_', got '" + id + "'");
        }
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<div class=\"vaml4j-player\" id=\"").append(id).append("\" tabindex=\"0\">\n");
        sb.append("<style>\n").append(STYLE).append("</style>\n");
        sb.append("<div class=\"vp-title\">").append(escape(r.title())).append("</div>\n");
        sb.append("<div class=\"vp-summary\">").append(escape(summary(r))).append("</div>\n");
        sb.append("<canvas width=\"").append(r.width()).append("\" height=\"").append(r.height()).append("\"></canvas>\n");
        sb.append("<div class=\"vp-controls\">\n<button class=\"vp-play\" type=\"button\" aria-label=\"play\">&#9654;</button>\n")
                .append("<input class=\"vp-scrub\" type=\"range\" min=\"0\" max=\"").append(r.steps()).append("\" value=\"0\" aria-label=\"step\">\n")
                .append("<select class=\"vp-speed\" aria-label=\"speed\">");
        for (double s : SPEEDS) {
            sb.append("<option value=\"").append(Numbers.format(s, 2)).append('"').append(s == 1 ? " selected" : "").append('>')
                    .append(Numbers.format(s, 2)).append("&times;</option>");
        }
        sb.append("</select>\n<div class=\"vp-readout\"><span class=\"vp-step\"></span><span class=\"vp-time\"></span>")
                .append("<span class=\"vp-return\"></span></div>\n</div>\n");
        sb.append("<script>\n").append(SCRIPT).append("</script>\n");
        sb.append("<script>\nvaml4jPlayer(document.getElementById(\"").append(id).append("\"), ");
        data(sb, r);
        sb.append(");\n</script>\n</div>\n");
        return sb.toString();
    }

    /** One line under the title: steps, simulated time, return, how it ended. */
    static String summary(Recording r) {
        return String.format(Locale.ROOT, "%d steps, %.2f s simulated, return %.1f%s", r.steps(), r.steps() * r.dt(),
                r.totalReturn(), r.terminated() ? ", terminated" : "");
    }

    private static void data(StringBuilder sb, Recording r) {
        PictureEncoder enc = new PictureEncoder();
        StringBuilder frames = new StringBuilder(1 << 16);
        frames.append('[');
        for (int k = 0; k < r.frames().size(); k++) {
            if (k > 0) frames.append(",\n");
            Picture p = r.frames().get(k);
            frames.append(enc.encode(p));
        }
        frames.append(']');
        double[] returns = r.returns();
        sb.append("{\"width\":").append(r.width()).append(",\"height\":").append(r.height())
                .append(",\"dt\":").append(Numbers.format(r.dt(), 6)).append(",\"terminated\":").append(r.terminated())
                .append(",\"returns\":[");
        for (int k = 0; k < returns.length; k++) sb.append(k > 0 ? "," : "").append(Numbers.format(returns[k], 3));
        sb.append("],\n\"colors\":").append(enc.colorsJson()).append(",\n\"frames\":").append(frames).append('}');
    }

    /** Text for HTML content and attribute values. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = Player.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the jar lacks the resource org/vaml4j/render/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
