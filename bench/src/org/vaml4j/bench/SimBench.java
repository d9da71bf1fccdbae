package org.vaml4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaml4j.env.Transition;
import org.vaml4j.env.locomotion.Lcg;
import org.vaml4j.env.locomotion.LocomotionTasks;
import org.vaml4j.env.locomotion.MujocoEnv;

/**
 * Env-steps/s of the simulator tasks under the reference harness's protocol
 * (anchors/mujoco/bench.c): warm up 2000 env steps, then {@code repeats} x {@code steps} env steps
 * with uniform random actions in ctrlrange, resetting (with Gym v4 reset noise) on termination or
 * at the time limit, resets inside the timed loop; single thread; median, min, max. Optionally runs
 * the MuJoCo harness binary with the same N and R right after each task for a same-run comparison.
 */
public final class SimBench {

    /** One task's figures; mujoco* are NaN when the harness was not run. */
    public record Result(String task, double median, double min, double max, double mujocoMedian, long episodes) {}

    private static final Pattern MJ_LINE = Pattern.compile("^(\\S+)\\s.*env_steps/s median=\\s*([0-9.]+)");

    private SimBench() {}

    /**
     * Runs the benchmark for {@code tasks} and prints one line per task to {@code out}.
     *
     * @param mujocoBench path of the harness binary ({@code anchors/mujoco/build.sh} output) or null
     * @param mujocoModels the harness's model directory (its {@code -m}); used when mujocoBench is given
     */
    public static List<Result> run(List<String> tasks, long steps, int repeats, Path mujocoBench, Path mujocoModels,
                                   PrintStream out) throws IOException, InterruptedException {
        if (steps < 1 || repeats < 1) throw new IllegalArgumentException("steps and repeats must be >= 1");
        out.printf("sim bench: %d env steps x %d repeats per task, single thread, JDK %s%n", steps, repeats, Runtime.version());
        out.printf("%-26s %12s %12s %12s %14s %8s%n", "task", "median/s", "min/s", "max/s", "mujoco med/s", "ratio");
        List<Result> results = new ArrayList<>();
        for (String name : tasks) {
            MujocoEnv env = LocomotionTasks.make(name);
            int limit = LocomotionTasks.task(name).timeLimit();
            Lcg actions = new Lcg(1);
            env.reset(1);
            double[] a = new double[env.model().nu()];
            int[] t = {0};
            long[] episodes = {0};
            run(env, actions, a, limit, 2000, t, episodes);
            double[] rate = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                env.reset();
                t[0] = 0;
                long t0 = System.nanoTime();
                run(env, actions, a, limit, steps, t, episodes);
                rate[r] = steps / ((System.nanoTime() - t0) * 1e-9);
            }
            double[] sorted = rate.clone();
            Arrays.sort(sorted);
            double median = repeats % 2 == 1 ? sorted[repeats / 2] : 0.5 * (sorted[repeats / 2 - 1] + sorted[repeats / 2]);
            double mj = mujocoBench == null ? Double.NaN : mujoco(mujocoBench, mujocoModels, name, steps, repeats);
            Result res = new Result(name, median, sorted[0], sorted[repeats - 1], mj, episodes[0]);
            results.add(res);
            out.printf("%-26s %12.0f %12.0f %12.0f %14s %8s%n", name, median, sorted[0], sorted[repeats - 1],
                    Double.isNaN(mj) ? "-" : String.format("%.0f", mj), Double.isNaN(mj) ? "-" : String.format("%.2fx", median / mj));
            out.flush();
        }
        return results;
    }

    /** n env steps with random actions, resetting on termination or at the time limit. */
    private static void run(MujocoEnv env, Lcg rng, double[] a, int limit, long n, int[] t, long[] episodes) {
        for (long i = 0; i < n; i++) {
            for (int j = 0; j < a.length; j++) {
                a[j] = rng.nextDouble(env.model().ctrlLow(j), env.model().ctrlHigh(j));
            }
            Transition tr = env.step(a);
            if (tr.terminated() || ++t[0] >= limit) {
                env.reset();
                t[0] = 0;
                episodes[0]++;
            }
        }
    }

    /** The harness's median env-steps/s for one task (same N and R). */
    private static double mujoco(Path bench, Path models, String task, long steps, int repeats)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(bench.toString(), "-m", models.toString(), "-t", task, "-n", Long.toString(steps),
                "-r", Integer.toString(repeats));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Double> med = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                Matcher mt = MJ_LINE.matcher(line);
                if (mt.find()) med.put(mt.group(1), Double.parseDouble(mt.group(2)));
            }
        }
        int rc = p.waitFor();
        Double v = med.get(task);
        if (rc != 0 || v == null) throw new IOException("MuJoCo harness failed (exit " + rc + "): " + cmd + "\n" + all);
        return v;
    }
}
