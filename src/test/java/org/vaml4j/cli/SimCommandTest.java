package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vaml4j sim rollout}: the harness's CSV layout and values. */
class SimCommandTest {

    @Test
    void rolloutWritesTheHarnessFormat(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("reacher.csv");
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"sim", "rollout", "--task", "reacher", "--actions", "lcg", "--seed", "12345",
            "--steps", "200", "--out", out.toString()}, new PrintStream(o), new PrintStream(e));
        assertEquals(0, rc, e.toString());
        List<String> ours = Files.readAllLines(out);
        List<String> ref;
        try (var in = SimCommandTest.class.getResourceAsStream("/org/vaml4j/sim/trajectories/reacher.csv")) {
            ref = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(ref.get(0), ours.get(0), "header");
        assertEquals(ref.size(), ours.size(), "row 0 plus 200 steps");
        for (int k = 1; k < ref.size(); k++) {
            String[] a = ours.get(k).split(","), b = ref.get(k).split(",");
            assertEquals(b.length, a.length);
            assertEquals(b[0], a[0]);
            for (int i = 1; i < a.length; i++) {
                assertEquals(Double.parseDouble(b[i]), Double.parseDouble(a[i]), 1e-9, "row " + k + " column " + i);
            }
        }
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"sim", "rollout", "--task", "hopperx", "--out", dir.resolve("x").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(e));
        assertEquals(2, rc);
        assertTrue(e.toString().contains("swimmer"), e.toString());
        rc = Main.run(new String[] {"sim", "rollout", "--task", "swimmer"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(e));
        assertEquals(2, rc);
        assertTrue(e.toString().contains("--out is required"), e.toString());
    }
}
