package org.vaml4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaml4j.env.Transition;
import org.vaml4j.env.locomotion.Lcg;
import org.vaml4j.env.locomotion.LocomotionTasks;
import org.vaml4j.env.locomotion.MujocoEnv;
import org.vaml4j.sim.Data;

/**
 * Statistical agreement of the contact tasks with MuJoCo under the reference harness's random-action
 * protocol (anchors/mujoco/bench.c): uniform LCG actions in ctrlrange, Gym v4 reset noise on
 * termination or at the time limit. Per task and side: completed episodes, mean episode length
 * (env steps / completed episodes), mean reward per env step, mean contacts per step; plus the env
 * step at which the passive Hopper (default state, zero actions) first terminates. MuJoCo's side
 * comes from running the harness binary with the same step count; the two sides draw different
 * reset noise (the harness uses its LCG, we use SplittableRandom), so only statistics compare.
 * Also a soak check on our side: no NaN, and the deepest penetration seen. With several seeds
 * both sides pool seeds 1..S and report the standard error of the mean episode length across
 * seeds: Ant's episode lengths are heavy-tailed and its chaotic dynamics make every run a fresh
 * sample, so one 50,000-step run varies by about 10 % from seed to seed on either side.
 *
 * <p>Usage: {@code ContactStats [--tasks a,b] [--steps N] [--seeds S] [--mujoco BENCH --models DIR]}.
 */
public final class ContactStats {

