package org.vaml4j.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point: {@code vaml4j <command> [args]}. The only place that maps arguments onto configs. */
public final class Main {

    private Main() {}

    /** Every subcommand, in the order {@code vaml4j --help} lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(
                new InfoCommand(),
                new EnvsCommand(),
                new TrainCommand(),
                new SimCommand(),
                new RenderCommand(),
                new LossesCommand(),
                new AlgosCommand(),
                new BenchCommand())) {
            m.put(c.name(), c);
        }
        return m;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage(commands));
            return args.length == 0 ? 2 : 0;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("vaml4j: unknown command '" + args[0] + "'; commands: " + String.join(", ", commands.keySet()));
            return 2;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(c.help());
            return 0;
        }
        try {
            return c.run(rest, out, err);
        } catch (UsageException | IllegalArgumentException e) {
            err.println("vaml4j " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("vaml4j " + c.name() + ": failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static String usage(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder("usage: vaml4j <command> [args]   (vaml4j <command> --help for details)\n\ncommands:\n");
        for (Command c : commands.values()) sb.append(String.format("  %-12s %s%n", c.name(), c.summary()));
        return sb.toString();
    }
}
