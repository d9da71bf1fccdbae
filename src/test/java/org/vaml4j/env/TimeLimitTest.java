package org.vaml4j.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.env.classic.Pendulum;

class TimeLimitTest {

    @Test
    void truncatesOnTheStepThatReachesTheLimit() {
        Env env = new TimeLimit(new Pendulum(), 3);
        assertEquals(3, env.maxEpisodeSteps());
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0}));
        env.reset(0);
        assertFalse(env.step(new double[] {0}).truncated());
        assertFalse(env.step(new double[] {0}).truncated());
        Transition last = env.step(new double[] {0});
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertTrue(last.done());
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0}));
        env.reset();
        assertFalse(env.step(new double[] {0}).truncated());
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit(new Pendulum(), 0));
    }
}
