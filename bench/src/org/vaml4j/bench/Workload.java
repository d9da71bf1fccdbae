package org.vaml4j.bench;

import java.util.function.Supplier;

/**
 * One timed engine workload, set up and ready: {@code step} is one iteration (of which
 * {@code inner} run per timed sample, as bench.py's inner repeats), {@code flops} the
 * floating-point operations of one iteration (0: no GFLOP/s column), {@code notes} the CSV note;
 * {@code heavy}: timed with bench.py's shorter protocol for its PREDICT workloads
 * ({@link EngineBench.Protocol#heavy()}); {@code state}: the arrays that hold what the steps
 * computed so far (parameters, last outputs), for fingerprints ({@link AllocationBench}).
 */
public record Workload(String name, Runnable step, long flops, int inner, boolean heavy, String notes,
                       Supplier<float[][]> state) {

    public Workload {
        if (inner < 1) throw new IllegalArgumentException("workload " + name + ": inner must be >= 1, got " + inner);
    }

    /** A workload timed with the normal protocol. */
    public Workload(String name, Runnable step, long flops, int inner, String notes, Supplier<float[][]> state) {
        this(name, step, flops, inner, false, notes, state);
    }
}
