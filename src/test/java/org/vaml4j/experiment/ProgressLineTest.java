package org.vaml4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    long now;

    @Test
    void terminalRewritesOneLineInPlace() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(b, true, StandardCharsets.UTF_8), true, 0, 1000, 10, () -> now);
        now = 100_000_000L;
        line.step(10);   // within 0.2 s: nothing
        now = 1_000_000_000L;
        line.episode(-123.45);
        line.step(100);
        String s = b.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\rstep 100/1000 (10%)  100.0 steps/s  elapsed 1s  eta 9s  return -123.5  eval -"), s);
        line.finish(1000);
        assertTrue(b.toString(StandardCharsets.UTF_8).endsWith("\n"));
    }

    @Test
    void logFileGetsPeriodicPlainLines() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(b, true, StandardCharsets.UTF_8), false, 500, 2500, 10, () -> now);
        for (int i = 1; i <= 30; i++) {
            now = i * 1_000_000_000L;
            line.step(500 + 50L * i);
        }
        String[] lines = b.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);   // at 10 s, 20 s, 30 s
        assertTrue(lines[0].startsWith("step 1000/2500 (40%)  50.0 steps/s  elapsed 10s  eta 30s"), lines[0]);
        assertTrue(!b.toString(StandardCharsets.UTF_8).contains("\r"));
        assertEquals("1h01m", ProgressLine.duration(3660));
    }
}
