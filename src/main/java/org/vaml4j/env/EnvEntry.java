package org.vaml4j.env;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A registered task: canonical id, aliases, one-line summary, the options its spec accepts, a
 * factory that builds the raw (un-time-limited) env and its default time limit (0 = none), which
 * may depend on the options (the gridworld's 4N²). Every task also accepts {@code time_limit=N}
 * (see {@link EnvRegistry}).
 */
public record EnvEntry(String id, List<String> aliases, String summary, List<EnvOption> options,
                       Function<EnvOptions, Env> factory, ToIntFunction<EnvOptions> timeLimit) {

    public EnvEntry {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("env entry: empty id");
        if (factory == null || timeLimit == null) throw new IllegalArgumentException(id + ": null factory or time limit");
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
        for (EnvOption o : options) {
            if (o.key().equals(EnvRegistry.TIME_LIMIT)) {
                throw new IllegalArgumentException(id + ": option time_limit is provided by the registry");
            }
        }
    }

    /** A task with options and a fixed default time limit (0 = none). */
    public EnvEntry(String id, List<String> aliases, String summary, int timeLimit, List<EnvOption> options,
                    Function<EnvOptions, Env> factory) {
        this(id, aliases, summary, options, factory, o -> timeLimit);
        if (timeLimit < 0) throw new IllegalArgumentException(id + ": time limit must be >= 0");
    }

    /** A task without options: {@code factory} builds the raw env. */
    public static EnvEntry of(String id, String summary, int timeLimit, java.util.function.Supplier<Env> factory,
                              String... aliases) {
        return new EnvEntry(id, List.of(aliases), summary, timeLimit, List.of(), o -> factory.get());
    }

    /** The default time limit for these options. */
    public int timeLimit(EnvOptions options) {
        int t = timeLimit.applyAsInt(options);
        if (t < 0) throw new IllegalStateException(id + ": negative time limit " + t);
        return t;
    }
}
