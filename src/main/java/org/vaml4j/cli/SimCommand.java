package org.vaml4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaml4j.bench.SimBench;
import org.vaml4j.env.Transition;
import org.vaml4j.env.locomotion.Lcg;
import org.vaml4j.env.locomotion.LocomotionTasks;
import org.vaml4j.env.locomotion.MujocoEnv;
import org.vaml4j.sim.Data;
import org.vaml4j.sim.Model;

/** {@code vaml4j sim rollout|bench}: replay the MuJoCo harness's trajectories; benchmark the tasks. */
final class SimCommand implements Command {

    @Override public String name() { return "sim"; }

    @Override public String summary() { return "simulator tools: trajectory replay in the MuJoCo harness's CSV format, benchmark"; }

    @Override
    public String help() {
        return "usage: vaml4j sim rollout --task NAME [--actions lcg] [--seed S] [--steps K] [--passive] --out FILE\n"
                + "       vaml4j sim bench [--tasks a,b,...] [--steps N] [--repeats R] [--mujoco BENCH --mujoco-models DIR]\n\n"
                + "rollout  the reference harness's trajectory protocol (anchors/mujoco/bench.c --traj): default\n"
                + "         state (qpos0, no reset noise), then K env steps with LCG actions (seed S, default 12345;\n"
                + "         --passive: zero actions), termination ignored. Writes step,time,action*,qpos*,qvel*,\n"
                + "         reward,terminated,ncon with 17 significant digits, row 0 = initial state. K default 200.\n"
                + "bench    env-steps/s per task: random actions, resets included, single thread, median of R\n"
                + "         repeats of N steps (defaults 20000 x 5). --mujoco runs the MuJoCo harness binary with\n"
                + "         the same N and R after each task and prints its median beside ours.\n"
                + "tasks:   " + String.join(", ", names()) + "\n";
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (LocomotionTasks.Task t : LocomotionTasks.all()) n.add(t.name());
        return n;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) throw new UsageException("needs a subcommand: rollout or bench");
        Map<String, String> o = options(args.subList(1, args.size()), List.of("--passive"));
        return switch (args.get(0)) {
            case "rollout" -> rollout(o, out);
            case "bench" -> bench(o, out);
            default -> throw new UsageException("unknown subcommand '" + args.get(0) + "'; subcommands: rollout, bench");
        };
    }

    private static int rollout(Map<String, String> o, PrintStream out) throws IOException {
        allow(o, "--task", "--actions", "--seed", "--steps", "--passive", "--out");
        String task = required(o, "--task");
        String actions = o.getOrDefault("--actions", "lcg");
        if (!actions.equals("lcg")) throw new UsageException("--actions must be lcg, got '" + actions + "'");
        long seed = parseLong(o, "--seed", 12345);
        int steps = (int) parseLong(o, "--steps", 200);
        if (steps < 0) throw new UsageException("--steps must be >= 0");
        boolean passive = o.containsKey("--passive");
        Path file = Path.of(required(o, "--out"));
        MujocoEnv env = LocomotionTasks.make(task);
        Model m = env.model();
        Data d = env.data();
        Lcg lcg = new Lcg(seed);
        env.resetDefault();
        double[] a = new double[m.nu()];
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("step,time");
            for (int j = 0; j < m.nu(); j++) h.append(",action").append(j);
            for (int i = 0; i < m.nq(); i++) h.append(",qpos").append(i);
            for (int i = 0; i < m.nv(); i++) h.append(",qvel").append(i);
            w.write(h.append(",reward,terminated,ncon\n").toString());
            for (int k = 0; k <= steps; k++) {
                double reward = 0;
                boolean terminated = false;
                if (k > 0) {
                    for (int j = 0; j < m.nu(); j++) a[j] = passive ? 0 : lcg.nextDouble(m.ctrlLow(j), m.ctrlHigh(j));
                    Transition t = env.simulate(a);
                    reward = t.reward();
                    terminated = t.terminated();
                }
                StringBuilder row = new StringBuilder().append(k).append(',').append(CNumber.g17(d.time));
                for (int j = 0; j < m.nu(); j++) row.append(',').append(CNumber.g17(k > 0 ? a[j] : 0.0));
                for (int i = 0; i < m.nq(); i++) row.append(',').append(CNumber.g17(d.qpos[i]));
                for (int i = 0; i < m.nv(); i++) row.append(',').append(CNumber.g17(d.qvel[i]));
                row.append(',').append(CNumber.g17(reward)).append(',').append(terminated ? 1 : 0).append(',').append(d.ncon);
                w.write(row.append('\n').toString());
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        out.println("wrote " + file + " (" + task + (passive ? ", zero actions" : ", lcg seed " + seed) + ", " + steps + " steps)");
        return 0;
    }

    private static int bench(Map<String, String> o, PrintStream out) throws Exception {
        allow(o, "--tasks", "--steps", "--repeats", "--mujoco", "--mujoco-models");
        List<String> tasks = o.containsKey("--tasks") ? List.of(o.get("--tasks").split(",")) : names();
        for (String t : tasks) LocomotionTasks.task(t);
        Path mj = o.containsKey("--mujoco") ? Path.of(o.get("--mujoco")) : null;
        Path models = mj == null ? null : Path.of(o.getOrDefault("--mujoco-models", mj.resolveSibling("models").toString()));
        SimBench.run(tasks, parseLong(o, "--steps", 20000), (int) parseLong(o, "--repeats", 5), mj, models, out);
        return 0;
    }

    // ---- argument helpers ----

    private static Map<String, String> options(List<String> args, List<String> flags) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String k = args.get(i);
            if (!k.startsWith("--")) throw new UsageException("unexpected argument '" + k + "'");
            if (flags.contains(k)) o.put(k, "");
            else if (i + 1 < args.size()) o.put(k, args.get(++i));
            else throw new UsageException(k + " needs a value");
        }
        return o;
    }

    private static void allow(Map<String, String> o, String... keys) {
        List<String> ok = List.of(keys);
        for (String k : o.keySet()) if (!ok.contains(k)) throw new UsageException("unknown option " + k + "; options: " + ok);
    }

    private static String required(Map<String, String> o, String k) {
        String v = o.get(k);
        if (v == null) throw new UsageException(k + " is required");
        return v;
    }

    private static long parseLong(Map<String, String> o, String k, long dflt) {
        String v = o.get(k);
        if (v == null) return dflt;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(k + " must be an integer, got '" + v + "'");
        }
    }
}
