package org.vaml4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.experiment.AtomicFiles;
import org.vaml4j.experiment.Settings;
import org.vaml4j.render.EnvView;
import org.vaml4j.render.EnvViews;
import org.vaml4j.render.FilmStrip;
import org.vaml4j.render.Player;
import org.vaml4j.render.Policy;
import org.vaml4j.render.RandomPolicy;
import org.vaml4j.render.Recording;
import org.vaml4j.render.Rollout;
import org.vaml4j.render.scene.CameraMode;

/** {@code vaml4j render}: replays an episode on the simulator and draws it as an HTML player or an SVG strip. */
final class RenderCommand implements Command {

    static final int UNLIMITED_DEFAULT_STEPS = 1000;

    @Override public String name() { return "render"; }

    @Override public String summary() { return "draw an episode of a trained run (or random actions) as an HTML player or SVG frames"; }

    @Override
    public String help() {
        return "usage: vaml4j render --env SPEC [--run DIR | --random] [--seed N] [--steps N] [--camera track|side|top]\n"
                + "                     --out FILE.html|FILE.svg\n\n"
                + "Plays one episode and draws every state: the simulator tasks in 3-D (perspective camera following the\n"
                + "torso, every geom, floor grid and shadows), Pendulum, CartPole, Acrobot and MountainCar in 2-D.\n"
                + "  FILE.html  a self-contained player: play/pause, scrubber, speed, step counter, return so far\n"
                + "             (FILE.html#frame=N opens paused at step N)\n"
                + "  FILE.svg   a strip of " + FilmStrip.DEFAULT_PANELS + " frames spread over the episode\n\n"
                + "options:\n"
                + "  --env SPEC     task, e.g. hopper, walker2d, pendulum (see vaml4j envs); with --run, defaults to the run's\n"
                + "  --run DIR      the deterministic policy of a run of vaml4j train (its checkpoint/agent.bin, or the\n"
                + "                 last checkpoint of an unfinished run)\n"
                + "  --random       uniformly random actions (the default without --run)\n"
                + "  --seed N       seed of the episode's reset (and of the random actions); default 0\n"
                + "  --steps N      at most N steps (default: the task's time limit, or " + UNLIMITED_DEFAULT_STEPS + ")\n"
                + "  --camera MODE  track (default: three-quarter view from behind), side, top; simulator tasks only\n"
                + "  --out FILE     where to write; .html or .svg\n\n"
                + "example:\n  vaml4j render --env hopper --run runs/hopper --out hopper.html\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String envSpec = null, runDir = null, outFile = null, cameraName = null;
        boolean random = false;
        long seed = 0, steps = -1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--env" -> envSpec = CliArgs.value(args, ++i, a);
                case "--run" -> runDir = CliArgs.value(args, ++i, a);
                case "--random" -> random = true;
                case "--seed" -> seed = CliArgs.number(CliArgs.value(args, ++i, a), a, Long.MIN_VALUE);
                case "--steps" -> steps = CliArgs.number(CliArgs.value(args, ++i, a), a, 1);
                case "--camera" -> cameraName = CliArgs.value(args, ++i, a);
                case "--out" -> outFile = CliArgs.value(args, ++i, a);
                default -> throw new UsageException("unknown option '" + a + "'; options: --env, --run, --random, --seed, --steps, "
                        + "--camera, --out, --help");
            }
        }
        if (random && runDir != null) throw new UsageException("--run and --random exclude each other: pick the trained policy or random actions");
        if (outFile == null) throw new UsageException("--out FILE.html or --out FILE.svg is required");
        String lower = outFile.toLowerCase(Locale.ROOT);
        boolean html = lower.endsWith(".html") || lower.endsWith(".htm");
        if (!html && !lower.endsWith(".svg")) throw new UsageException("--out must end in .html or .svg, got '" + outFile + "'");
        CameraMode camera;
        try {
            camera = cameraName == null ? CameraMode.TRACK : CameraMode.parse(cameraName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--camera: " + e.getMessage());
        }

        // ---- the task and the policy ----
        EnvRegistry registry = EnvRegistry.standard();
        Settings run = runDir == null ? null : RunPolicy.settings(Path.of(runDir));
        if (envSpec == null) {
            if (run == null) throw new UsageException("--env is required (see vaml4j envs)");
            envSpec = run.string("run.env");
        }
        Env env = registry.make(envSpec);
        if (run != null && run.has("run.env")) {
            String trainedOn = registry.make(run.string("run.env")).id();
            if (!trainedOn.equals(env.id())) {
                throw new UsageException("--env " + envSpec + " (" + env.id() + ") is not the task of --run " + runDir + " ("
                        + trainedOn + "); omit --env to use the run's task");
            }
        }
        if (cameraName != null && !EnvViews.isSimulatorTask(env)) {
            throw new UsageException("--camera applies to the simulator tasks; " + env.id() + " is drawn in 2-D");
        }
        EnvView view = EnvViews.of(env, camera);
        Policy policy;
        String who;
        if (run != null) {
            RunPolicy.Loaded loaded = RunPolicy.load(Path.of(runDir), run, env);
            policy = loaded.policy();
            who = "trained " + (run.has("run.algo") ? run.string("run.algo") + " " : "") + "policy of " + runDir
                    + (loaded.weights().getFileName().toString().equals("state.bin") ? " (last checkpoint)" : "");
        } else {
            policy = new RandomPolicy(env.actionSpace(), seed);
            who = "random actions";
        }
        int maxSteps = (int) Math.min(Integer.MAX_VALUE, steps > 0 ? steps
                : env.maxEpisodeSteps() > 0 ? env.maxEpisodeSteps() : UNLIMITED_DEFAULT_STEPS);
        String title = env.id() + ", " + who + ", seed " + seed;

        // ---- play, draw, write ----
        Recording r = Rollout.record(env, view, policy, seed, maxSteps, title);
        Path target = Path.of(outFile);
        AtomicFiles.writeString(target, html ? Player.page(r) : FilmStrip.svg(r, FilmStrip.DEFAULT_PANELS));
        out.println(String.format(Locale.ROOT, "wrote %s: %s; %d steps, return %.1f%s", target, title, r.steps(), r.totalReturn(),
                r.terminated() ? ", terminated" : ""));
        return 0;
    }
}
