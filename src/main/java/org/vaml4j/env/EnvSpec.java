package org.vaml4j.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed task spec string:
 *
 * <pre>
 *   spec    := part ( "+" part )*          the first part names the task, the others wrappers
 *   part    := name [ ":" key=value ( "," key=value )* ]
 * </pre>
 *
 * e.g. {@code pendulum}, {@code gridworld:size=12}, {@code cartpole:time_limit=1000},
 * {@code hopper+distract15}, {@code synthetic:hidden=64,seed=3+distract:dims=5,seed=7}.
 * Names are matched case-insensitively, ignoring {@code -} and {@code _} (see {@link #normalize}).
 */
public record EnvSpec(Part task, List<Part> wrappers) {

    /** One {@code name[:options]} element. */
    public record Part(String name, Map<String, String> options) {
        public Part {
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    public EnvSpec {
        wrappers = List.copyOf(wrappers);
    }

    /** Parses {@code spec}; malformed text throws IllegalArgumentException quoting it. */
    public static EnvSpec parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("env spec must not be empty");
        List<Part> parts = new ArrayList<>();
        for (String p : spec.trim().split("\\+", -1)) parts.add(parsePart(spec, p.trim()));
        return new EnvSpec(parts.get(0), parts.subList(1, parts.size()));
    }

    private static Part parsePart(String spec, String p) {
        int colon = p.indexOf(':');
        String name = (colon < 0 ? p : p.substring(0, colon)).trim();
        if (name.isEmpty()) throw new IllegalArgumentException("env spec '" + spec + "': empty name in '" + p + "'");
        Map<String, String> opts = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String kv : p.substring(colon + 1).split(",", -1)) {
                int eq = kv.indexOf('=');
                String k = eq < 0 ? "" : kv.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
                if (eq < 0 || k.isEmpty() || kv.substring(eq + 1).trim().isEmpty()) {
                    throw new IllegalArgumentException("env spec '" + spec + "': option '" + kv.trim()
                            + "' is not key=value (e.g. " + name + ":time_limit=100)");
                }
                if (opts.put(k, kv.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException("env spec '" + spec + "': option '" + k + "' given twice");
                }
            }
        }
        return new Part(name, opts);
    }

    /** The lookup key of a name: lower case without {@code -}, {@code _}, spaces. */
    public static String normalize(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_\\s]", "");
    }
}
