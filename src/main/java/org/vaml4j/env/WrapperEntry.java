package org.vaml4j.env;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A registered env wrapper usable after {@code +} in a spec, e.g. {@code distract} in
 * {@code hopper+distract15}. A trailing integer on the name is shorthand for the option
 * {@code shorthandKey} ({@code distract15} = {@code distract:dims=15}).
 */
public record WrapperEntry(String name, String summary, List<EnvOption> options, String shorthandKey,
                           BiFunction<Env, EnvOptions, Env> wrap) {

    public WrapperEntry {
        if (name == null || !name.matches("[a-z]+")) throw new IllegalArgumentException("wrapper name must be lower-case letters: " + name);
        options = List.copyOf(options);
        if (shorthandKey != null && options.stream().noneMatch(o -> o.key().equals(shorthandKey))) {
            throw new IllegalArgumentException(name + ": shorthand key " + shorthandKey + " is not an option");
        }
    }
}
