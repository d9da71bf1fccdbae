package org.vaml4j.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.experiment.Algorithm;
import org.vaml4j.experiment.Presets;
import org.vaml4j.experiment.ProgressLine;
import org.vaml4j.experiment.RunDirectory;
import org.vaml4j.experiment.Settings;
import org.vaml4j.experiment.SummaryJson;
import org.vaml4j.experiment.TrainingRun;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.rl.Trainer;

/** {@code vaml4j train}: one training run of any registered algorithm into a run directory. */
final class TrainCommand implements Command {

    /** The algorithms {@code --algo} accepts, by name. */
    static Map<String, Algorithm> algorithms() {
        Map<String, Algorithm> m = new LinkedHashMap<>();
        for (Algorithm a : List.<Algorithm>of(new SacAlgorithm(), new MbpoAlgorithm(), new VaMbrlAlgorithm(), new MbacAlgorithm())) {
            m.put(a.name(), a);
        }
        return m;
    }

    @Override public String name() { return "train"; }

    @Override public String summary() { return "train an agent on a task into a run directory (--resume continues it)"; }

    @Override
    public String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: vaml4j train --env SPEC --steps N --out DIR [--algo NAME] [--loss NAME] [--seed N] [--resume]\n"
                + "                    [--set key=value]... [--show-config]\n\n"
                + "Trains from scratch (or, with --resume, continues the run in DIR from its last checkpoint) and writes\n"
                + "  DIR/config.properties   the resolved settings\n"
                + "  DIR/progress.csv        one row per episode: step, episode, returns, losses, alpha, steps_per_s, wall_s\n"
                + "  DIR/checkpoint/         state.bin (periodic, atomic) and agent.bin (the trained networks)\n"
                + "  DIR/summary.json        final figures, incl. a deterministic evaluation\n"
                + "A progress line (steps/s, ETA, last returns) goes to stderr.\n\n"
                + "options:\n"
                + "  --algo NAME      algorithm (default sac): ");
        for (Algorithm a : algorithms().values()) sb.append(a.name()).append(" (").append(a.summary()).append(") ");
        sb.append("\n  --loss NAME      model loss of the model-based algorithms (= --set model.loss=NAME; see vaml4j losses)"
                + "\n  --env SPEC       task, e.g. pendulum, cartpole-continuous (see vaml4j envs)\n"
                + "  --steps N        env steps to train in total\n"
                + "  --out DIR        run directory\n"
                + "  --seed N         seed of every random stream (default 0)\n"
                + "  --resume         continue the run in DIR (same settings; --steps may grow)\n"
                + "  --set key=value  override a setting (repeatable); defaults come from the algorithm's preset\n"
                + "                   and the task's preset; --show-config prints all keys with their values\n"
                + "  --show-config    print the resolved settings and exit\n\n"
                + "example:\n  vaml4j train --algo sac --env pendulum --seed 0 --steps 20000 --out runs/sac-pendulum\n");
        return sb.toString();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String algoName = "sac", envSpec = null, outDir = null;
        long seed = 0, steps = -1;
        boolean resume = false, showConfig = false;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--algo" -> algoName = CliArgs.value(args, ++i, a);
                case "--env" -> envSpec = CliArgs.value(args, ++i, a);
                case "--out" -> outDir = CliArgs.value(args, ++i, a);
                case "--seed" -> seed = CliArgs.number(CliArgs.value(args, ++i, a), a, Long.MIN_VALUE);
                case "--steps" -> steps = CliArgs.number(CliArgs.value(args, ++i, a), a, 1);
                case "--set" -> sets.add(CliArgs.value(args, ++i, a));
                case "--loss" -> sets.add("model.loss=" + CliArgs.value(args, ++i, a));
                case "--resume" -> resume = true;
                case "--show-config" -> showConfig = true;
                default -> throw new UsageException("unknown option '" + a + "'; options: --algo, --loss, --env, --steps, --out, "
                        + "--seed, --resume, --set, --show-config, --help");
            }
        }
        Algorithm algo = algorithms().get(algoName.toLowerCase(Locale.ROOT));
        if (algo == null) {
            throw new UsageException("unknown algorithm '" + algoName + "'; algorithms:\n" + AlgosCommand.listing());
        }
        if (envSpec == null) throw new UsageException("--env is required (see vaml4j envs)");
        EnvRegistry registry = EnvRegistry.standard();
        Env env = registry.make(envSpec);
        Env evalEnv = registry.make(envSpec);
        Settings settings = Presets.resolve(algo.name(), env.id(), sets)
                .with("run.algo", algo.name())
                .with("run.env", envSpec)
                .with("run.seed", Long.toString(seed));
        if (steps > 0) settings = settings.with("run.steps", Long.toString(steps));
        if (showConfig) {
            out.print(settings.toPropertiesText("resolved settings of vaml4j train --algo " + algo.name() + " --env " + envSpec));
            return 0;
        }
        if (steps < 0) throw new UsageException("--steps is required");
        if (outDir == null) throw new UsageException("--out is required");

        int threads = settings.integer("run.threads", 0, 1024);
        String kernelName = settings.string("run.kernels");
        Kernels kernels = RunKernels.select(kernelName, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        if (kernelName.equals("cuda") && !algo.runsOnCuda(settings)) {
            throw new UsageException("run.kernels=cuda: " + algo.gpuLimitation(settings));
        }
        Trainer trainer = algo.create(settings, env, evalEnv, seed, kernels);
        RunDirectory dir = new RunDirectory(Path.of(outDir));
        err.println("vaml4j train: " + algo.name() + " on " + env.id() + ", seed " + seed + ", " + steps + " steps -> " + dir.root()
                + (resume ? " (resume)" : "") + "; " + RunKernels.describe(kernelName, kernels));
        SummaryJson summary = new TrainingRun(dir, settings, trainer, steps, System::nanoTime)
                .execute(resume, (start, total) -> progressLine(err, start, total));
        out.println(summary.toJson());
        return 0;
    }

    /**
     * The live progress line: rewritten in place on a terminal, plain lines every 10 s otherwise.
     * {@code bin/vaml4j} filters stderr through a line-buffered pipe and says with
     * {@code -Dvaml4j.stderr.tty} whether the real stderr is a terminal; the in-place line then
     * goes to /dev/tty directly. Output streams other than System.err (tests, embedding) get plain lines.
     */
    private static ProgressLine progressLine(PrintStream err, long start, long total) {
        boolean terminal = false;
        PrintStream target = err;
        if (err == System.err) {
            String flag = System.getProperty("vaml4j.stderr.tty");
            if (flag == null) {
                terminal = ProgressLine.consoleIsTerminal();
            } else if (flag.equals("true")) {
                try {
                    target = new PrintStream(new FileOutputStream("/dev/tty"), true, StandardCharsets.UTF_8);
                    terminal = true;
                } catch (IOException e) {
                    target = err;   // no controlling terminal after all: plain lines
                }
            }
        }
        return new ProgressLine(target, terminal, start, total, 10, System::nanoTime);
    }
}
