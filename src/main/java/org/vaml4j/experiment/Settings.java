package org.vaml4j.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolved run settings: dotted keys to string values (the content of a run's
 * {@code config.properties}), with typed getters whose errors name the key, the value and what
 * is accepted. Immutable; keys are kept sorted so the file is stable.
 */
public final class Settings {

    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Parses {@code .properties} text. */
    public static Settings parse(Reader in, String source) throws IOException {
        Properties p = new Properties();
        try {
            p.load(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": malformed properties: " + e.getMessage());
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k).trim());
        return new Settings(m);
    }

    /** Reads a {@code .properties} file. */
    public static Settings load(Path path) throws IOException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(r, path.toString());
        }
    }

    public Map<String, String> asMap() { return values; }

    public boolean has(String key) { return values.containsKey(key); }

    /** The raw value of a key that must be present. */
    public String string(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("setting '" + key + "' is missing; known: " + values.keySet());
        return v;
    }

    /** An integer in {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        long v = longValue(key, min, max);
        return (int) v;
    }

    /** A long in {@code [min, max]}. */
    public long longValue(String key, long min, long max) {
        String s = string(key);
        long v;
        try {
            v = Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "=" + s + ": expected an integer in [" + min + ", " + max + "]");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("setting " + key + "=" + s + ": must be in [" + min + ", " + max + "]");
        }
        return v;
    }

    /** A finite number in {@code [min, max]}. */
    public double real(String key, double min, double max) {
        String s = string(key);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "=" + s + ": expected a number in [" + min + ", " + max + "]");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("setting " + key + "=" + s + ": must be a number in [" + min + ", " + max + "]");
        }
        return v;
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String key) {
        String s = string(key);
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + key + "=" + s + ": expected true or false");
        };
    }

    /** One of {@code choices}. */
    public String choice(String key, List<String> choices) {
        String s = string(key);
        if (!choices.contains(s)) throw new IllegalArgumentException("setting " + key + "=" + s + ": choices are " + choices);
        return s;
    }

    /** These settings with {@code key} set to {@code value}. */
    public Settings with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new Settings(m);
    }

    /** Keys whose values differ between this and {@code other} (including keys only one has). */
    public List<String> differences(Settings other) {
        TreeMap<String, String> all = new TreeMap<>(values);
        all.putAll(other.values);
        List<String> d = new ArrayList<>();
        for (String k : all.keySet()) {
            String a = values.get(k), b = other.values.get(k);
            if (a == null || !a.equals(b)) d.add(k + " (" + a + " vs " + b + ")");
        }
        return d;
    }

    /** The {@code .properties} text: a comment header, then {@code key=value} lines sorted by key. */
    public String toPropertiesText(String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) sb.append("# ").append(line).append('\n');
        values.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return sb.toString();
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c > 0x7e || c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