    /**
     * One side's statistics of one task over one or more seeds; {@code lengthSe} = standard error
     * of the mean episode length across seeds (NaN for one seed).
     */
    record Stats(long steps, long completed, long terminations, double rewardPerStep, double meanContacts,
                 double deepest, boolean finite, double lengthSe) {
        double meanLength() { return completed == 0 ? Double.NaN : (double) steps / completed; }

        /** Pools per-seed runs: sums of counts, step-weighted means, max depth, spread of per-seed lengths. */
        static Stats pool(List<Stats> runs) {
            long steps = 0, completed = 0, terms = 0;
            double reward = 0, ncon = 0, deepest = Double.NaN, sum = 0, sumSq = 0;
            boolean finite = true;
            for (Stats s : runs) {
                steps += s.steps;
                completed += s.completed;
                terms += s.terminations;
                reward += s.rewardPerStep * s.steps;
                ncon += s.meanContacts * s.steps;
                if (!Double.isNaN(s.deepest)) deepest = Double.isNaN(deepest) ? s.deepest : Math.max(deepest, s.deepest);
                finite &= s.finite;
                sum += s.meanLength();
                sumSq += s.meanLength() * s.meanLength();
            }
            int n = runs.size();
            double se = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - sum * sum / n) / (n - 1)) / n);
            return new Stats(steps, completed, terms, reward / steps, ncon / steps, deepest, finite, se);
        }
    }

    private static final Pattern MJ = Pattern.compile(
            "^(\\S+)\\s.*episodes=(\\d+) terminations=(\\d+) mean_reward/step=([-0-9.]+) mean_ncon=([0-9.]+)");

    private ContactStats() {}

    public static void main(String[] args) throws Exception {
        List<String> tasks = List.of("hopper", "walker2d", "half_cheetah", "ant");
        long steps = 100_000;
        int seeds = 1;
        Path mujoco = null, models = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) throw new IllegalArgumentException("missing value for " + args[i]);
            switch (args[i]) {
                case "--tasks" -> tasks = List.of(v.split(","));
                case "--steps" -> steps = Long.parseLong(v);
                case "--seeds" -> seeds = Integer.parseInt(v);
                case "--mujoco" -> mujoco = Path.of(v);
                case "--models" -> models = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --tasks, --steps, --seeds, --mujoco, --models");
            }
        }
        if (mujoco != null && models == null) models = mujoco.toAbsolutePath().getParent().resolve("models");
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        run(tasks, steps, seeds, mujoco, models, System.out);
    }

    static void run(List<String> tasks, long steps, int seeds, Path mujoco, Path models, PrintStream out)
            throws IOException, InterruptedException {
        out.printf("contact stats: %d random-action env steps per task and seed, seeds 1..%d (harness protocol), JDK %s%n",
                steps, seeds, Runtime.version());
        out.printf("%-13s %-7s %9s %9s %7s %11s %8s %10s %12s%n", "task", "side", "episodes", "mean len", "+-se",
                "reward/step", "ncon", "deepest m", "(len, rew) %");
        for (String task : tasks) {
            List<Stats> ourRuns = new ArrayList<>(), mjRuns = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                ourRuns.add(ours(task, steps, seed));
                if (mujoco != null) mjRuns.add(mujoco(mujoco, models, task, steps, seed));
            }
            Stats ours = Stats.pool(ourRuns);
            Stats mj = mujoco == null ? null : Stats.pool(mjRuns);
            print(out, task, "vaml4j", ours, mj);
            if (mj != null) print(out, task, "mujoco", mj, null);
        }
        int ourPassive = passiveHopperTermination(1000);
        String mjPassive = mujoco == null ? "-" : Integer.toString(mujocoPassiveHopper(mujoco, models));
        out.printf("passive hopper (default state, zero action) first terminates at env step: vaml4j %d, mujoco %s%n",
                ourPassive, mjPassive);
    }

    private static void print(PrintStream out, String task, String side, Stats s, Stats ref) {
        String diff = ref == null ? "" : String.format("%+.1f, %+.1f", 100 * (s.meanLength() / ref.meanLength() - 1),
                100 * (s.rewardPerStep() / ref.rewardPerStep() - 1));
        out.printf("%-13s %-7s %9d %9.2f %7s %11.4f %8.2f %10s %12s%n", task, side, s.completed(), s.meanLength(),
                Double.isNaN(s.lengthSe()) ? "-" : String.format("%.1f", s.lengthSe()), s.rewardPerStep(), s.meanContacts(), Double.isNaN(s.deepest()) ? "-" : String.format("%.4f", s.deepest()),
                s.finite() ? diff : "NON-FINITE");
        out.flush();
    }

    /** Our side: the harness loop on our env (reset stream seeded with seed; LCG actions from seed as the harness). */
    static Stats ours(String task, long steps, long seed) {
        MujocoEnv env = LocomotionTasks.make(task);
        int limit = LocomotionTasks.task(task).timeLimit();
        Lcg rng = new Lcg(seed);
        double[] a = new double[env.model().nu()];
        env.reset(seed);
        long completed = 0, terms = 0;
        double reward = 0, ncon = 0, deepest = 0;
        boolean finite = true;
        int t = 0;
        Data d = env.data();
        for (long i = 0; i < steps; i++) {
            for (int j = 0; j < a.length; j++) a[j] = rng.nextDouble(env.model().ctrlLow(j), env.model().ctrlHigh(j));
            Transition tr = env.step(a);
            reward += tr.reward();
            ncon += d.ncon;
            for (int c = 0; c < d.contact.ncon; c++) deepest = Math.max(deepest, -d.contact.dist[c]);
            for (double q : d.qpos) finite &= Double.isFinite(q);
            if (tr.terminated() || ++t >= limit) {
                terms += tr.terminated() ? 1 : 0;
                completed++;
                t = 0;
                env.reset();
            }
        }
        return new Stats(steps, completed, terms, reward / steps, ncon / steps, deepest, finite, Double.NaN);
    }

    /** Env step at which the passive Hopper first terminates (0 if not within maxSteps). */
    static int passiveHopperTermination(int maxSteps) {
        MujocoEnv env = LocomotionTasks.make("hopper");
        env.resetDefault();
        double[] zero = new double[env.model().nu()];
        for (int k = 1; k <= maxSteps; k++) if (env.step(zero).terminated()) return k;
        return 0;
    }

    private static Stats mujoco(Path bench, Path models, String task, long steps, long seed)
            throws IOException, InterruptedException {
        String out = exec(List.of(bench.toString(), "-m", models.toString(), "-t", task, "-n", Long.toString(steps), "-r", "1",
                "-s", Long.toString(seed)));
        for (String line : out.split("\n")) {
            Matcher mt = MJ.matcher(line);
            if (mt.find() && mt.group(1).equals(task)) {
                long episodes = Long.parseLong(mt.group(2));
                return new Stats(steps, episodes - 1, Long.parseLong(mt.group(3)), Double.parseDouble(mt.group(4)),
                        Double.parseDouble(mt.group(5)), Double.NaN, true, Double.NaN);
            }
        }
        throw new IOException("no statistics for " + task + " in the harness output:\n" + out);
    }

    /** The first terminated row of the harness's hopper_passive trajectory (300 env steps). */
    private static int mujocoPassiveHopper(Path bench, Path models) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mjtraj");
        exec(List.of(bench.toString(), "-m", models.toString(), "-t", "hopper", "--traj", dir.toString(),
                "--traj-steps", "300", "--no-bench"));
        List<String> lines = Files.readAllLines(dir.resolve("hopper_passive.csv"));
        String[] header = lines.get(0).split(",");
        int col = new ArrayList<>(List.of(header)).indexOf("terminated");
        for (int k = 1; k < lines.size(); k++) {
            String[] p = lines.get(k).split(",");
            if (Integer.parseInt(p[col]) != 0) return Integer.parseInt(p[0]);
        }
        return 0;
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) all.append(line).append('\n');
        }
        if (p.waitFor() != 0) throw new IOException("MuJoCo harness failed: " + cmd + "\n" + all);
        return all.toString();
    }
}
