package org.vaml4j.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasks and wrappers by name. {@link #standard()} holds every built-in task; {@link #make}
 * builds an env from a spec string ({@link EnvSpec}):
 *
 * <pre>
 *   registry.make("pendulum")                      // Pendulum-v1 with its 200-step TimeLimit
 *   registry.make("Pendulum-v1:time_limit=100")    // any task: time_limit=N overrides (0 = none)
 *   registry.make("gridworld:size=12")             // task options
 *   registry.make("hopper+distract15")             // wrappers after '+', applied left to right
 * </pre>
 *
 * Names match case-insensitively, ignoring {@code -} and {@code _} ({@code pendulum_v1},
 * {@code PENDULUM-V1}). An unknown name or option throws IllegalArgumentException listing the
 * accepted ones. The time limit is applied outermost, after the wrappers. A registry is a plain
 * object (no global state): build one with {@code standard()} where you need it.
 */
public final class EnvRegistry {

    /** The option every task accepts: episode length of the TimeLimit (0 = no limit). */
    public static final String TIME_LIMIT = "time_limit";

    private static final Pattern SHORTHAND = Pattern.compile("([a-z]+)(\\d+)");

    private final Map<String, EnvEntry> byName = new LinkedHashMap<>();
    private final List<EnvEntry> entries = new ArrayList<>();
    private final Map<String, WrapperEntry> wrappers = new LinkedHashMap<>();

    /** A registry holding every built-in task and wrapper ({@link StandardEnvs}). */
    public static EnvRegistry standard() {
        EnvRegistry r = new EnvRegistry();
        StandardEnvs.registerAll(r);
        return r;
    }

    /** Adds a task under its id and aliases; a name already taken throws IllegalArgumentException. */
    public EnvRegistry register(EnvEntry e) {
        List<String> names = new ArrayList<>();
        names.add(e.id());
        names.addAll(e.aliases());
        for (String n : names) {
            EnvEntry old = byName.get(EnvSpec.normalize(n));
            if (old != null && old != e) {
                throw new IllegalArgumentException("env name '" + n + "' of " + e.id() + " is already taken by " + old.id());
            }
        }
        for (String n : names) byName.put(EnvSpec.normalize(n), e);
        entries.add(e);
        return this;
    }

    /** Adds a wrapper usable after {@code +}. */
    public EnvRegistry register(WrapperEntry w) {
        if (wrappers.putIfAbsent(w.name(), w) != null) throw new IllegalArgumentException("wrapper '" + w.name() + "' already registered");
        return this;
    }

    /** Registered tasks in registration order. */
    public List<EnvEntry> entries() {
        return List.copyOf(entries);
    }

    /** Registered wrappers. */
    public List<WrapperEntry> wrappers() {
        return List.copyOf(wrappers.values());
    }

    /** The task registered under {@code name} (id or alias); unknown names throw, listing the valid ones. */
    public EnvEntry entry(String name) {
        EnvEntry e = byName.get(EnvSpec.normalize(name));
        if (e == null) {
            throw new IllegalArgumentException("unknown env '" + name + "'; valid names: " + validNames());
        }
        return e;
    }

    /** Builds the env of {@code spec}, time limit included. */
    public Env make(String spec) {
        EnvSpec s = EnvSpec.parse(spec);
        EnvEntry e = entry(s.task().name());
        Map<String, String> given = new LinkedHashMap<>(s.task().options());
        String limitText = given.remove(TIME_LIMIT);
        EnvOptions opts = EnvOptions.resolve(e.id(), e.options(), given);
        int limit = e.timeLimit(opts);
        if (limitText != null) {
            limit = EnvOptions.resolve(e.id(), List.of(new EnvOption(TIME_LIMIT, "0", "")), Map.of(TIME_LIMIT, limitText))
                    .integer(TIME_LIMIT, 0, Integer.MAX_VALUE);
        }
        Env env = e.factory().apply(opts);
        for (EnvSpec.Part p : s.wrappers()) env = wrap(env, p);
        return limit > 0 ? new TimeLimit(env, limit) : env;
    }

    /** {@code make(spec).functions()}: the reward and termination functions of a spec. */
    public TaskFunctions functions(String spec) {
        return make(spec).functions();
    }

    private Env wrap(Env env, EnvSpec.Part p) {
        String name = EnvSpec.normalize(p.name());
        Map<String, String> given = new LinkedHashMap<>(p.options());
        WrapperEntry w = wrappers.get(name);
        Matcher m = SHORTHAND.matcher(name);
        if (w == null && m.matches() && wrappers.containsKey(m.group(1)) && wrappers.get(m.group(1)).shorthandKey() != null) {
            w = wrappers.get(m.group(1));
            if (given.put(w.shorthandKey(), m.group(2)) != null) {
                throw new IllegalArgumentException("wrapper '" + p.name() + "': " + w.shorthandKey() + " given twice");
            }
        }
        if (w == null) {
            throw new IllegalArgumentException("unknown env wrapper '" + p.name() + "'; valid wrappers: "
                    + (wrappers.isEmpty() ? "(none)" : String.join(", ", wrappers.keySet())));
        }
        return w.wrap().apply(env, EnvOptions.resolve(w.name(), w.options(), given));
    }

    private String validNames() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (EnvEntry e : entries) {
            names.add(e.id());
            names.addAll(e.aliases());
        }
        return String.join(", ", names);
    }
}
