package org.vaml4j.cli;

import java.io.PrintStream;
import java.util.List;
import org.vaml4j.mbrl.loss.ModelLosses;

/** {@code vaml4j losses [name]}: every model loss with its description and paper, or one loss's options. */
final class LossesCommand implements Command {

    @Override public String name() { return "losses"; }

    @Override public String summary() { return "list the model losses with their papers and options"; }

    @Override
    public String help() {
        return "usage: vaml4j losses [name]\n\n"
                + "Without arguments, lists every model loss (id, one-line description, paper and equation).\n"
                + "With a name, shows that loss's options and their defaults; an unknown name lists the losses.\n"
                + "In code: ModelLosses.create(name, Map.of(key, value, ...)).\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) throw new UsageException("takes at most one loss name, got " + args);
        if (args.isEmpty()) {
            out.print(ModelLosses.listing());
            out.println();
            out.println("vaml4j losses <name> shows one loss's options.");
            return 0;
        }
        String name = args.get(0);
        for (ModelLosses.Info i : ModelLosses.catalog()) {
            if (!i.id().equalsIgnoreCase(name)) continue;
            out.println("loss          " + i.id());
            out.println("what          " + i.description());
            out.println("source        " + i.reference());
            out.println("values        " + (i.needsValues() ? "needs the agent's value functions" : "not needed"));
            out.println("options       " + (i.options().isEmpty() ? "(none)" : ""));
            for (ModelLosses.Option o : i.options()) out.printf("  %-14s %-34s %s%n", o.key(), "= " + o.defaultValue(), o.doc());
            return 0;
        }
        throw new UsageException("unknown loss '" + name + "'; losses:\n" + ModelLosses.listing());
    }
}
