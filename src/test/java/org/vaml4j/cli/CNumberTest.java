package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** %.17g formatting, checked against every number C printed in a reference trajectory. */
class CNumberTest {

    @Test
    void reproducesCPrintfOfAReferenceFile() throws Exception {
        int n = 0;
        for (String file : new String[] {"swimmer", "reacher", "inverted_double_pendulum_passive"}) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    CNumberTest.class.getResourceAsStream("/org/vaml4j/sim/trajectories/" + file + ".csv"), StandardCharsets.UTF_8))) {
                r.readLine();
                for (String line; (line = r.readLine()) != null; ) {
                    for (String s : line.split(",")) {
                        assertEquals(s, CNumber.g17(Double.parseDouble(s)), "C printed " + s);
                        n++;
                    }
                }
            }
        }
        assertEquals(true, n > 5000);
    }

    @Test
    void edgeCases() {
        assertEquals("0", CNumber.g17(0.0));
        assertEquals("-0", CNumber.g17(-0.0));
        assertEquals("1", CNumber.g17(1.0));
        assertEquals("0.0001", CNumber.g17(1e-4));
        assertEquals("1.0000000000000001e-05", CNumber.g17(1e-5));
        assertEquals("1e+17", CNumber.g17(1e17));
        assertEquals("12345678901234568", CNumber.g17(12345678901234567.0));
        assertEquals("-2.5", CNumber.g17(-2.5));
    }
}
