package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.kernel.device.Cuda;

class TrainCommandTest {

    /** A fast configuration: small networks, short warm-up, frequent evaluation and checkpoints. */
    static final String[] SMALL = {"--set", "sac.hidden_width=32", "--set", "sac.batch_size=32", "--set", "loop.start_steps=100",
        "--set", "loop.update_after=100", "--set", "loop.eval_every=200", "--set", "loop.eval_episodes=2",
        "--set", "run.checkpoint_every=150", "--set", "run.final_eval_episodes=2"};

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String[] train(Path out, long steps, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--algo", "sac", "--env", "pendulum:time_limit=50", "--seed", "1",
                "--steps", Long.toString(steps), "--out", out.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** progress.csv without the wall-time columns (steps_per_s, wall_s: the last two). */
    static List<String> progressWithoutTimes(Path run) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("progress.csv"))) {
            String[] cells = line.split(",", -1);
            rows.add(String.join(",", java.util.Arrays.copyOf(cells, cells.length - 2)));
        }
        return rows;
    }

    @Test
    void writesTheRunDirectoryAndTheSameSeedGivesTheSameProgress(@TempDir Path dir) throws Exception {
        Result a = run(train(dir.resolve("a"), 400));
        assertEquals(0, a.code(), a.err());
        Result b = run(train(dir.resolve("b"), 400));
        assertEquals(0, b.code(), b.err());
        for (String f : List.of("config.properties", "progress.csv", "summary.json", "checkpoint/state.bin", "checkpoint/agent.bin")) {
            assertTrue(Files.exists(dir.resolve("a").resolve(f)), f);
        }
        List<String> pa = progressWithoutTimes(dir.resolve("a"));
        assertEquals(9, pa.size());   // header + 8 episodes of 50 steps
        assertTrue(pa.get(0).startsWith("step,episode,episode_return,episode_length,eval_return,critic_loss,actor_loss,alpha_loss,alpha"));
        assertEquals(pa, progressWithoutTimes(dir.resolve("b")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/checkpoint/agent.bin")), Files.readAllBytes(dir.resolve("b/checkpoint/agent.bin")));
        String summary = Files.readString(dir.resolve("a/summary.json"));
        assertTrue(summary.contains("\"steps\": 400") && summary.contains("\"final_eval_return\""), summary);
        assertTrue(a.err().contains("step 400/400"), a.err());
        assertTrue(Files.readString(dir.resolve("a/config.properties")).contains("sac.hidden_width=32"));
    }

    @Test
    void aKilledRunResumesToTheSameResult(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight"), killed = dir.resolve("killed");
        assertEquals(0, run(train(straight, 1500)).code());

        // the same run in a child JVM, killed (SIGKILL) once it has checkpointed at least once
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(train(killed, 1500)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path state = killed.resolve("checkpoint/state.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(state) && progressRows(killed) >= 9) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(p.isAlive(), "the child finished before it could be killed; log: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly().waitFor();
        assertTrue(Files.exists(state));

        Result r = run(train(killed, 1500, "--resume"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(killed.resolve("summary.json")).contains("\"restored_checkpoint\": true"));
        assertArrayEquals(Files.readAllBytes(straight.resolve("checkpoint/agent.bin")), Files.readAllBytes(killed.resolve("checkpoint/agent.bin")));
        assertEquals(progressWithoutTimes(straight), progressWithoutTimes(killed));
    }

    static int progressRows(Path run) {
        try {
            return Files.exists(run.resolve("progress.csv")) ? Files.readAllLines(run.resolve("progress.csv")).size() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Test
    void badInputExitsWithTwoAndNamesTheChoices(@TempDir Path dir) throws Exception {
        Result algo = run("train", "--algo", "ppo", "--env", "pendulum", "--steps", "10", "--out", dir.toString());
        assertEquals(2, algo.code());
        assertTrue(algo.err().contains("unknown algorithm 'ppo'; algorithms:") && algo.err().contains("  sac ") && algo.err().contains("  mbpo "), algo.err());
        Result env = run("train", "--env", "pendulumm", "--steps", "10", "--out", dir.toString());
        assertEquals(2, env.code());
        assertTrue(env.err().contains("Pendulum-v1"), env.err());
        Result key = run("train", "--env", "pendulum", "--steps", "10", "--out", dir.toString(), "--set", "sac.lr=1");
        assertEquals(2, key.code());
        assertTrue(key.err().contains("unknown key 'sac.lr'") && key.err().contains("sac.actor_lr"), key.err());
        Result malformed = run("train", "--env", "pendulum", "--steps", "10", "--out", dir.toString(), "--set", "sac.gamma");
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("key=value"), malformed.err());
        Result value = run("train", "--env", "pendulum", "--steps", "10", "--out", dir.toString(), "--set", "sac.gamma=2");
        assertEquals(2, value.code());
        assertTrue(value.err().contains("sac.gamma=2"), value.err());
        Result option = run("train", "--env", "pendulum", "--stepz", "10");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("--steps"), option.err());
        assertEquals(2, run("train", "--env", "pendulum", "--out", dir.toString()).code());
        Result resume = run("train", "--env", "pendulum", "--steps", "10", "--out", dir.resolve("none").toString(), "--resume");
        assertEquals(2, resume.code());
        assertTrue(resume.err().contains("nothing to resume"), resume.err());
    }

    @Test
    void cudaWhereItCannotRunIsOneLineAndExitTwoWithNothingWritten(@TempDir Path dir) throws Exception {
        Cuda.Status gpu = Cuda.status();
        assumeFalse(gpu.usable(), "a GPU is usable here");
        Path run = Files.createDirectory(dir.resolve("run"));
        Result r = run("train", "--algo", "sac", "--env", "pendulum", "--steps", "10", "--out", run.toString(), "--set", "run.kernels=cuda");
        assertEquals(2, r.code(), r.err());
        assertEquals("vaml4j train: run.kernels=cuda: CUDA is not usable here: " + gpu.reason() + System.lineSeparator(), r.err());
        assertEquals("", r.out());
        try (var files = Files.list(run)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void existingRunIsProtectedAndResumeNeedsTheSameSettings(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("r");
        assertEquals(0, run(train(run, 100)).code());
        byte[] progress = Files.readAllBytes(run.resolve("progress.csv"));
        Result again = run(train(run, 100));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--resume"), again.err());
        Result changed = run(train(run, 200, "--resume", "--set", "sac.gamma=0.9"));
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("sac.gamma"), changed.err());
        assertArrayEquals(progress, Files.readAllBytes(run.resolve("progress.csv")));   // nothing damaged
        assertEquals(0, run(train(run, 200, "--resume")).code());   // more steps is fine
        assertEquals(5, Files.readAllLines(run.resolve("progress.csv")).size());
    }

    @Test
    void helpAndShowConfig() {
        Result help = run("train", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("usage: vaml4j train") && help.out().contains("--resume"), help.out());
        Result cfg = run("train", "--env", "pendulum", "--show-config", "--set", "sac.tau=0.01");
        assertEquals(0, cfg.code(), cfg.err());
        assertTrue(cfg.out().contains("sac.tau=0.01") && cfg.out().contains("sac.hidden_width="), cfg.out());
        assertTrue(Main.usage(Main.commands()).contains("train"));
    }
}
