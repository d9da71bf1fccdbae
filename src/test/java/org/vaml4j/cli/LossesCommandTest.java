package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vaml4j.mbrl.loss.ModelLosses;

class LossesCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listsEveryLossWithItsPaper() {
        assertEquals(0, run("losses"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String n : ModelLosses.names()) assertTrue(text.contains("  " + n + " "), n + " missing in\n" + text);
        assertTrue(text.matches("(?s).*vagram +MSE weighted.*\\[VaGraM eq\\. 7, Alg\\. 1, App\\. E\\].*"), text);
        assertTrue(text.contains("[Lovatto et al. eq. 10]"), text);
    }

    @Test
    void showsOneLossesOptions() {
        assertEquals(0, run("losses", "reg-vaml"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("0:1,10000:1,10000:0.001,60000:0"), text);
        assertTrue(text.contains("needs the agent's value functions"), text);
    }

    @Test
    void unknownNameListsTheLosses() {
        assertEquals(2, run("losses", "vagrm"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("unknown loss 'vagrm'"), e);
        for (String n : ModelLosses.names()) assertTrue(e.contains(n), e);
    }
}
