package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.device.Cuda;

/** {@code vaml4j bench}: the CSV of one engine workload, and the usage errors. */
class BenchCommandTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void oneWorkloadGivesTheAnchorsColumnsAndOneRow() {
        String[] r = run("bench", "--only", "GEMM_256x200x200", "--threads", "1", "--iters", "3", "--warmup", "0", "--label", "t");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertEquals("label,threads,workload,median_ms,min_ms,max_ms,iters,gflops_at_median,other_cpu,notes", lines[0]);
        assertEquals(2, lines.length, r[1]);
        String[] cells = lines[1].split(",");
        assertEquals(10, cells.length, lines[1]);
        assertEquals("t", cells[0]);
        assertEquals("1", cells[1]);
        assertEquals("GEMM_256x200x200", cells[2]);
        assertTrue(Double.parseDouble(cells[3]) > 0, lines[1]);
        assertEquals("3", cells[6]);
        assertTrue(Double.parseDouble(cells[7]) > 0, lines[1]);
        // the figure itself is 0 only once C2 has compiled the SIMD gemm, which a loaded machine
        // may not reach within the 1 s warm-up: check the note, not the JIT's progress
        assertTrue(cells[9].matches(".*; alloc \\d+ B/iter caller; \\d+ B/iter workers"), cells[9]);
    }

    @Test
    void mbpoEpochTimesEachEpochByPhase() {
        String[] r = run("bench", "--only", "MBPO_EPOCH", "--env", "pendulum", "--data-epochs", "1", "--warmup-epochs", "1", "--epochs", "1",
                "--set", "mbpo.start_steps=200", "--set", "mbpo.epoch_length=100", "--set", "mbpo.train_every=100",
                "--set", "mbpo.rollout_batch=100", "--set", "mbpo.updates_per_step=1", "--set", "sac.hidden_width=16",
                "--set", "sac.batch_size=16", "--set", "model.members=2", "--set", "model.elites=1", "--set", "model.hidden_width=8",
                "--set", "model.max_epochs=2", "--set", "mbpo.first_training_max_epochs=1", "--set", "run.threads=1");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("MBPO_EPOCH warm-up epoch 0"), r[1]);
        assertTrue(r[1].lines().anyMatch(l -> l.matches("MBPO_EPOCH epoch 1: [0-9.]+ s wall, [0-9.]+ s CPU .*real 500, .*")), r[1]);
        assertTrue(r[1].contains("MBPO_EPOCH mean"), r[1]);
    }

    @Test
    void mbpoEpochWithCudaWhereItCannotRunIsOneLineAndExitTwo() {
        Cuda.Status gpu = Cuda.status();
        assumeFalse(gpu.usable(), "a GPU is usable here");
        String[] r = run("bench", "--only", "MBPO_EPOCH", "--env", "pendulum", "--set", "run.kernels=cuda");
        assertEquals("2", r[0], r[2]);
        assertEquals("vaml4j bench: run.kernels=cuda: CUDA is not usable here: " + gpu.reason() + System.lineSeparator(), r[2]);
        assertEquals("", r[1]);
    }

    @Test
    void ensembleWorkloadsGiveOneFiniteRowEach() {
        String[] names = {"ENSEMBLE_TRAIN", "ENSEMBLE_PREDICT", "VALUE_GRAD", "VALUE_GRAD_7x256", "GEMM_256x14x200"};
        String[] r = run("bench", "--only", String.join(",", names), "--threads", "1", "--iters", "1", "--warmup", "0", "--label", "t");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertEquals(names.length + 1, lines.length, r[1]);
        for (int i = 0; i < names.length; i++) {
            String[] cells = lines[i + 1].split(",");
            assertEquals(10, cells.length, lines[i + 1]);
            assertEquals(names[i], cells[2]);
            assertEquals("1", cells[6], lines[i + 1]);
            for (int c = 3; c <= 5; c++) {
                double ms = Double.parseDouble(cells[c]);
                assertTrue(Double.isFinite(ms) && ms > 0, lines[i + 1]);
            }
            boolean counted = !names[i].startsWith("VALUE_GRAD");   // bench.py gives VALUE_GRAD no GFLOP/s
            assertEquals(counted, !cells[7].isEmpty(), lines[i + 1]);
            if (counted) assertTrue(Double.isFinite(Double.parseDouble(cells[7])) && Double.parseDouble(cells[7]) > 0, lines[i + 1]);
        }
    }

    @Test
    void unknownWorkloadListsTheAcceptedOnes() {
        String[] r = run("bench", "--only", "GEMM_3x3x3");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown workload 'GEMM_3x3x3'; accepted: SAC_UPDATE, GEMM_256x200x200"), r[2]);
    }

    @Test
    void threadsMustBePositiveIntegers() {
        String[] r = run("bench", "--threads", "1,zero");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--threads expects an integer >= 1, got 'zero'"), r[2]);
    }

    @Test
    void simFlagRunsTheSimulatorBenchmark() {
        String[] r = run("bench", "--sim", "--tasks", "inverted_pendulum", "--steps", "300", "--repeats", "1");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("InvertedPendulum") || r[1].contains("inverted_pendulum"), r[1]);
    }
}
