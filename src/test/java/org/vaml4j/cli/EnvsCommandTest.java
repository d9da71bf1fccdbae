package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryTaskWithSpacesAndTimeLimits() {
        assertEquals(0, run("envs"));
        String text = out();
        assertTrue(text.matches("(?s).*Pendulum-v1 +Box\\(3\\) +Box\\(1\\) \\[-2, 2\\] +200 +pendulum.*"), text);
        assertTrue(text.matches("(?s).*MountainCarContinuous-v0 +Box\\(2\\) +Box\\(1\\) \\[-1, 1\\] +999.*"), text);
        assertTrue(text.contains("CartPoleContinuous"), text);
        assertTrue(text.contains("AcrobotContinuous"), text);
    }

    @Test
    void describesOneSpec() {
        assertEquals(0, run("envs", "pendulum:time_limit=50"));
        String text = out();
        assertTrue(text.contains("Pendulum-v1"), text);
        assertTrue(text.contains("50 steps"), text);
        assertTrue(text.contains("g=10.0 (gravity)"), text);
    }

    @Test
    void unknownSpecIsAUsageErrorListingTheNames() {
        assertEquals(2, run("envs", "pendulm"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("unknown env 'pendulm'") && e.contains("Pendulum-v1"), e);
        assertEquals(2, run("envs", "a", "b"));
    }

    @Test
    void helpDescribesTheSpecSyntax() {
        assertEquals(0, run("envs", "--help"));
        assertTrue(out().contains("time_limit=N"));
    }
}
