package org.vaml4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.vaml4j.bench.DeviceBench;
import org.vaml4j.bench.EngineBench;
import org.vaml4j.bench.EngineWorkloads;
import org.vaml4j.bench.MbpoEpochBench;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.experiment.Presets;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.device.Cuda;
import org.vaml4j.kernel.device.CudaDevice;
import org.vaml4j.mbrl.Mbpo;

/**
 * {@code vaml4j bench}: the engine workloads of the PyTorch anchor as CSV rows (default), or
 * {@code --only MBPO_EPOCH}, or with {@code --sim} the simulator's env-steps/s (the same as
 * {@code vaml4j sim bench}).
 */
final class BenchCommand implements Command {

    private static final List<String> BENCHMARKS = List.of("MBPO_EPOCH");
    /** MBPO_EPOCH: epochs of the untimed first model training (from random weights on the whole buffer). */
    private static final int FIRST_TRAINING_CAP = 100;

    @Override public String name() { return "bench"; }

    @Override public String summary() {
        return "engine benchmarks as CSV (same workloads and columns as the PyTorch anchor); MBPO_EPOCH";
    }

    @Override
    public String help() {
        return "usage: vaml4j bench [--threads N[,M...]] [--only A,B] [--iters N] [--warmup N] [--label L]\n"
                + "       vaml4j bench --only MBPO_EPOCH [--env SPEC] [--data-epochs N] [--warmup-epochs N] [--epochs N]\n"
                + "                   [--loss NAME] [--seed N] [--set key=value]...\n"
                + "       vaml4j bench --sim [--tasks a,b,...] [--steps N] [--repeats R] [--mujoco BENCH --mujoco-models DIR]\n\n"
                + "Engine workloads (default: all, threads 2,1, 30 samples after 10 warm-up iterations), one CSV row\n"
                + "each with the columns of anchors/torch/bench.py: label,threads,workload,median_ms,min_ms,max_ms,\n"
                + "iters,gflops_at_median,other_cpu,notes (notes include bytes allocated per iteration):\n"
                + "  " + String.join(", ", EngineWorkloads.all().keySet()) + "\n\n"
                + "With --set run.kernels=cuda: the device workloads on the GPU instead (threads column 0), each sample\n"
                + "closed by one synchronize as the PyTorch CUDA-graph anchor: " + String.join(", ", DeviceBench.names()) + "\n\n"
                + "MBPO_EPOCH  wall seconds per MBPO epoch with the task's mbpo preset (default hopper): the real buffer\n"
                + "            is first filled by random exploration to the size of epoch --data-epochs (10), then\n"
                + "            --warmup-epochs (1) epochs run untimed and --epochs (1) epochs are timed, each split into\n"
                + "            model training, rollouts, SAC updates and the rest (env, acting, evaluation). The first,\n"
                + "            untimed model training starts from random weights and is capped at 100 epochs unless\n"
                + "            --set mbpo.first_training_max_epochs=N says otherwise (0 = no cap, as a normal run).\n\n"
                + "--sim       env-steps/s per simulator task, optionally beside the MuJoCo harness: see vaml4j sim --help.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--sim")) {
            List<String> simArgs = new ArrayList<>(args);
            simArgs.remove("--sim");
            simArgs.add(0, "bench");
            return new SimCommand().run(simArgs, out, err);
        }
        String only = null, envSpec = "hopper", threadList = "2,1", label = "vaml4j";
        int iters = 30, benchWarmup = 10;
        int dataEpochs = 10, warmup = 1, epochs = 1;
        long seed = 0;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            if (v == null) throw new UsageException(a + " needs a value");
            i++;
            switch (a) {
                case "--only" -> only = v;
                case "--threads" -> threadList = v;
                case "--iters" -> iters = count(a, v, 1);
                case "--warmup" -> benchWarmup = count(a, v, 0);
                case "--label" -> label = v;
                case "--env" -> envSpec = v;
                case "--data-epochs" -> dataEpochs = count(a, v, 0);
                case "--warmup-epochs" -> warmup = count(a, v, 0);
                case "--epochs" -> epochs = count(a, v, 1);
                case "--seed" -> seed = count(a, v, 0);
                case "--loss" -> sets.add("model.loss=" + v);
                case "--set" -> sets.add(v);
                default -> throw new UsageException("unknown option '" + a + "'; options: --threads, --only, --iters, "
                        + "--warmup, --label, --env, --data-epochs, --warmup-epochs, --epochs, --loss, --seed, --set");
            }
        }
        if (only == null || !BENCHMARKS.contains(only)) {
            if (sets.contains("run.kernels=cuda")) return device(only, label.equals("vaml4j") ? "vaml4j-cuda" : label, iters, benchWarmup, out);
            return engine(only, threadList, label, new EngineBench.Protocol(iters, benchWarmup), out);
        }
        EnvRegistry registry = EnvRegistry.standard();
        Env env = registry.make(envSpec), evalEnv = registry.make(envSpec);
        Settings preset = Presets.resolve("mbpo", env.id(), sets);
        long start = preset.longValue("mbpo.start_steps", 2, Long.MAX_VALUE)
                + (long) dataEpochs * preset.integer("mbpo.epoch_length", 1, Integer.MAX_VALUE);
        sets.add(0, "mbpo.first_training_max_epochs=" + FIRST_TRAINING_CAP);   // the user's --set comes later and wins
        sets.add("mbpo.start_steps=" + start);
        Settings s = Presets.resolve("mbpo", env.id(), sets);
        Kernels kernels = RunKernels.select(s.string("run.kernels"), Math.max(1, s.integer("run.threads", 0, 1024)));
        MbpoAlgorithm algorithm = new MbpoAlgorithm();
        if (s.string("run.kernels").equals("cuda") && !algorithm.runsOnCuda(s)) {
            throw new UsageException("run.kernels=cuda: " + algorithm.gpuLimitation(s));
        }
        Mbpo mbpo = (Mbpo) algorithm.create(s, env, evalEnv, seed, kernels);
        out.println("MBPO_EPOCH " + env.id() + ", loss " + s.string("model.loss") + ", " + s.string("mbpo.updates_per_step")
                + " SAC updates per step, " + s.string("mbpo.rollout_batch") + " rollouts per training, JDK "
                + System.getProperty("java.version") + ", " + RunKernels.describe(s.string("run.kernels"), kernels));
        List<MbpoEpochBench.Epoch> result = MbpoEpochBench.run(mbpo, start, s.integer("mbpo.epoch_length", 1, Integer.MAX_VALUE),
                warmup, epochs, out);
        double wall = 0, cpu = 0;
        for (MbpoEpochBench.Epoch e : result) {
            wall += e.wallSeconds();
            cpu += e.cpuSeconds();
        }
        out.printf("MBPO_EPOCH mean %.1f s wall, %.1f s CPU of the calling thread per epoch over %d timed epochs "
                + "(anchor: 216 s, PyTorch MBPO on i9 + RTX 3080)%n", wall / result.size(), cpu / result.size(), result.size());
        return 0;
    }

    /** The device workloads named in {@code only} (null: all) on the GPU. */
    private static int device(String only, String label, int iters, int warmup, PrintStream out) {
        RunKernels.select("cuda", 1);   // one clear line when CUDA is not usable
        List<String> known = DeviceBench.names();
        List<String> names = only == null ? known : List.of(only.split(","));
        for (String n : names) {
            if (!known.contains(n)) {
                throw new UsageException("--only: unknown device workload '" + n + "'; accepted with run.kernels=cuda: "
                        + String.join(", ", known) + " (or MBPO_EPOCH alone)");
            }
        }
        EngineBench.printHeader(out, label, new EngineBench.Protocol(iters, warmup));
        try (CudaDevice gpu = Cuda.open()) {
            DeviceBench.run(label, gpu, names, iters, warmup, out);
        }
        return 0;
    }

    /** The engine workloads named in {@code only} (null: all) at each thread count of {@code threadList}. */
    private static int engine(String only, String threadList, String label, EngineBench.Protocol p, PrintStream out) {
        List<String> known = new ArrayList<>(EngineWorkloads.all().keySet());
        List<String> names = only == null ? known : List.of(only.split(","));
        for (String n : names) {
            if (!known.contains(n)) {
                throw new UsageException("--only: unknown workload '" + n + "'; accepted: " + String.join(", ", known)
                        + " (or MBPO_EPOCH alone)");
            }
        }
        List<Integer> threads = new ArrayList<>();
        for (String t : threadList.split(",")) threads.add(count("--threads", t.trim(), 1));
        EngineBench.printHeader(out, label, p);
        EngineBench.run(label, threads, names, p, out);
        return 0;
    }

    private static int count(String option, String v, int min) {
        try {
            int n = Integer.parseInt(v);
            if (n < min) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects an integer >= " + min + ", got '" + v + "'");
        }
    }
}
