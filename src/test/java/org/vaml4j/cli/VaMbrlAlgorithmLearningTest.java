package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.experiment.Presets;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.TrainingListener;

/**
 * Value-aware MBRL (MBPO + the stale-value correction, Modhe et al. Alg. 2) with the
 * model-advantage loss {@code ma-l1} learns Pendulum-v1: built exactly as
 * {@code bin/vaml4j train --algo va-mbrl --loss ma-l1 --env pendulum} builds it (presets plus the
 * small-network overrides of {@code MbpoLearningTest}), seeds 0, 1, 2, 4000 env steps, mean of the
 * final deterministic returns (5 episodes each).
 *
 * <p>The same runs through the CLI (bit-identical on JDK 17 and 25; bench/RESULTS.md "va-mbrl +
 * ma-l1 over three seeds"): -220, -165, -233, mean -206; bar > -450 (margin about 240 return).
 * Those runs swing up late: their 1-episode epoch-end evaluations were -1189, -351, -354 at 3000
 * steps and -239, -226, -230 at 3800, so the budget has little slack in steps; MBPO with the same
 * settings gets there 1000-2000 steps sooner on seeds 1 and 2 ({@code MbpoLearningTest}), the price
 * of the critic refits on fresh model rollouts early on. SAC alone with the same networks and budget
 * averages -753 ({@code MbpoLearningTest}).
 */
@Tag("learning")
class VaMbrlAlgorithmLearningTest {

    static final long STEPS = 4000;
    static final List<String> SMALL = List.of("model.loss=ma-l1", "mbpo.start_steps=400", "mbpo.rollout_batch=2000",
            "mbpo.updates_per_step=10", "sac.hidden_width=64", "sac.batch_size=128", "model.members=5", "model.elites=3",
            "model.hidden_layers=3", "model.hidden_width=64", "model.max_epochs=30", "model.weight_decay=1e-5");

    static double run(long seed) throws Exception {
        EnvRegistry envs = EnvRegistry.standard();
        Env env = envs.make("pendulum"), evalEnv = envs.make("pendulum");
        Settings s = Presets.resolve("va-mbrl", env.id(), SMALL);
        Trainer t = new VaMbrlAlgorithm().create(s, env, evalEnv, seed, KernelChoice.select("auto", 1));
        t.train(STEPS, TrainingListener.none());
        return t.evaluate(5);
    }

    @Test
    void vaMbrlWithMaL1LearnsPendulumIn4000Steps() throws Exception {
        double sum = 0;
        StringBuilder each = new StringBuilder();
        for (long seed = 0; seed <= 2; seed++) {
            double r = run(seed);
            sum += r;
            each.append(String.format(" seed %d: %.1f", seed, r));
        }
        double mean = sum / 3;
        System.out.printf("va-mbrl (ma-l1) after %d steps:%s; mean %.1f%n", STEPS, each, mean);
        assertTrue(mean > -450, "va-mbrl (ma-l1) mean return after " + STEPS + " steps: " + mean);
    }
}
