package org.vaml4j.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The option values one task (or wrapper) is built with: its declared defaults overridden by
 * the {@code key=value} pairs of the spec. Typed getters validate and name the option in errors.
 */
public final class EnvOptions {

    private final String owner;
    private final Map<String, String> values;

    private EnvOptions(String owner, Map<String, String> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Merges {@code given} over the defaults of {@code declared}; an undeclared key throws
     * IllegalArgumentException listing the accepted keys of {@code owner}.
     */
    public static EnvOptions resolve(String owner, List<EnvOption> declared, Map<String, String> given) {
        Map<String, String> v = new LinkedHashMap<>();
        for (EnvOption o : declared) v.put(o.key(), o.defaultValue());
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!v.containsKey(e.getKey())) {
                throw new IllegalArgumentException(owner + ": unknown option '" + e.getKey() + "'; accepted: "
                        + (declared.isEmpty() ? "(none)" : String.join(", ", v.keySet())));
            }
            v.put(e.getKey(), e.getValue());
        }
        return new EnvOptions(owner, v);
    }

    /** All values, defaults included, in declaration order. */
    public Map<String, String> asMap() {
        return values;
    }

    public String string(String key) {
        String s = values.get(key);
        if (s == null) throw new IllegalArgumentException(owner + ": no option '" + key + "'");
        return s;
    }

    /** An integer in {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        String s = string(key);
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(owner + ": option " + key + "=" + s + " is not an integer");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(owner + ": option " + key + "=" + v + " must be in [" + min + ", " + max + "]");
        }
        return v;
    }

    public long longValue(String key) {
        String s = string(key);
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(owner + ": option " + key + "=" + s + " is not an integer");
        }
    }

    /** A finite real number. */
    public double real(String key) {
        String s = string(key);
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(owner + ": option " + key + "=" + s + " is not a number");
        }
        if (!Double.isFinite(v)) throw new IllegalArgumentException(owner + ": option " + key + "=" + s + " must be finite");
        return v;
    }

    /** {@code true}/{@code false} (also {@code 1}/{@code 0}, {@code yes}/{@code no}). */
    public boolean bool(String key) {
        String s = string(key).trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "true": case "1": case "yes": return true;
            case "false": case "0": case "no": return false;
            default: throw new IllegalArgumentException(owner + ": option " + key + "=" + s + " must be true or false");
        }
    }

    @Override
    public String toString() {
        return owner + values;
    }
}
