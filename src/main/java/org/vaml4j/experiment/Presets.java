package org.vaml4j.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-algorithm defaults and per-task presets as {@code .properties} resources, plus
 * {@code key=value} overrides:
 *
 * <pre>
 *   /org/vaml4j/presets/run.properties                  run.* keys every algorithm accepts
 *   /org/vaml4j/presets/&lt;algo&gt;/default.properties     every key the algorithm knows, with its default
 *   /org/vaml4j/presets/&lt;algo&gt;/&lt;task-id&gt;.properties   optional overrides for one task (lower-case id)
 * </pre>
 *
 * Resolution order: defaults, then the task preset, then the overrides. Task presets and
 * overrides may only name keys of the defaults; anything else is an error listing the keys.
 */
public final class Presets {

    private static final String ROOT = "/org/vaml4j/presets/";

    private Presets() {}

    /** The defaults of {@code algo} together with the {@code run.*} keys every algorithm accepts. */
    public static Settings defaults(String algo) throws IOException {
        Settings s = resource(ROOT + algo + "/default.properties");
        if (s == null) throw new IllegalStateException("no presets for algorithm '" + algo + "' (missing " + ROOT + algo + "/default.properties)");
        Settings run = resource(ROOT + "run.properties");
        Map<String, String> m = new TreeMap<>(run.asMap());
        m.putAll(s.asMap());
        return new Settings(m);
    }

    /** The task preset of {@code algo} for env id {@code taskId}, or null when there is none. */
    public static Settings taskPreset(String algo, String taskId) throws IOException {
        return resource(ROOT + algo + "/" + taskId.toLowerCase(Locale.ROOT) + ".properties");
    }

    /**
     * Defaults + task preset + overrides. Each override is {@code key=value}; malformed ones and
     * unknown keys throw IllegalArgumentException naming the valid keys.
     */
    public static Settings resolve(String algo, String taskId, List<String> overrides) throws IOException {
        Settings defaults = defaults(algo);
        Map<String, String> m = new TreeMap<>(defaults.asMap());
        Settings task = taskPreset(algo, taskId);
        if (task != null) {
            for (Map.Entry<String, String> e : task.asMap().entrySet()) {
                requireKnown(defaults, e.getKey(), "preset " + algo + "/" + taskId.toLowerCase(Locale.ROOT) + ".properties");
                m.put(e.getKey(), e.getValue());
            }
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set expects key=value, got '" + o + "'; keys: " + String.join(", ", defaults.asMap().keySet()));
            }
            String key = o.substring(0, eq).trim(), value = o.substring(eq + 1).trim();
            requireKnown(defaults, key, "--set");
            if (value.isEmpty()) throw new IllegalArgumentException("--set " + key + "= has an empty value");
            m.put(key, value);
        }
        return new Settings(m);
    }

    private static void requireKnown(Settings defaults, String key, String where) {
        if (!defaults.has(key)) {
            throw new IllegalArgumentException(where + ": unknown key '" + key + "'; valid keys: "
                    + String.join(", ", defaults.asMap().keySet()));
        }
    }

    private static Settings resource(String name) throws IOException {
        try (InputStream in = Presets.class.getResourceAsStream(name)) {
            if (in == null) return null;
            return Settings.parse(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        }
    }
}
