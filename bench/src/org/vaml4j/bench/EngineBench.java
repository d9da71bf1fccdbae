package org.vaml4j.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;

/**
 * Times engine workloads with the protocol of the PyTorch anchor ({@code anchors/torch/bench.py}):
 * {@code warmup} untimed iterations, then {@code iters} samples of {@code inner} iterations each;
 * prints one CSV row per workload with bench.py's columns
 * {@code label,threads,workload,median_ms,min_ms,max_ms,iters,gflops_at_median,other_cpu,notes}.
 *
 * <p>other_cpu: cores other processes kept busy during the timed loop = (machine busy CPU seconds
 * from /proc/stat - this process's CPU seconds) / wall seconds; above ~0.1 the row is contaminated.
 * The notes also carry the bytes allocated per iteration by the calling thread and, separately, by
 * the kernel worker threads ({@link AllocationBench#workerThreadIds()}), averaged over the timed loop.
 */
public final class EngineBench {

    /** Timed samples, warm-up iterations (bench.py's defaults). */
    public record Protocol(int iters, int warmup) {

        /** bench.py's --heavy-iters 20 / --heavy-warmup 3 of its PREDICT workloads, never more than this protocol. */
        public Protocol heavy() {
            return new Protocol(Math.min(iters, 20), Math.min(warmup, 3));
        }
    }

    /** Minimum warm-up wall time per row. */
    static final double WARMUP_SECONDS = 1.0;

    private EngineBench() {}

    public static void printHeader(PrintStream out, String label, Protocol p) {
        out.println("# label: " + label);
        out.println("# vaml4j engine, JDK " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), "
                + Runtime.getRuntime().availableProcessors() + " cpus");
        out.println("# iters=" + p.iters() + " warmup=" + p.warmup() + " (ENSEMBLE_PREDICT: iters=" + p.heavy().iters() + " warmup="
                + p.heavy().warmup() + ") (and >= " + WARMUP_SECONDS + " s per row for the JIT)");
        out.println("# other_cpu = cores kept busy by other processes during the timed loop "
                + "(> ~0.1 means the row is contaminated by concurrent load)");
        out.println("label,threads,workload,median_ms,min_ms,max_ms,iters,gflops_at_median,other_cpu,notes");
    }

    /** Runs the named workloads at each thread count, one CSV row each. */
    public static void run(String label, List<Integer> threadCounts, List<String> names, Protocol p, PrintStream out) {
        Map<String, Function<Kernels, Workload>> registry = EngineWorkloads.all();
        for (int threads : threadCounts) {
            Kernels kn = KernelChoice.select("auto", threads);
            out.println("# threads=" + threads + ": " + KernelChoice.describe(kn));
            for (String name : names) {
                Workload w = registry.get(name).apply(kn);
                out.println(row(label, threads, w, p));
                out.flush();
            }
            if (kn instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing kernels", e);
                }
            }
        }
    }

    static String row(String label, int threads, Workload w, Protocol protocol) {
        Protocol p = w.heavy() ? protocol.heavy() : protocol;
        // warm-up: bench.py's iteration count, and at least WARMUP_SECONDS so C2 has compiled the
        // kernels (before that, Vector API values are boxed and timings are the interpreter's)
        long warmStart = System.nanoTime();
        for (int i = 0; i < p.warmup() || System.nanoTime() - warmStart < WARMUP_SECONDS * 1e9; i++) w.step().run();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] ms = new double[p.iters()];
        double busy0 = machineBusySeconds(), own0 = processCpuSeconds();
        long[] workers = AllocationBench.workerThreadIds();
        long workers0 = AllocationBench.allocated(workers);
        long alloc0 = mx.getCurrentThreadAllocatedBytes();
        long wall0 = System.nanoTime();
        for (int s = 0; s < p.iters(); s++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < w.inner(); i++) w.step().run();
            ms[s] = (System.nanoTime() - t0) / 1e6 / w.inner();
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        long allocPerIter = (mx.getCurrentThreadAllocatedBytes() - alloc0) / ((long) p.iters() * w.inner());
        long workersPerIter = (AllocationBench.allocated(workers) - workers0) / ((long) p.iters() * w.inner());
        double busy1 = machineBusySeconds(), own1 = processCpuSeconds();
        String other = busy0 < 0 || busy1 < 0 ? "n/a"
                : String.format("%.2f", Math.max(0, ((busy1 - busy0) - (own1 - own0)) / wall));
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;   // statistics.median
        String gflops = w.flops() > 0 ? String.format("%.1f", w.flops() / (median * 1e-3) / 1e9) : "";
        String notes = (w.notes() + "; alloc " + allocPerIter + " B/iter caller; " + workersPerIter + " B/iter workers")
                .replace(",", ";");
        return String.format("%s,%d,%s,%.3f,%.3f,%.3f,%d,%s,%s,%s", label, threads, w.name(), median, sorted[0],
                sorted[sorted.length - 1], p.iters(), gflops, other, notes);
    }

    /** CPU seconds all cores spent busy since boot (user+nice+system+irq+softirq), or -1. */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long jiffies = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                    + Long.parseLong(f[6]) + Long.parseLong(f[7]);
            return jiffies / 100.0;                                  // USER_HZ = 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }

    static double processCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }
}
