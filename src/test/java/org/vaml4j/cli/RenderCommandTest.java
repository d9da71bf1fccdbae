package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.rl.Sac;

class RenderCommandTest {

    @TempDir
    static Path runs;
    static Path pendulum, hopper;

    /** Two short SAC runs with small networks: Pendulum and Hopper. */
    @BeforeAll
    static void train() {
        pendulum = runs.resolve("pendulum");
        hopper = runs.resolve("hopper");
        for (String[] r : new String[][] {{"pendulum:time_limit=50", pendulum.toString()}, {"hopper", hopper.toString()}}) {
            List<String> a = new ArrayList<>(List.of("train", "--algo", "sac", "--env", r[0], "--seed", "2", "--steps", "300", "--out", r[1]));
            a.addAll(List.of(TrainCommandTest.SMALL));
            TrainCommandTest.Result t = TrainCommandTest.run(a.toArray(String[]::new));
            assertEquals(0, t.code(), t.err());
        }
    }

    static TrainCommandTest.Result render(String... args) {
        List<String> a = new ArrayList<>(List.of("render"));
        a.addAll(List.of(args));
        return TrainCommandTest.run(a.toArray(String[]::new));
    }

    @Test
    void aTrainedHopperBecomesAPlayerAndAStrip(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("hopper.html"), svg = dir.resolve("out/hopper.svg");
        TrainCommandTest.Result h = render("--run", hopper.toString(), "--out", html.toString());
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("Hopper-v4, trained sac policy of " + hopper), h.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<canvas") && page.contains("vaml4jPlayer("), "a player page");
        TrainCommandTest.Result s = render("--env", "hopper", "--run", hopper.toString(), "--camera", "side", "--out", svg.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(Files.readString(svg).startsWith("<svg"), "an SVG strip, its directory created");
        // the same command gives the same file: the episode and the drawing are functions of the run and the seed
        TrainCommandTest.Result again = render("--run", hopper.toString(), "--out", dir.resolve("again.html").toString());
        assertEquals(0, again.code(), again.err());
        assertArrayEquals(Files.readAllBytes(html), Files.readAllBytes(dir.resolve("again.html")));
    }

    @Test
    void theTrainedActorIsReadFromTheRun() throws Exception {
        Env env = EnvRegistry.standard().make("pendulum");
        Settings s = RunPolicy.settings(pendulum);
        RunPolicy.Loaded loaded = RunPolicy.load(pendulum, s, env);
        assertEquals(pendulum.resolve("checkpoint/agent.bin"), loaded.weights());
        double[] obs = {0.6, 0.8, -1.5};
        double[] a = loaded.policy().act(obs);
        assertArrayEquals(a, loaded.policy().act(obs), 0, "deterministic");
        assertTrue(Math.abs(a[0]) <= 2, "inside Pendulum's action box [-2, 2]: " + a[0]);
        // the actor RunPolicy starts from before reading the weights acts otherwise
        Sac fresh = new Sac(3, 1, SacAlgorithm.sacConfig(s), new ScalarKernels(), new SplittableRandom(0));
        float[] u = new float[1];
        fresh.act(new float[] {0.6f, 0.8f, -1.5f}, 1, u, true, null);
        assertNotEquals(2.0 * u[0], a[0], 1e-6);
    }

    @Test
    void anUnfinishedRunActsWithItsLastCheckpoint(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("run");
        Files.createDirectories(copy.resolve("checkpoint"));
        for (String f : List.of("config.properties", "checkpoint/state.bin")) Files.copy(pendulum.resolve(f), copy.resolve(f));
        TrainCommandTest.Result c = render("--run", copy.toString(), "--out", dir.resolve("c.svg").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("(last checkpoint)"), c.out());
        Files.delete(copy.resolve("checkpoint/state.bin"));
        TrainCommandTest.Result none = render("--run", copy.toString(), "--out", dir.resolve("n.svg").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("holds no trained networks yet"), none.err());
    }

    @Test
    void badInputIsRefusedWithTheAcceptedValues(@TempDir Path dir) {
        String out = dir.resolve("x.html").toString();
        String[][] cases = {
            {"--out must end in .html or .svg", "--env", "hopper", "--out", dir.resolve("x.png").toString()},
            {"--run and --random exclude each other", "--run", pendulum.toString(), "--random", "--out", out},
            {"cameras: track, side, top", "--env", "hopper", "--camera", "orbit", "--out", out},
            {"--camera applies to the simulator tasks", "--env", "pendulum", "--camera", "top", "--out", out},
            {"it draws the simulator tasks", "--env", "gridworld", "--out", out},
            {"is not a run directory", "--run", dir.toString(), "--out", out},
            {"is not the task of --run", "--env", "hopper", "--run", pendulum.toString(), "--out", out},
            {"--env is required", "--random", "--out", out},
            {"--out FILE.html or --out FILE.svg is required", "--env", "hopper"},
            {"--steps must be >= 1", "--env", "hopper", "--steps", "0", "--out", out},
            {"unknown option '--frames'", "--env", "hopper", "--frames", "3", "--out", out},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            TrainCommandTest.Result r = render(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(c[0]), "expected '" + c[0] + "' in: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.html")), "nothing written on bad input");
    }

    @Test
    void helpAndTheCommandList() {
        TrainCommandTest.Result h = render("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--camera MODE") && h.out().contains("#frame=N"), h.out());
        TrainCommandTest.Result list = TrainCommandTest.run("--help");
        assertTrue(list.out().contains("render "), list.out());
    }
}
