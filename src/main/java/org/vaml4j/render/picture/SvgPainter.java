package org.vaml4j.render.picture;

import java.util.List;

/**
 * Writes a {@link Picture} as SVG: polygons, paths (stadiums), circles and lines; gradients go into
 * a {@code <defs>} block with ids {@code <prefix>-<n>}, so several pictures can share one document
 * when their prefixes differ.
 */
public final class SvgPainter {

    private static final int DIGITS = 1;

    private final String idPrefix;
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private int gradients;

    private SvgPainter(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** A standalone SVG document of the picture. */
    public static String document(Picture p) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + p.width() + "\" height=\"" + p.height()
                + "\" viewBox=\"0 0 " + p.width() + " " + p.height() + "\">\n" + elements(p, "g") + "</svg>\n";
    }

    /**
     * The picture's elements, to place inside an {@code <svg>} (or a {@code <g>} that positions it);
     * {@code idPrefix} names its gradients and must be a letter followed by letters, digits, '-' or '_'.
     */
    public static String elements(Picture p, String idPrefix) {
        if (idPrefix == null || !idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("svg id prefix must be a letter followed by letters, digits, '-' or '_', got '" + idPrefix + "'");
        }
        SvgPainter w = new SvgPainter(idPrefix);
        for (Shape s : p.shapes()) w.shape(s);
        return (w.defs.isEmpty() ? "" : "<defs>\n" + w.defs + "</defs>\n") + w.body;
    }

    private void shape(Shape s) {
        if (s instanceof Polygon p) {
            double[] xy = p.xy();
            body.append("<polygon points=\"");
            for (int i = 0; i < xy.length; i += 2) {
                if (i > 0) body.append(' ');
                body.append(n(xy[i])).append(',').append(n(xy[i + 1]));
            }
            body.append('"').append(fill(p.fill())).append(stroke(p.stroke())).append("/>\n");
        } else if (s instanceof Stadium t) {
            double phi = t.phi(), alpha = t.alpha();
            body.append("<path d=\"M").append(onCircle(t.x1(), t.y1(), t.r1(), phi + alpha))
                    .append(arc(t.r1(), 2 * Math.PI - 2 * alpha)).append(onCircle(t.x1(), t.y1(), t.r1(), phi + 2 * Math.PI - alpha))
                    .append(" L").append(onCircle(t.x2(), t.y2(), t.r2(), phi - alpha))
                    .append(arc(t.r2(), 2 * alpha)).append(onCircle(t.x2(), t.y2(), t.r2(), phi + alpha))
                    .append(" Z\"").append(fill(t.fill())).append(stroke(t.stroke())).append("/>\n");
        } else if (s instanceof Disc d) {
            body.append("<circle cx=\"").append(n(d.cx())).append("\" cy=\"").append(n(d.cy()))
                    .append("\" r=\"").append(n(d.r())).append('"').append(fill(d.fill())).append(stroke(d.stroke())).append("/>\n");
        } else if (s instanceof Segment g) {
            body.append("<line x1=\"").append(n(g.x1())).append("\" y1=\"").append(n(g.y1()))
                    .append("\" x2=\"").append(n(g.x2())).append("\" y2=\"").append(n(g.y2())).append('"')
                    .append(stroke(new Stroke(g.color(), g.width()))).append(" stroke-linecap=\"round\"/>\n");
        } else if (s instanceof Group g) {
            body.append("<g opacity=\"").append(Numbers.format(g.opacity(), 3)).append("\">\n");
            for (Shape m : g.shapes()) shape(m);
            body.append("</g>\n");
        } else {
            throw new IllegalArgumentException("unknown shape type " + s.getClass());
        }
    }

    /** " A r r 0 large 1 " : an arc of {@code span} radians in the direction of increasing angle. */
    private static String arc(double r, double span) {
        return " A" + n(r) + " " + n(r) + " 0 " + (span > Math.PI ? 1 : 0) + " 1 ";
    }

    private static String onCircle(double cx, double cy, double r, double angle) {
        return n(cx + r * Math.cos(angle)) + "," + n(cy + r * Math.sin(angle));
    }

    private String fill(Paint paint) {
        if (paint instanceof Color c) {
            return " fill=\"" + rgb(c) + "\"" + (c.alpha() < 1 ? " fill-opacity=\"" + Numbers.format(c.alpha(), 3) + "\"" : "");
        } else if (paint instanceof LinearGradient g) {
            String id = nextId();
            defs.append("<linearGradient id=\"").append(id).append("\" gradientUnits=\"userSpaceOnUse\" x1=\"").append(n(g.x1()))
                    .append("\" y1=\"").append(n(g.y1())).append("\" x2=\"").append(n(g.x2())).append("\" y2=\"").append(n(g.y2()))
                    .append("\">").append(stops(g.stops())).append("</linearGradient>\n");
            return " fill=\"url(#" + id + ")\"";
        } else if (paint instanceof RadialGradient g) {
            String id = nextId();
            defs.append("<radialGradient id=\"").append(id).append("\" gradientUnits=\"userSpaceOnUse\" cx=\"").append(n(g.cx()))
                    .append("\" cy=\"").append(n(g.cy())).append("\" r=\"").append(n(g.r())).append("\">")
                    .append(stops(g.stops())).append("</radialGradient>\n");
            return " fill=\"url(#" + id + ")\"";
        } else {
            throw new IllegalArgumentException("unknown paint type " + paint.getClass());
        }
    }

    private static String stroke(Stroke s) {
        if (!s.visible()) return "";
        Color c = s.color();
        return " stroke=\"" + rgb(c) + "\"" + (c.alpha() < 1 ? " stroke-opacity=\"" + Numbers.format(c.alpha(), 3) + "\"" : "")
                + " stroke-width=\"" + Numbers.format(s.width(), 2) + "\" stroke-linejoin=\"round\"";
    }

    private static String stops(List<Stop> stops) {
        StringBuilder sb = new StringBuilder();
        for (Stop s : stops) {
            sb.append("<stop offset=\"").append(Numbers.format(s.offset(), 3)).append("\" stop-color=\"").append(rgb(s.color())).append('"');
            if (s.color().alpha() < 1) sb.append(" stop-opacity=\"").append(Numbers.format(s.color().alpha(), 3)).append('"');
            sb.append("/>");
        }
        return sb.toString();
    }

    private String nextId() {
        return idPrefix + "-" + gradients++;
    }

    private static String rgb(Color c) {
        return c.withAlpha(1).css();
    }

    private static String n(double v) {
        return Numbers.format(v, DIGITS);
    }
}
