package org.vaml4j.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code vaml4j}. */
public interface Command {

    /** The word after {@code vaml4j}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help text shown by {@code vaml4j <name> --help}. */
    String help();

    /**
     * Runs with the arguments after the command word; returns the process exit code.
     * Bad input throws {@link UsageException}; Main prints it and exits 2.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
