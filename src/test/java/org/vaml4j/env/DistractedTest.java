package org.vaml4j.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.classic.CartPoleContinuous;

class DistractedTest {

    private final EnvRegistry reg = EnvRegistry.standard();

    @Test
    void appendsDimensionsThatEvolveIndependentlyOfTheTask() {
        Env plain = reg.make("pendulum");
        Env wrapped = reg.make("pendulum+distract15");
        assertEquals("Pendulum-v1+distract15", wrapped.id());
        assertEquals(18, wrapped.observationSpace().flatDim());
        assertEquals(200, wrapped.maxEpisodeSteps());
        double[] o1 = plain.reset(5), o2 = wrapped.reset(5);
        assertArrayEquals(o1, Arrays.copyOf(o2, 3));
        DistractorDynamics d = new DistractorDynamics(15, new java.util.SplittableRandom(0));
        double[] x = d.initialState();
        assertArrayEquals(x, Arrays.copyOfRange(o2, 3, 18));
        for (int i = 0; i < 30; i++) {
            double[] a = {Math.sin(i) * 2};
            Transition t1 = plain.step(a), t2 = wrapped.step(a);
            d.step(x, 0);
            assertArrayEquals(t1.obs(), Arrays.copyOf(t2.obs(), 3));
            assertArrayEquals(x, Arrays.copyOfRange(t2.obs(), 3, 18), 0.0);
            assertEquals(t1.reward(), t2.reward());
            for (int j = 3; j < 18; j++) assertTrue(Math.abs(t2.obs()[j]) < 20);
        }
        // s0 again at every reset, not resampled
        assertArrayEquals(d.initialState(), Arrays.copyOfRange(wrapped.reset(), 3, 18));
    }

    @Test
    void functionsIgnoreTheDistractorDims() {
        Env env = reg.make("cartpole+distract:dims=3,seed=4");
        TaskFunctions f = env.functions();
        assertEquals(7, f.obsDim());
        assertFalse(f.terminated(new double[] {0, 0, 0, 0, 19, -19, 19}));
        assertTrue(f.terminated(new double[] {3, 0, 0, 0, 0, 0, 0}));
        boolean[] out = new boolean[2];
        f.terminations(2, new float[] {0, 0, 0, 0, 19, 19, 19, 0, 0, 0.3f, 0, 0, 0, 0}, out);
        assertArrayEquals(new boolean[] {false, true}, out);
        assertEquals(new CartPoleContinuous.Functions().reward(new double[4], new double[1], new double[4]),
                f.reward(new double[7], new double[1], new double[7]));
        // different seeds give different distractors
        double[] a = reg.make("cartpole+distract3:seed=1").reset(0), b = reg.make("cartpole+distract3:seed=2").reset(0);
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 4, 7), Arrays.copyOfRange(b, 4, 7)));
    }
}
