package org.vaml4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;

/**
 * The engine's hot paths allocate at most {@link #BUDGET} bytes per iteration once warm: SAC_UPDATE,
 * ENSEMBLE_TRAIN, VALUE_GRAD_7x256 and ENSEMBLE_PREDICT ({@link EngineWorkloads}), each at 1 and
 * 16 kernel threads, counting the calling thread and the kernel worker threads
 * ({@link AllocationBench}: ThreadMXBean's per-thread allocated bytes). What remains today is the
 * tape's op records, 2-17 KB per iteration; the budget catches anything that scales with the data,
 * such as Vector API values boxed by C2 (17 MB per ENSEMBLE_TRAIN step before the fix in
 * {@code VectorLoops}) or per-row boxing.
 *
 * <p>Warm-up: until C2 has compiled the kernels, every Vector API value is boxed, and the boxing
 * this test guards against appeared only when C2 recompiled a dispatcher after ~600 calls
 * (ENSEMBLE_TRAIN: from step ~25 at 16 threads, ~36 at 1 thread, in a fresh JVM). So the 16-thread
 * rows run first with {@link #WARMUP_16} steps (each call runs once per part, which compiles the
 * loops sooner), the 1-thread rows after them with {@link #WARMUP_1}; then more steps while the JIT
 * is still compiling (on a loaded machine C2's queue held SAC_UPDATE's worker loops back for over
 * 70 steps; {@link AllocationBench#settle}, at most {@link #SETTLE_WINDOWS} windows); then up to
 * {@link #WINDOWS} windows, passing at the first one within the budget (a GC, deoptimization or late
 * compilation spoils a window, not the steady state; a real per-step allocation shows in every window). ENSEMBLE_PREDICT runs with
 * 7 x 2048 rows instead of 7 x 14286: the same code paths (every call above the SIMD and thread
 * thresholds, the same gemm split), a seventh of the time.
 *
 * <p>JVM: the checks run in a child JVM of the newest JDK installed under /usr/lib/jvm when it is
 * newer than this one (bin/vaml4j runs that one, and JDK 25 runs SIMD loops that JDK 17 leaves
 * scalar, exp and SiLU among them), else in this JVM; {@code -Dvaml4j.allocJava=/path/to/java}
 * names another, {@code =same} forces this JVM. About 10 s of CPU on a quiet machine.
 *
 * <p>Tagged {@code bench}, so {@code mvn verify} leaves it out: how soon C2 compiles the worker loops
 * depends on the machine's load, and on a loaded 2-core machine a clean clone's suite once saw
 * SAC_UPDATE's workers still interpreted (370 KB per step at 16 threads) after every window. Run it
 * with {@code mvn -Dgroups=bench -DexcludedGroups=learning,gpu -Dtest=HotPathAllocationTest test}.
 */
@Tag("bench")
class HotPathAllocationTest {

    /** Bytes per iteration, calling thread plus kernel workers. */
    static final long BUDGET = 32 * 1024;
    static final int WARMUP_16 = 40, WARMUP_1 = 15, WINDOWS = 8, SETTLE_WINDOWS = 40;
    static final int PREDICT_ROWS_PER_MEMBER = 2048;

    /** One checked workload: its warm-up scale (heavy ones get fewer steps per window). */
    private record Check(String name, Function<Kernels, Workload> factory, int perWindow) {}

    private static List<Check> checks() {
        return List.of(
                new Check("SAC_UPDATE", EngineWorkloads::sacUpdate, 4),
                new Check("ENSEMBLE_TRAIN", EnsembleWorkloads::ensembleTrain, 2),
                new Check("VALUE_GRAD_7x256", k -> EnsembleWorkloads.valueGrad(k, true), 2),
                new Check("ENSEMBLE_PREDICT", k -> EnsembleWorkloads.ensemblePredict(k, PREDICT_ROWS_PER_MEMBER), 1));
    }

    /** Child JVM entry point: prints {@link #measureAll()}'s lines. */
    public static void main(String[] args) {
        System.out.print(measureAll());
        System.out.flush();
    }

    /** One line per (threads, workload): {@code threads workload callerBytes workerBytes}, 16 threads first. */
    static String measureAll() {
        StringBuilder out = new StringBuilder();
        out.append("# JDK ").append(Runtime.version()).append('\n');
        for (int threads : new int[] {16, 1}) {
            Kernels kn = KernelChoice.select("auto", threads);
            try {
                for (Check c : checks()) {
                    Workload w = c.factory().apply(kn);
                    int warmup = (threads == 16 ? WARMUP_16 : WARMUP_1) / (c.perWindow() == 1 ? 4 : 1);
                    for (int i = 0; i < warmup; i++) w.step().run();
                    int settled = AllocationBench.settle(w.step(), c.perWindow(), SETTLE_WINDOWS * c.perWindow());
                    AllocationBench.PerIteration p = AllocationBench.measure(w.step(), 0, WINDOWS, c.perWindow(), BUDGET);
                    out.append(threads).append(' ').append(c.name()).append(' ').append(p.caller()).append(' ')
                            .append(p.workers()).append(" # warm-up ").append(warmup + settled).append(" steps\n");
                }
            } finally {
                if (kn instanceof AutoCloseable ac) {
                    try {
                        ac.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void hotPathsAllocateAtMostTheBudgetPerIterationOnceWarm() throws Exception {
        Optional<Path> java = childJava();
        String lines = java.isPresent() ? inChild(java.get()) : measureAll();
        System.out.print(lines);   // into the surefire report
        List<String> over = new ArrayList<>();
        int rows = 0;
        for (String line : lines.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.replaceAll("#.*", "").trim().split(" ");
            long total = Long.parseLong(f[2]) + Long.parseLong(f[3]);
            if (total > BUDGET) over.add(f[1] + " at " + f[0] + " threads: " + f[2] + " B caller + " + f[3] + " B workers");
            rows++;
        }
        assertEquals(2 * checks().size(), rows, "measurements:\n" + lines);
        assertTrue(over.isEmpty(), "bytes per iteration over " + BUDGET + " once warm: " + over + "\nall (threads workload caller workers, "
                + (java.isPresent() ? java.get() : "this JVM") + "):\n" + lines);
    }

    private static String inChild(Path java) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), HotPathAllocationTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(600, TimeUnit.SECONDS), "child JVM " + java + " did not finish");
        assertEquals(0, child.exitValue(), "child JVM " + java + " failed; output:\n" + out);
        return out;
    }

    /** The JVM to measure in: -Dvaml4j.allocJava (or none for "same"), else the newest JDK newer than this one, else none. */
    static Optional<Path> childJava() throws IOException {
        String named = System.getProperty("vaml4j.allocJava");
        if (named != null) return named.equals("same") ? Optional.empty() : Optional.of(Path.of(named));
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        int here = Runtime.version().feature();
        Path best = null;
        int bestMajor = here;
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path h : (Iterable<Path>) homes.sorted()::iterator) {
                if (!Files.isExecutable(h.resolve("bin/java"))) continue;
                int major = major(h);
                if (major > bestMajor) {
                    bestMajor = major;
                    best = h.resolve("bin/java");
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The major version from the JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}), or -1. */
    private static int major(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                    .map(l -> l.substring(l.indexOf('"') + 1)).map(v -> Integer.parseInt(v.split("[.\"]")[0])).orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
