package org.vaml4j.sim;

import java.util.Map;
import java.util.Set;

/**
 * The effective attributes of one MJCF element (explicit values over its default class), with
 * typed, strictly checked getters. Every error names the element, the attribute and the line.
 */
final class MjcfAttrs {

    private final XmlTree.Node node;
    private final Map<String, String> values;
    private final String source;

    MjcfAttrs(String source, XmlTree.Node node, Map<String, String> values) {
        this.source = source;
        this.node = node;
        this.values = values;
    }

    /** Rejects any explicit attribute outside {@code allowed}. */
    static void checkAllowed(String source, XmlTree.Node node, Set<String> allowed) {
        for (String a : node.attrs().keySet()) {
            if (!allowed.contains(a)) {
                throw new IllegalArgumentException(where(source, node) + ": attribute '" + a
                        + "' is not supported; supported attributes of <" + node.tag() + ">: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    static String where(String source, XmlTree.Node node) {
        return source + ": line " + node.line() + ": <" + node.tag() + ">";
    }

    IllegalArgumentException error(String attr, String msg) {
        return new IllegalArgumentException(where(source, node) + " attribute '" + attr + "': " + msg);
    }

    boolean has(String a) {
        return values.containsKey(a);
    }

    String string(String a, String dflt) {
        return values.getOrDefault(a, dflt);
    }

    /** One of {@code choices} (exact spelling). */
    String choice(String a, String dflt, String... choices) {
        String v = values.get(a);
        if (v == null) return dflt;
        for (String c : choices) if (c.equals(v)) return v;
        throw error(a, "'" + v + "' is not one of " + String.join(", ", choices));
    }

    boolean bool(String a, boolean dflt) {
        String v = values.get(a);
        if (v == null) return dflt;
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(a, "'" + v + "' is not true or false");
        };
    }

    double number(String a, double dflt) {
        return has(a) ? numbers(a, 1, 1, null)[0] : dflt;
    }

    int integer(String a, int dflt) {
        if (!has(a)) return dflt;
        double v = number(a, dflt);
        if (v != Math.rint(v)) throw error(a, "'" + values.get(a) + "' is not an integer");
        return (int) v;
    }

    /**
     * Between {@code min} and {@code max} numbers; missing trailing values come from
     * {@code dflt} (length max) or are 0. Without the attribute: a copy of dflt (or null).
     */
    double[] numbers(String a, int min, int max, double[] dflt) {
        String v = values.get(a);
        if (v == null) return dflt == null ? null : dflt.clone();
        String t = v.trim();
        String[] parts = t.isEmpty() ? new String[0] : t.split("\\s+");
        if (parts.length < min || parts.length > max) {
            throw error(a, "expected " + (min == max ? "" + min : min + " to " + max) + " numbers, got '" + v + "'");
        }
        double[] out = new double[max];
        if (dflt != null) System.arraycopy(dflt, 0, out, 0, max);
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw error(a, "'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(out[i])) throw error(a, "'" + parts[i] + "' is not finite");
        }
        return out;
    }
}
