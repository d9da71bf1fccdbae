package org.vaml4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flat JSON object of named numbers and strings ({@code summary.json} of a run), in insertion
 * order; written atomically. Non-finite numbers are written as {@code null} (JSON has no NaN).
 */
public final class SummaryJson {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public SummaryJson put(String key, String value) {
        fields.put(key, value);
        return this;
    }

    public SummaryJson put(String key, double value) {
        fields.put(key, value);
        return this;
    }

    public SummaryJson put(String key, long value) {
        fields.put(key, value);
        return this;
    }

    public SummaryJson put(String key, boolean value) {
        fields.put(key, value);
        return this;
    }

    /** The JSON text, one field per line. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            sb.append("  ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            sb.append(++i < fields.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    public void write(Path path) throws IOException {
        AtomicFiles.writeString(path, toJson());
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) return "null";
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) (double) d) : Double.toString(d);
        }
        if (v instanceof Long || v instanceof Boolean) return v.toString();
        return quote(v.toString());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
