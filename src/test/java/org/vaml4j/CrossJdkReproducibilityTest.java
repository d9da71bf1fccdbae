package org.vaml4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.env.Box;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.env.Transition;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.Mbpo;
import org.vaml4j.mbrl.MbpoConfig;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.ModelTrainerConfig;
import org.vaml4j.mbrl.TruncatedLinear;
import org.vaml4j.mbrl.ValueAwareMbrl;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.OffPolicyLoopConfig;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacTrainer;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.TrainingListener;

/**
 * One seed gives the same run, to the bit, on every JDK: short trainings are fingerprinted
 * (SHA-256 of their whole checkpoint state: parameters, optimizer moments, buffers, random
 * streams) here and in a child JVM of another installed JDK (17 vs 25), and must agree.
 *
 * <p>What it catches: Gaussian draws from the JDK's {@code nextGaussian} (JDK 17 and 25 part after
 * 2 088 998 draws of one stream), a {@code Math.exp/log/tanh/sin/cos/pow/atan2} call on a training path
 * (HotSpot intrinsics whose last bits differ between JDK versions: {@code Math.tanh} became one in
 * JDK 24), a kernel whose scalar and SIMD paths differ where the SIMD path is chosen by JDK version
 * (exp-based loops run SIMD on JDK 25 only), anything else version-dependent. The workloads use
 * the vector kernels at sizes that take the SIMD paths (model batches of 5 x 256 x 64 SiLU units).
 * Run against the code before the fix (Math.* and the JDK-dependent SIMD choice), sac, hopper,
 * ant and humanoid agreed on this machine (AVX2) but va-mbrl did not: its first model training
 * already differed (the CLI logged a validation loss of 1.2896009094836782 on JDK 17 and
 * 1.2896008769497735 on JDK 25). A {@code Math.*} call is caught when its inputs hit one of the
 * values where the intrinsic's last bit differs, which a few hundred training steps usually do.
 *
 * <p>Skipped (assumption) when no second JDK is installed under /usr/lib/jvm or named by the
 * system property {@code vaml4j.otherJava}. About 6 s of CPU in each JVM, the child started after
 * this JVM's runs.
 */
class CrossJdkReproducibilityTest {

    /** Prints this JVM's fingerprints, one {@code name=sha256} per line (the child JVM's entry point). */
    public static void main(String[] args) throws Exception {
        System.out.print(fingerprints(Path.of(args[0])));
    }

    static String fingerprints(Path dir) throws IOException {
        Kernels kn = KernelChoice.select("auto", 1);
        EnvRegistry envs = EnvRegistry.standard();
        StringBuilder out = new StringBuilder();

        // ---- Gaussian draws (the JDK's own nextGaussian differs between 17 and 25 after ~2M draws) ----
        Rng g = new Rng(42);
        ByteBuffer draws = ByteBuffer.allocate(8 * 3_000_000);
        for (int i = 0; i < 3_000_000; i++) draws.putDouble(g.nextGaussian());
        out.append("gaussian=").append(sha256(draws.array())).append('\n');

        // ---- SAC on Pendulum: 100 random steps, then 100 steps with one update each ----
        SacConfig sac = SacConfig.defaults().withHidden(2, 64).withBatchSize(128);
        SacTrainer s = new SacTrainer(envs.make("pendulum"), envs.make("pendulum"), sac,
                new OffPolicyLoopConfig(100_000, 100, 100, 1, 10_000, 1), 0, kn);
        s.train(200, TrainingListener.none());
        out.append("sac=").append(stateHash(s, dir.resolve("sac.bin"))).append('\n');

        // ---- va-mbrl + ma-l1 on Pendulum: Gaussian ensemble, 2 model trainings, corrections, SAC updates ----
        MbpoConfig mbpo = new MbpoConfig(200, 200, 400, TruncatedLinear.constant(1), 1, 2,
                TruncatedLinear.constant(0.95), 200, 100_000, 1, 10_000);
        Mbpo m = new Mbpo("va-mbrl", envs.make("pendulum"), envs.make("pendulum"), mbpo, sac,
                new DynamicsConfig(5, 3, 3, 64, ModelHead.GAUSSIAN, false),
                new ModelTrainerConfig(256, 1e-3, new double[] {1e-5}, 0.2, 5000, 5, 10, 1),
                ModelLosses.create("ma-l1"), new ValueAwareMbrl(new ValueAwareMbrl.Config(1, 512, 2), 10_000, kn), 0, kn);
        m.train(400, TrainingListener.none());
        out.append("va-mbrl=").append(stateHash(m, dir.resolve("va-mbrl.bin"))).append('\n');

        // ---- the simulator: random actions on tasks with hinge, slide, free and ball joints and contacts ----
        for (String task : List.of("hopper", "ant", "humanoid")) out.append(task).append('=').append(simHash(envs.make(task))).append('\n');
        return out.toString();
    }

    private static String stateHash(Trainer t, Path file) throws IOException {
        try (ArchiveWriter w = ArchiveWriter.create(file, "checkpoint")) {
            t.writeState(w);
            w.commit();
        }
        return sha256(Files.readAllBytes(file));
    }

    /** SHA-256 of the observations and rewards of 300 steps with uniform random actions (resets included). */
    private static String simHash(Env env) {
        Rng rng = new Rng(3);
        Box a = (Box) env.actionSpace();
        ByteBuffer b = ByteBuffer.allocate(8 * 300 * (env.observationSpace().flatDim() + 1));
        double[] obs = env.reset(1);
        double[] action = new double[a.flatDim()];
        for (int t = 0; t < 300; t++) {
            for (int i = 0; i < action.length; i++) action[i] = a.low(i) + rng.nextDouble() * (a.high(i) - a.low(i));
            Transition tr = env.step(action);
            for (double v : tr.obs()) b.putDouble(v);
            b.putDouble(tr.reward());
            if (tr.terminated() || tr.truncated()) env.reset();
        }
        return sha256(b.array());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sameFingerprintsOnTheOtherJdk(@TempDir Path dir) throws Exception {
        Optional<Path> other = otherJava();
        assumeTrue(other.isPresent(), "no second JDK (major version other than " + Runtime.version().feature()
                + ") under /usr/lib/jvm and no -Dvaml4j.otherJava");
        String here = fingerprints(dir.resolve("here"));
        // the child runs after ours, not beside it: the machine's cores are shared
        Process child = new ProcessBuilder(other.get().toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), CrossJdkReproducibilityTest.class.getName(),
                dir.resolve("child").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String there = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), "child JVM " + other.get() + " failed");
        assertEquals(here, there, "fingerprints on JDK " + Runtime.version().feature() + " (expected) vs " + other.get());
    }

    /** A java binary of another major version: -Dvaml4j.otherJava, else the first under /usr/lib/jvm. */
    static Optional<Path> otherJava() throws IOException {
        String named = System.getProperty("vaml4j.otherJava");
        if (named != null) return Optional.of(Path.of(named));
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.sorted().filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> major(h).filter(v -> v != Runtime.version().feature()).isPresent())
                    .map(h -> h.resolve("bin/java")).findFirst();
        }
    }

    /** The major version from the JDK's {@code release} file ({@code JAVA_VERSION="17.0.15"}). */
    private static Optional<Integer> major(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                    .map(l -> l.substring(l.indexOf('"') + 1)).map(v -> Integer.parseInt(v.split("[.\"]")[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
