package org.vaml4j.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The TaskFunctions contract and seeding, checked on every registered task (plain and distracted). */
class StandardEnvsTest {

    private final EnvRegistry reg = EnvRegistry.standard();

    @Test
    void everyTaskHonoursItsSpacesFunctionsAndSeeds() {
        for (EnvEntry e : reg.entries()) {
            for (String spec : new String[] {e.id(), e.id() + "+distract2"}) {
                Env env = reg.make(spec);
                TaskFunctions f = env.functions();
                int d = env.observationSpace().flatDim();
                assertEquals(d, f.obsDim(), spec);
                assertEquals(env.actionSpace().flatDim(), f.actDim(), spec);
                double[] first = env.reset(17);
                assertArrayEquals(first, reg.make(spec).reset(17), spec + ": same seed, same first obs");
                SplittableRandom r = new SplittableRandom(spec.hashCode());
                double[] obs = first;
                for (int i = 0; i < 300; i++) {
                    double[] a = sample(env.actionSpace(), r);
                    Transition t = env.step(a);
                    assertEquals(d, t.obs().length, spec);
                    assertTrue(env.observationSpace().contains(t.obs()) || !bounded(env.observationSpace()),
                            spec + ": obs outside its space at step " + i);
                    assertEquals(t.terminated(), f.terminated(t.obs()), spec + " step " + i);
                    if (f.rewardFromObservations()) {
                        assertEquals(t.reward(), f.reward(obs, a, t.obs()), 1e-9, spec + " step " + i);
                    }
                    if (t.done()) obs = env.reset();
                    else obs = t.obs();
                }
            }
        }
    }

    private static boolean bounded(Box b) {
        for (int i = 0; i < b.flatDim(); i++) {
            if (Double.isInfinite(b.low(i)) || Double.isInfinite(b.high(i))) return false;
        }
        return true;
    }

    private static double[] sample(Space s, SplittableRandom r) {
        if (s instanceof Discrete d) return new double[] {r.nextInt(d.n())};
        Box b = (Box) s;
        double[] a = new double[b.flatDim()];
        for (int i = 0; i < a.length; i++) a[i] = r.nextDouble(b.low(i), b.high(i));
        return a;
    }
}
