package org.vaml4j.cli;

import java.util.List;

/** Option values of the commands' argument lists, with the one-line errors every command gives. */
final class CliArgs {

    private CliArgs() {}

    /** The value after option {@code option} at index {@code i}. */
    static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) throw new UsageException(option + " needs a value");
        return args.get(i);
    }

    /** {@code s} as an integer >= {@code min} ({@code _} allowed as a separator). */
    static long number(String s, String option, long min) {
        long v;
        try {
            v = Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects an integer, got '" + s + "'");
        }
        if (v < min) throw new UsageException(option + " must be >= " + min + ", got " + v);
        return v;
    }
}
