package org.vaml4j.render.picture;

import java.util.Locale;

/** An sRGB colour with opacity: r, g, b in [0, 255], alpha in [0, 1]. */
public record Color(int r, int g, int b, double alpha) implements Paint {

    public static final Color WHITE = new Color(255, 255, 255, 1);
    public static final Color BLACK = new Color(0, 0, 0, 1);

    public Color {
        if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) {
            throw new IllegalArgumentException("color channels must lie in [0, 255], got (" + r + ", " + g + ", " + b + ")");
        }
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("color alpha must lie in [0, 1], got " + alpha);
    }

    /** An opaque colour from {@code "#rrggbb"}. */
    public static Color hex(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("color must be written #rrggbb, got '" + hex + "'");
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Color(v >> 16 & 255, v >> 8 & 255, v & 255, 1);
    }

    /** (1 - t) this + t other, channel by channel (alpha included); t in [0, 1]. */
    public Color mix(Color other, double t) {
        if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException("color mix weight must lie in [0, 1], got " + t);
        return new Color(lerp(r, other.r, t), lerp(g, other.g, t), lerp(b, other.b, t), alpha + t * (other.alpha - alpha));
    }

    /** Towards white by t. */
    public Color lighter(double t) {
        return mix(new Color(255, 255, 255, alpha), t);
    }

    /** Towards black by t. */
    public Color darker(double t) {
        return mix(new Color(0, 0, 0, alpha), t);
    }

    public Color withAlpha(double a) {
        return new Color(r, g, b, a);
    }

    /** CSS text: {@code #rrggbb} when opaque, else {@code rgba(r,g,b,a)}. */
    public String css() {
        if (alpha == 1) return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%s)", r, g, b, Numbers.format(alpha, 3));
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + t * (b - a));
    }
}
