package org.vaml4j.render;

import java.util.Locale;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.SvgPainter;

/**
 * A {@link Recording} as one SVG: a row of frames evenly spaced over the episode (the first and
 * the last included), each labelled with its step, time and return so far. It is a standalone
 * document whose clip and gradient ids are fixed: use it as a file or an image (an HTML page that
 * inlines two strips would see their ids clash; {@link Player#fragment} is the embeddable view).
 */
public final class FilmStrip {

    /** Frames in a strip unless asked otherwise. */
    public static final int DEFAULT_PANELS = 6;
    static final double PANEL_WIDTH = 320, GAP = 12, LABEL = 22, TITLE = 30;

    private FilmStrip() {}

    /** The strip of {@code panels} frames (at least 1; fewer when the recording has fewer frames). */
    public static String svg(Recording r, int panels) {
        if (r == null) throw new IllegalArgumentException("film strip needs a recording");
        if (panels < 1) throw new IllegalArgumentException("film strip panels must be >= 1, got " + panels);
        int n = Math.min(panels, r.frames().size());
        double scale = PANEL_WIDTH / r.width(), ph = r.height() * scale;
        double width = n * PANEL_WIDTH + (n + 1) * GAP, height = TITLE + ph + LABEL + GAP;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\">%n", width, height, width, height));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#f7f8fa\"/>%n", width, height));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"20\" font-size=\"14\" font-weight=\"600\" fill=\"#2b3440\">%s"
                + "<tspan font-weight=\"400\" fill=\"#5d6b7a\">  %s</tspan></text>%n", GAP, Player.escape(r.title()), Player.escape(Player.summary(r))));
        double[] returns = r.returns();
        for (int i = 0; i < n; i++) {
            int k = n == 1 ? 0 : (int) Math.round((double) i * r.steps() / (n - 1));
            Picture p = r.frames().get(k);
            double x = GAP + i * (PANEL_WIDTH + GAP);
            String clip = "clip" + i;
            sb.append(String.format(Locale.ROOT, "<clipPath id=\"%s\"><rect width=\"%d\" height=\"%d\" rx=\"12\"/></clipPath>%n",
                    clip, p.width(), p.height()));
            sb.append(String.format(Locale.ROOT, "<g transform=\"translate(%.1f %.1f) scale(%.5f)\" clip-path=\"url(#%s)\">%n",
                    x, TITLE, scale, clip));
            sb.append(SvgPainter.elements(p, "f" + i));
            sb.append("</g>\n");
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#4a5663\">step %d  \u00b7  t %.2f s  \u00b7  return %.1f</text>%n",
                    x + 2, TITLE + ph + 16, k, k * r.dt(), returns[k]));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }
}
