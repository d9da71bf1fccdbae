package org.vaml4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void resolvesDefaultsThenTaskPresetThenOverrides() throws Exception {
        Settings d = Presets.defaults("sac");
        assertEquals("256", d.string("sac.hidden_width"));
        assertEquals("10000", d.string("run.checkpoint_every"));   // run.* keys come with every algorithm
        Settings s = Presets.resolve("sac", "Pendulum-v1", List.of("sac.tau=0.01", " sac.gamma = 0.9 "));
        assertEquals("0.01", s.string("sac.tau"));
        assertEquals("0.9", s.string("sac.gamma"));
        Settings task = Presets.taskPreset("sac", "Pendulum-v1");
        assertTrue(task != null && task.has("loop.start_steps"), "pendulum preset");
        assertEquals(task.string("loop.start_steps"), s.string("loop.start_steps"));
        assertEquals(null, Presets.taskPreset("sac", "NoSuchTask-v0"));
    }

    @Test
    void unknownKeysAndMalformedOverridesNameTheValidKeys() {
        var e = assertThrows(IllegalArgumentException.class, () -> Presets.resolve("sac", "x", List.of("sac.nope=1")));
        assertTrue(e.getMessage().contains("unknown key 'sac.nope'") && e.getMessage().contains("sac.tau"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Presets.resolve("sac", "x", List.of("=1")));
        assertThrows(IllegalArgumentException.class, () -> Presets.resolve("sac", "x", List.of("sac.tau")));
        assertThrows(IllegalArgumentException.class, () -> Presets.resolve("sac", "x", List.of("sac.tau=")));
        assertThrows(IllegalStateException.class, () -> Presets.defaults("nope"));
    }

    @Test
    void typedGettersExplainBadValues() throws Exception {
        Settings s = new Settings(Map.of("a", "12", "b", "x", "c", "0.5", "d", "maybe", "e", "1_000"));
        assertEquals(12, s.integer("a", 0, 100));
        assertEquals(1000, s.longValue("e", 0, 10_000));
        assertEquals(0.5, s.real("c", 0, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.integer("a", 0, 10)).getMessage().contains("[0, 10]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.real("b", 0, 1)).getMessage().contains("b=x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.bool("d")).getMessage().contains("true or false"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.choice("b", List.of("y", "z"))).getMessage().contains("[y, z]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.string("zz")).getMessage().contains("missing"));
    }

    @Test
    void propertiesTextRoundTripsAndDifferencesAreListed() throws Exception {
        Settings s = new Settings(Map.of("k.a", "1", "k.b", "with spaces = and # hash", "k.c", "ünï"));
        Settings back = Settings.parse(new StringReader(s.toPropertiesText("header\nsecond line")), "test");
        assertEquals(s.asMap(), back.asMap());
        assertEquals(List.of("k.a (1 vs 2)", "k.d (null vs 3)"), s.differences(s.with("k.a", "2").with("k.d", "3")));
    }
}
