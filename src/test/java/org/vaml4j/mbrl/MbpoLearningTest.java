package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vaml4j.SeedMeans;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.rl.OffPolicyLoopConfig;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacTrainer;
import org.vaml4j.rl.TrainingListener;

/**
 * Learning checks of the model-based algorithms on Pendulum-v1 with small networks (minutes on 2
 * cores). Pendulum returns: a random policy scores about -1200, a policy that swings up and
 * balances from every start -150 to -200 (a start hanging down costs about -400 on the way up).
 *
 * <p>Protocol: 4000 env steps (20 episodes, the first 400 random), seeds 0, 1 and 2, the mean of
 * the three final deterministic returns (5 episodes each). One seed is not enough: on Pendulum a
 * run either has swung up by a given step or not, so single-seed bars broke whenever the float or
 * random path changed (the 3000-step vagram bar of the first session: -144 before, -822 after the
 * cross-JDK determinism change). Runs are bit-identical across JDK 17 and 25 now, so the CLI
 * figures below are the test's (bench/RESULTS.md, "MBPO learning tests over three seeds"):
 *
 * <pre>
 *                  seed 0   seed 1   seed 2   mean     bar
 *   MBPO vagram     -486     -162     -240    -296   > -450
 *   MBPO mle        -149     -206     -208    -188   > -450
 *   SAC alone       -312    -1224     -724    -753   < -600
 * </pre>
 *
 * The bars leave margins of about 150 return on each side (Pendulum's per-start spread is about
 * 200): MBPO has (nearly) solved the task where SAC alone, with the same networks and budget, is far
 * from it. {@code mle} uses a Gaussian head with standardized targets
 * ({@link TargetNormalization#defaultFor}); with raw targets the same configuration ended at -1232
 * (the reward's variance is 1000 times the state deltas', so the NLL never learned the reward). The
 * deterministic {@code vagram} model keeps raw targets.
 */
@Tag("learning")
class MbpoLearningTest {

    static final Kernels KN = KernelChoice.select("auto", 1);
    static final EnvRegistry ENVS = EnvRegistry.standard();
    static final long STEPS = 4000;
    static final long[] SEEDS = {0, 1, 2};
    static final SacConfig SAC = SacConfig.defaults().withHidden(2, 64).withBatchSize(128);

    static MbpoConfig pendulum() {
        return new MbpoConfig(200, 200, 2000, TruncatedLinear.constant(1), 1, 10, TruncatedLinear.constant(0.95), 400, 100_000, 1,
                10_000);
    }

    static ModelTrainerConfig trainer() {
        return new ModelTrainerConfig(256, 1e-3, new double[] {1e-5}, 0.2, 5000, 5, 30, 1);
    }

    static double mbpo(String loss, ModelHead head, long seed) {
        Mbpo m = new Mbpo("mbpo", ENVS.make("pendulum"), ENVS.make("pendulum"), pendulum(), SAC,
                new DynamicsConfig(5, 3, 3, 64, head, false, TargetNormalization.defaultFor(head)), trainer(), ModelLosses.create(loss),
                new NoCorrection(), seed, KN);
        m.train(STEPS, TrainingListener.none());
        return m.evaluate(5);
    }

    static double sac(long seed) {
        SacTrainer t = new SacTrainer(ENVS.make("pendulum"), ENVS.make("pendulum"), SAC,
                new OffPolicyLoopConfig(100_000, 400, 400, 1, 100_000, 1), seed, KN);
        t.train(STEPS, TrainingListener.none());
        return t.evaluate(5);
    }

    static double meanOverSeeds(String what, SeedMeans.Run run) throws Exception {
        return SeedMeans.over(what + " after " + STEPS + " steps", SEEDS, run);
    }

    @Test
    void mbpoWithVagramSolvesPendulumIn4000Steps() throws Exception {
        double r = meanOverSeeds("MBPO (vagram)", seed -> mbpo("vagram", ModelHead.DETERMINISTIC, seed));
        assertTrue(r > -450, "MBPO (vagram) mean return after " + STEPS + " steps: " + r);
    }

    @Test
    void mbpoWithMleSolvesPendulumIn4000Steps() throws Exception {
        double r = meanOverSeeds("MBPO (mle)", seed -> mbpo("mle", ModelHead.GAUSSIAN, seed));
        assertTrue(r > -450, "MBPO (mle) mean return after " + STEPS + " steps: " + r);
    }

    @Test
    void sacAloneIsFarFromSolvedWithTheSameBudget() throws Exception {
        double r = meanOverSeeds("SAC alone", MbpoLearningTest::sac);
        assertTrue(r < -600, "SAC alone mean return after " + STEPS + " steps: " + r
                + " (the MBPO comparison assumes it has not solved Pendulum)");
    }
}
