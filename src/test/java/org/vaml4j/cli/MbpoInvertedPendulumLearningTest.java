package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vaml4j.SeedMeans;
import org.vaml4j.experiment.Algorithm;

/**
 * MBPO with {@code mle} and with {@code vagram} balances InvertedPendulum-v4 in far fewer env steps
 * than SAC alone. Built exactly as {@code bin/vaml4j train --algo mbpo --loss L --env
 * invertedpendulum} builds it (the mbpo InvertedPendulum preset: epochs of 250 steps, 10 SAC
 * updates per step, rollout length 1) with small networks so a run takes a few minutes: SAC 2 x 64,
 * batch 128; model 5 members (3 elites) of 3 x 64, at most 30 epochs per training; 2500 rollouts per
 * training; 500 random steps first. Seeds 0, 1, 2; the figure is the mean of the final
 * deterministic returns (5 episodes each; 1000 = balanced for the whole episode).
 *
 * <p>The same runs through the CLI (bit-identical on JDK 17 and 25; bench/RESULTS.md "MBPO on
 * InvertedPendulum over three seeds"):
 *
 * <pre>
 *                          seed 0   seed 1   seed 2   mean    bar
 *   MBPO mle,    4000 steps  1000     1000     1000    1000   > 700
 *   MBPO vagram, 4000 steps  1000     1000     1000    1000   > 700
 *   SAC alone,  10000 steps  73.8     89.4     80.6    81.3   < 400
 * </pre>
 *
 * In 6000-step runs of the same seeds the MBPO runs' first evaluation of 1000 (1 episode every 250
 * steps) was logged between steps 3238 and 4402 (an evaluation is logged at the end of the episode
 * that follows it, up to 1000 steps later) and every later one was 1000; SAC's evaluations
 * stayed below 170 up to 12 000 steps. The MBPO bar allows one seed of three to have balanced only
 * briefly (a mean above 700) and is still nine times SAC's mean after 2.5 times the steps.
 */
@Tag("learning")
class MbpoInvertedPendulumLearningTest {

    static final long MBPO_STEPS = 4000;
    static final long SAC_STEPS = 10_000;
    static final double MBPO_BAR = 700, SAC_BAR = 400;
    static final List<String> SMALL = List.of("mbpo.start_steps=500", "mbpo.rollout_batch=2500", "sac.hidden_width=64",
            "sac.batch_size=128", "model.members=5", "model.elites=3", "model.hidden_layers=3", "model.hidden_width=64",
            "model.max_epochs=30", "mbpo.real_capacity=100000");
    static final List<String> SAC_SMALL = List.of("sac.hidden_width=64", "sac.batch_size=128", "loop.start_steps=500",
            "loop.update_after=500");

    static final long[] SEEDS = {0, 1, 2};

    static double meanOverSeeds(String what, long steps, SeedMeans.Run run) throws Exception {
        return SeedMeans.over(what + " on InvertedPendulum after " + steps + " steps", SEEDS, run);
    }

    static double run(Algorithm algorithm, String name, List<String> sets, long steps, long seed) throws Exception {
        return PresetRuns.finalReturn(algorithm, name, "invertedpendulum", sets, steps, seed);
    }

    static List<String> withLoss(String loss) {
        List<String> sets = new ArrayList<>(SMALL);
        sets.add("model.loss=" + loss);
        return sets;
    }

    @Test
    void mbpoWithMleBalancesInvertedPendulum() throws Exception {
        double r = meanOverSeeds("MBPO (mle)", MBPO_STEPS, seed -> run(new MbpoAlgorithm(), "mbpo", withLoss("mle"), MBPO_STEPS, seed));
        assertTrue(r > MBPO_BAR, "MBPO (mle) mean return after " + MBPO_STEPS + " steps: " + r);
    }

    @Test
    void mbpoWithVagramBalancesInvertedPendulum() throws Exception {
        double r = meanOverSeeds("MBPO (vagram)", MBPO_STEPS,
                seed -> run(new MbpoAlgorithm(), "mbpo", withLoss("vagram"), MBPO_STEPS, seed));
        assertTrue(r > MBPO_BAR, "MBPO (vagram) mean return after " + MBPO_STEPS + " steps: " + r);
    }

    @Test
    void sacAloneIsFarFromBalancedAfter10000Steps() throws Exception {
        double r = meanOverSeeds("SAC alone", SAC_STEPS, seed -> run(new SacAlgorithm(), "sac", SAC_SMALL, SAC_STEPS, seed));
        assertTrue(r < SAC_BAR, "SAC alone mean return after " + SAC_STEPS + " steps: " + r
                + " (the MBPO comparison assumes it has not balanced yet)");
    }
}
