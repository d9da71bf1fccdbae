package org.vaml4j.env;

/** One option a task or wrapper accepts in its spec ({@code key=value}), with its default and meaning. */
public record EnvOption(String key, String defaultValue, String doc) {

    public EnvOption {
        if (key == null || !key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("option key must be lower_snake_case, got " + key);
        }
        if (defaultValue == null || doc == null) throw new IllegalArgumentException("option " + key + ": null default or doc");
    }
}
