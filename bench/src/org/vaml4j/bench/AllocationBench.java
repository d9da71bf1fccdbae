package org.vaml4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;

/**
 * Heap bytes a workload allocates per iteration once warm, counted on the calling thread and on
 * the kernel worker threads ({@code vaml4j-kernels-*}, the {@code WorkerPool} team) separately,
 * with {@link com.sun.management.ThreadMXBean}'s per-thread counters. Steady state: after
 * {@code warmup} iterations, the minimum over {@code windows} windows of {@code perWindow}
 * iterations (a window in which the JIT still boxes Vector API values, or a GC or deoptimization
 * hits, is not the steady state; a real per-iteration allocation shows in every window).
 *
 * <p>Also the fingerprint of a workload: SHA-256 of its state ({@link Workload#state()}, the
 * parameters or last outputs) after a number of steps, to check that a change leaves every bit of
 * the results as it was, at every thread count.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/vaml4j-0.1.0.jar org.vaml4j.bench.AllocationBench \
 *     alloc SAC_UPDATE,ENSEMBLE_TRAIN 1,2,16 [warmup=200] [windows=5] [perWindow=4]
 * java ... org.vaml4j.bench.AllocationBench fingerprint SAC_UPDATE,ENSEMBLE_TRAIN 1,2,16 [steps=20]
 * java ... org.vaml4j.bench.AllocationBench trace ENSEMBLE_TRAIN 1 [steps=300]   # bytes of every step, from the first
 * </pre>
 */
public final class AllocationBench {

    /** Name prefix of the kernel worker threads ({@code WorkerPool}). */
    public static final String WORKER_PREFIX = "vaml4j-kernels-";

    /** Bytes per iteration, steady state: on the calling thread and on the kernel workers (minimum window of their sum). */
    public record PerIteration(long caller, long workers) {
        public long total() { return caller + workers; }
    }

    private AllocationBench() {}

    private static com.sun.management.ThreadMXBean mx() {
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    /** Ids of the live kernel worker threads. */
    public static long[] workerThreadIds() {
        var mx = mx();
        long[] all = mx.getAllThreadIds();
        ThreadInfo[] infos = mx.getThreadInfo(all);
        long[] ids = new long[all.length];
        int n = 0;
        for (ThreadInfo info : infos) {
            if (info != null && info.getThreadName().startsWith(WORKER_PREFIX)) ids[n++] = info.getThreadId();
        }
        return Arrays.copyOf(ids, n);
    }

    /** Sum of the allocated-bytes counters of the given threads (a thread that has ended counts 0). */
    public static long allocated(long[] ids) {
        if (ids.length == 0) return 0;
        long sum = 0;
        for (long b : mx().getThreadAllocatedBytes(ids)) sum += Math.max(0, b);
        return sum;
    }

    /**
     * Runs windows of {@code perWindow} steps until one passes without the JIT compiling anything
     * (CompilationMXBean's total compilation time unchanged), at most {@code maxSteps} steps;
     * returns the steps run. On a loaded machine C2's queue can hold a loop back for many steps,
     * and until it is compiled its vectors are boxed.
     */
    public static int settle(Runnable step, int perWindow, int maxSteps) {
        var jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return 0;
        int steps = 0;
        while (steps < maxSteps) {
            long t0 = jit.getTotalCompilationTime();
            for (int i = 0; i < perWindow; i++) step.run();
            steps += perWindow;
            if (jit.getTotalCompilationTime() == t0) break;
        }
        return steps;
    }

    /** Runs {@code warmup} steps, then returns the steady-state bytes per step (see the class comment). */
    public static PerIteration measure(Runnable step, int warmup, int windows, int perWindow) {
        return measure(step, warmup, windows, perWindow, -1);
    }

    /**
     * {@link #measure}, stopping at the first window whose total is at most {@code enough} bytes
     * per step (so a check against a budget passes after one window; a real per-step allocation
     * still runs all windows and reports the smallest).
     */
    public static PerIteration measure(Runnable step, int warmup, int windows, int perWindow, long enough) {
        for (int i = 0; i < warmup; i++) step.run();
        var mx = mx();
        long[] workers = workerThreadIds();   // the team has started during the warm-up
        long self = Thread.currentThread().getId();
        PerIteration best = null;
        for (int w = 0; w < windows; w++) {
            long w0 = allocated(workers);
            long c0 = mx.getThreadAllocatedBytes(self);
            for (int i = 0; i < perWindow; i++) step.run();
            long c1 = mx.getThreadAllocatedBytes(self);
            long w1 = allocated(workers);
            PerIteration p = new PerIteration((c1 - c0) / perWindow, (w1 - w0) / perWindow);
            if (best == null || p.total() < best.total()) best = p;
            if (best.total() <= enough) break;
        }
        return best;
    }

    /** SHA-256 (hex) of the arrays' float bits, in order. */
    public static String fingerprint(float[][] state) {
        int n = 0;
        for (float[] a : state) n += a.length;
        ByteBuffer b = ByteBuffer.allocate(4 * n + 4 * state.length);
        for (float[] a : state) {
            b.putInt(a.length);
            for (float v : a) b.putInt(Float.floatToRawIntBits(v));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: AllocationBench alloc|fingerprint WORKLOAD[,..] THREADS[,..] [warmup=N windows=N perWindow=N | steps=N]");
            System.exit(2);
        }
        Map<String, Function<Kernels, Workload>> registry = EngineWorkloads.all();
        List<String> names = List.of(args[1].split(","));
        List<Integer> threads = new ArrayList<>();
        for (String t : args[2].split(",")) threads.add(Integer.parseInt(t.trim()));
        int warmup = 200, windows = 5, perWindow = 4, steps = 20;
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=");
            int v = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "warmup" -> warmup = v;
                case "windows" -> windows = v;
                case "perWindow" -> perWindow = v;
                case "steps" -> steps = v;
                default -> throw new IllegalArgumentException("unknown option " + kv[0]);
            }
        }
        String mode = args[0];
        boolean alloc = mode.equals("alloc");
        System.out.println("# JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus, "
                + (alloc ? "warmup=" + warmup + " windows=" + windows + " perWindow=" + perWindow : "steps=" + steps));
        System.out.println(alloc ? "threads,workload,caller_bytes_per_iter,worker_bytes_per_iter,total" : "threads,workload,sha256");
        for (int t : threads) {
            Kernels kn = KernelChoice.select("auto", t);
            System.out.println("# threads=" + t + ": " + KernelChoice.describe(kn));
            for (String name : names) {
                Workload w = registry.get(name).apply(kn);
                if (alloc) {
                    PerIteration p = measure(w.step(), warmup, windows, perWindow);
                    System.out.println(t + "," + name + "," + p.caller() + "," + p.workers() + "," + p.total());
                } else if (mode.equals("trace")) {
                    StringBuilder line = new StringBuilder(t + "," + name + ":");
                    for (int i = 0; i < steps; i++) line.append(' ').append(measure(w.step(), 0, 1, 1).total());
                    System.out.println(line);
                } else {
                    for (int i = 0; i < steps; i++) w.step().run();
                    System.out.println(t + "," + name + "," + fingerprint(w.state().get()));
                }
                System.out.flush();
            }
            if (kn instanceof AutoCloseable c) c.close();
        }
    }
}
