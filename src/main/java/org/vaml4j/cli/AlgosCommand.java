package org.vaml4j.cli;

import java.io.PrintStream;
import java.util.List;
import org.vaml4j.experiment.Algorithm;

/** {@code vaml4j algos [name]}: every training algorithm with a one-line description and its paper. */
final class AlgosCommand implements Command {

    @Override public String name() { return "algos"; }

    @Override public String summary() { return "list the training algorithms (--algo) with their papers"; }

    @Override
    public String help() {
        return "usage: vaml4j algos [name]\n\n"
                + "Lists every algorithm vaml4j train --algo accepts: name, one line, paper and algorithm.\n"
                + "With a name, shows that one; an unknown name lists them all. Model-based algorithms take any\n"
                + "model loss (--loss, see vaml4j losses); their settings: vaml4j train --algo NAME --env ENV --show-config.\n";
    }

    /** One line per algorithm: {@code name  summary  [reference]}. */
    static String listing() {
        StringBuilder sb = new StringBuilder();
        for (Algorithm a : TrainCommand.algorithms().values()) {
            sb.append(String.format("  %-9s %s [%s]%n", a.name(), a.summary(), a.reference()));
        }
        return sb.toString();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) throw new UsageException("takes at most one algorithm name, got " + args);
        if (args.isEmpty()) {
            out.print(listing());
            return 0;
        }
        Algorithm a = TrainCommand.algorithms().get(args.get(0).toLowerCase(java.util.Locale.ROOT));
        if (a == null) throw new UsageException("unknown algorithm '" + args.get(0) + "'; algorithms:\n" + listing());
        out.println("algorithm  " + a.name());
        out.println("           " + a.summary());
        out.println("paper      " + a.reference());
        return 0;
    }
}
