package org.vaml4j.cli;

import java.io.PrintStream;
import java.util.List;
import org.vaml4j.env.Box;
import org.vaml4j.env.Discrete;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvEntry;
import org.vaml4j.env.EnvOption;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.env.Space;
import org.vaml4j.env.WrapperEntry;

/** {@code vaml4j envs [spec]}: the task list, or the details of one task spec. */
final class EnvsCommand implements Command {

    @Override public String name() { return "envs"; }

    @Override public String summary() { return "list the tasks with their spaces and time limits"; }

    @Override
    public String help() {
        return "usage: vaml4j envs [spec]\n\n"
                + "Without arguments, lists every task (id, observation and action space, time limit, aliases)\n"
                + "and every wrapper. With a spec, builds that env and prints its spaces, time limit, options\n"
                + "and whether its reward is computable from observations.\n\n"
                + "spec:  name[:key=value,...][+wrapper[:key=value,...]]...\n"
                + "  names match case-insensitively, ignoring '-' and '_' (pendulum, Pendulum-v1, pendulum_v1)\n"
                + "  every task accepts time_limit=N (0 = no limit)\n"
                + "  examples: pendulum   gridworld:size=12   cartpole:time_limit=1000   pendulum+distract5\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) throw new UsageException("takes at most one spec, got " + args);
        EnvRegistry reg = EnvRegistry.standard();
        if (args.size() == 1) {
            describe(reg, args.get(0), out);
            return 0;
        }
        out.printf("%-26s %-26s %-22s %6s  %s%n", "task", "observation", "action", "steps", "aliases");
        for (EnvEntry e : reg.entries()) {
            Env env = reg.make(e.id());
            out.printf("%-26s %-26s %-22s %6s  %s%n", e.id(), space(env.observationSpace()), space(env.actionSpace()),
                    env.maxEpisodeSteps() == 0 ? "-" : Integer.toString(env.maxEpisodeSteps()),
                    String.join(", ", e.aliases()));
        }
        out.println();
        out.println("wrappers (append with '+', e.g. pendulum+distract5):");
        for (WrapperEntry w : reg.wrappers()) {
            out.printf("  %-12s %s; options: %s%n", w.name() + (w.shorthandKey() == null ? "" : "<" + w.shorthandKey() + ">"),
                    w.summary(), options(w.options()));
        }
        out.println();
        out.println("vaml4j envs <spec> shows one task's options; every task accepts time_limit=N.");
        return 0;
    }

    private static void describe(EnvRegistry reg, String spec, PrintStream out) {
        Env env = reg.make(spec);
        EnvEntry e = reg.entry(org.vaml4j.env.EnvSpec.parse(spec).task().name());
        out.println("id            " + env.id());
        out.println("task          " + e.id() + " — " + e.summary());
        out.println("aliases       " + (e.aliases().isEmpty() ? "-" : String.join(", ", e.aliases())));
        out.println("observation   " + env.observationSpace());
        out.println("action        " + env.actionSpace());
        out.println("time limit    " + (env.maxEpisodeSteps() == 0 ? "none" : env.maxEpisodeSteps() + " steps"));
        out.println("reward fn     " + (env.functions().rewardFromObservations()
                ? "computable from (obs, action, next obs)" : "not computable from observations (learn it)"));
        out.println("options       " + (e.options().isEmpty() ? "" : options(e.options()) + ", ")
                + "time_limit (episode length, 0 = none)");
    }

    private static String options(List<EnvOption> opts) {
        if (opts.isEmpty()) return "(none)";
        StringBuilder sb = new StringBuilder();
        for (EnvOption o : opts) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(o.key()).append('=').append(o.defaultValue()).append(" (").append(o.doc()).append(')');
        }
        return sb.toString();
    }

    /** Short form: {@code Box(3)}, {@code Box(1) [-2, 2]} when all bounds agree, {@code Discrete(4)}. */
    static String space(Space s) {
        if (s instanceof Discrete d) return "Discrete(" + d.n() + ")";
        Box b = (Box) s;
        int n = b.flatDim();
        double lo = b.low(0), hi = b.high(0);
        for (int i = 1; i < n; i++) {
            if (b.low(i) != lo || b.high(i) != hi) return "Box(" + n + ")";
        }
        return "Box(" + n + ") [" + bound(lo) + ", " + bound(hi) + "]";
    }

    private static String bound(double v) {
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
