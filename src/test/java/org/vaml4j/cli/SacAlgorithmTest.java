package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.experiment.Presets;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.Trainer;

/**
 * SAC with its shipped presets learns the classic tasks (fixed seed, honest thresholds). Each run
 * trains in 1000-step chunks and stops at the first evaluation (10 deterministic episodes) that
 * reaches the threshold.
 */
class SacAlgorithmTest {

    @Test
    void defaultsAreMbposSac() throws Exception {
        SacConfig c = SacAlgorithm.sacConfig(Presets.defaults("sac"));
        assertEquals(SacConfig.defaults(), c);
    }

    /** The best evaluation return reached within {@code maxSteps}, stopping once {@code threshold} is met. */
    static double bestEval(String task, long maxSteps, double threshold) throws Exception {
        EnvRegistry envs = EnvRegistry.standard();
        Env env = envs.make(task), evalEnv = envs.make(task);
        Settings s = Presets.resolve("sac", env.id(), List.of());
        Trainer t = new SacAlgorithm().create(s, env, evalEnv, 0, KernelChoice.select("auto", Runtime.getRuntime().availableProcessors()));
        List<Double> evals = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        long t0 = System.nanoTime();
        for (long target = 1000; target <= maxSteps && best < threshold; target += 1000) {
            t.train(target, e -> {
                if (e.evaluated()) evals.add(e.evalReturn());
            });
            for (double v : evals) best = Math.max(best, v);
        }
        System.out.printf("%s: evaluations %s; %d steps in %.1f s%n", task, evals, t.step(), (System.nanoTime() - t0) / 1e9);
        return best;
    }

    @Tag("learning")
    @Test
    void pendulumReachesMinus250Within15000Steps() throws Exception {
        double best = bestEval("pendulum", 15_000, -250);
        assertTrue(best >= -250, "best deterministic evaluation " + best);
    }

    /**
     * mbrl-lib's continuous CartPole has 200-step episodes with reward 1; its solved level is taken as
     * Gym's CartPole-v0 threshold for 200-step episodes, a mean return of 195.
     */
    @Tag("learning")
    @Test
    void continuousCartPoleReachesItsSolvedLevel() throws Exception {
        double best = bestEval("cartpole", 15_000, 195);
        assertTrue(best >= 195, "best deterministic evaluation " + best);
    }
}
