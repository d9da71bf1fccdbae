package org.vaml4j.env;

import java.util.List;
import java.util.function.Function;

/**
 * A registered task: canonical id, aliases, one-line summary, default time limit (0 = none),
 * the options its spec accepts and a factory that builds the raw (un-time-limited) env.
 * Every task also accepts {@code time_limit=N} (see {@link EnvRegistry}).
 */
public record EnvEntry(String id, List<String> aliases, String summary, int timeLimit,
                       List<EnvOption> options, Function<EnvOptions, Env> factory) {

    public EnvEntry {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("env entry: empty id");
        if (timeLimit < 0) throw new IllegalArgumentException(id + ": time limit must be >= 0");
        if (factory == null) throw new IllegalArgumentException(id + ": null factory");
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
        for (EnvOption o : options) {
            if (o.key().equals(EnvRegistry.TIME_LIMIT)) {
                throw new IllegalArgumentException(id + ": option time_limit is provided by the registry");
            }
        }
    }

    /** A task without options: {@code factory} builds the raw env. */
    public static EnvEntry of(String id, String summary, int timeLimit, java.util.function.Supplier<Env> factory,
                              String... aliases) {
        return new EnvEntry(id, List.of(aliases), summary, timeLimit, List.of(), o -> factory.get());
    }
}
