package org.vaml4j.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvRegistryTest {

    private final EnvRegistry reg = EnvRegistry.standard();

    @Test
    void namesAndAliasesMatchIgnoringCaseDashesAndUnderscores() {
        for (String n : List.of("pendulum", "Pendulum-v1", "PENDULUM_V1", "pendulum-v1", " Pendulum ")) {
            Env e = reg.make(n);
            assertEquals("Pendulum-v1", e.id(), n);
            assertEquals(200, e.maxEpisodeSteps());
        }
    }

    @Test
    void unknownNameListsTheValidNames() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> reg.make("pendullum"));
        assertTrue(ex.getMessage().contains("pendullum"), ex.getMessage());
        assertTrue(ex.getMessage().contains("Pendulum-v1"), ex.getMessage());
    }

    @Test
    void timeLimitOptionOverridesOrRemovesTheLimit() {
        assertEquals(7, reg.make("pendulum:time_limit=7").maxEpisodeSteps());
        assertEquals(0, reg.make("pendulum:time_limit=0").maxEpisodeSteps());
        Env e = reg.make("pendulum:time_limit=2");
        e.reset(1);
        e.step(new double[] {0});
        assertTrue(e.step(new double[] {0}).truncated());
    }

    @Test
    void taskOptionsAreParsedAndValidated() {
        Env heavy = reg.make("pendulum:g=20");
        Env normal = reg.make("pendulum");
        heavy.reset(5);
        normal.reset(5);
        assertFalse(java.util.Arrays.equals(heavy.step(new double[] {0}).obs(), normal.step(new double[] {0}).obs()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> reg.make("pendulum:mass=2"));
        assertTrue(unknown.getMessage().contains("accepted: g"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reg.make("pendulum:g=heavy"));
        assertThrows(IllegalArgumentException.class, () -> reg.make("pendulum:g"));
        assertThrows(IllegalArgumentException.class, () -> reg.make("pendulum:time_limit=-1"));
        assertThrows(IllegalArgumentException.class, () -> reg.make(""));
        assertThrows(IllegalArgumentException.class, () -> reg.make("pendulum+nosuchwrapper"));
    }

    @Test
    void duplicateNamesAreRejected() {
        EnvRegistry r = new EnvRegistry();
        r.register(EnvEntry.of("A-v0", "a", 0, org.vaml4j.env.classic.Pendulum::new, "a"));
        assertThrows(IllegalArgumentException.class,
                () -> r.register(EnvEntry.of("B-v0", "b", 0, org.vaml4j.env.classic.Pendulum::new, "A_V0")));
    }

    @Test
    void specParsing() {
        EnvSpec s = EnvSpec.parse("synthetic:hidden=64,seed=3+distract:dims=5");
        assertEquals("synthetic", s.task().name());
        assertEquals("64", s.task().options().get("hidden"));
        assertEquals(1, s.wrappers().size());
        assertEquals("5", s.wrappers().get(0).options().get("dims"));
        assertThrows(IllegalArgumentException.class, () -> EnvSpec.parse("a:x=1,x=2"));
        assertThrows(IllegalArgumentException.class, () -> EnvSpec.parse("a+"));
    }
}
