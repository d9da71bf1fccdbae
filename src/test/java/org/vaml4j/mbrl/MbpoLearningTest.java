package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
 * balances from every start -150 to -200 (a start hanging down costs about -400 on the way up);
 * "solved" here means a mean deterministic return above -400 over 5 evaluation episodes.
 *
 * <p>Budget: 3000 env steps (15 episodes, the first 400 steps random). Thresholds come from runs
 * of exactly these configurations and seed through the CLI (bench/RESULTS.md "MBRL learning runs",
 * 2026-11-22, vector kernels, JDK 25, 3 runs sharing the 2 cores): MBPO with {@code vagram}
 * evaluated -631 at 2000 steps, -372 at 2200 and -132 at the end (10 episodes); SAC alone -773 at
 * 3000 steps (1 episode) and -713 at the end (10 episodes). The bars (-400 for
 * MBPO, -600 for SAC not to have solved it) leave margins of about 270 and 110 return here and 256 and
 * 146 in the test's JVM (below; Pendulum's per-start spread is about 200).
 *
 * <p>{@code mle} (Gaussian head, targets standardized: {@link TargetNormalization#defaultFor}):
 * in the test's JVM -153 after 3000 steps before the FloatMath determinism change, -558 after it
 * and -204 after the polar-method Gaussian draws (current code; 5 episodes each, 2026-11-22; one
 * seed on three float/random paths; bench/RESULTS.md). The bar, -650, is therefore "learns far
 * beyond random and beyond SAC alone", not "solved": margins of 92 to 503 over the three runs. It catches the failure it was written for: with raw
 * targets the same configuration ended at -1232 (CLI, 10 episodes), because the reward's variance
 * (13) is 1000 times the state deltas' (0.013), the NLL weights each output by exp(-logVar) under
 * one absolute ceiling (+0.5), and the reward output was never learned (an MSE of about 1.5 where
 * an {@code mse} model reaches 0.06). The deterministic {@code vagram} model keeps raw targets:
 * standardized, the same seed ended at -1308 (the raw-unit VaGraM loss is re-weighted by each
 * output's variance).
 *
 * <p>Wall time ({@code mvn -B verify -Dtest=MbpoLearningTest -Dsurefire.failIfNoSpecifiedTests=false},
 * JDK 17, one kernel thread, 2026-11-22): vagram 415 s and SAC 52 s with a 10-minute CLI training
 * running alongside (load average about 7); vagram 132 s and SAC 12 s on a quiet machine (load average
 * about 1), where they returned -144 (vagram) and -746 (SAC), 5 episodes; mle 83 s (load average
 * about 6), 551 s and 590 s (the test JVM got about 16 % of a core).
 *
 * <p>The figures above are from the CLI (JDK 25); the tests run under Maven's JDK 17, where float
 * results can differ in the last bits and a seed's trajectory is then another one, so each bar was
 * also checked by running the test (it prints its return). No {@code va-mbrl} + {@code ma-l1}
 * check: the CLI run learned (-149 after 3000 steps, 10 episodes; -121 from 2400 steps on) but the
 * same configuration in the test's JVM ended at -1467 (2600 steps: -1451), so one seed does not
 * support an honest bar (bench/RESULTS.md).
 */
@Tag("learning")
class MbpoLearningTest {

    static final Kernels KN = KernelChoice.select("auto", 1);
    static final EnvRegistry ENVS = EnvRegistry.standard();
    static final long STEPS = 3000;
    static final SacConfig SAC = SacConfig.defaults().withHidden(2, 64).withBatchSize(128);

    static MbpoConfig pendulum() {
        return new MbpoConfig(200, 200, 2000, TruncatedLinear.constant(1), 1, 10, TruncatedLinear.constant(0.95), 400, 100_000, 1,
                10_000);
    }

    static ModelTrainerConfig trainer() {
        return new ModelTrainerConfig(256, 1e-3, new double[] {1e-5}, 0.2, 5000, 5, 30, 1);
    }

    static double run(String algorithm, String loss, ModelHead head, StaleValueCorrection correction) {
        Mbpo m = new Mbpo(algorithm, ENVS.make("pendulum"), ENVS.make("pendulum"), pendulum(), SAC,
                new DynamicsConfig(5, 3, 3, 64, head, false, TargetNormalization.defaultFor(head)), trainer(), ModelLosses.create(loss), correction, 0, KN);
        m.train(STEPS, TrainingListener.none());
        return m.evaluate(5);
    }

    @Test
    void mbpoWithVagramSolvesPendulumIn3000Steps() {
        double r = run("mbpo", "vagram", ModelHead.DETERMINISTIC, new NoCorrection());
        System.out.println("MBPO (vagram) return after " + STEPS + " steps: " + r);
        assertTrue(r > -400, "MBPO (vagram) return after " + STEPS + " steps: " + r);
    }

    @Test
    void mbpoWithMleLearnsPendulumIn3000Steps() {
        double r = run("mbpo", "mle", ModelHead.GAUSSIAN, new NoCorrection());
        System.out.println("MBPO (mle) return after " + STEPS + " steps: " + r);
        assertTrue(r > -650, "MBPO (mle) return after " + STEPS + " steps: " + r);
    }

    @Test
    void sacAloneIsFarFromSolvedWithTheSameBudget() {
        SacTrainer t = new SacTrainer(ENVS.make("pendulum"), ENVS.make("pendulum"), SAC,
                new OffPolicyLoopConfig(100_000, 400, 400, 1, 100_000, 1), 0, KN);
        t.train(STEPS, TrainingListener.none());
        double r = t.evaluate(5);
        System.out.println("SAC alone return after " + STEPS + " steps: " + r);
        assertTrue(r < -600, "SAC alone after " + STEPS + " steps: " + r + " (the MBPO comparison assumes it has not solved Pendulum)");
    }
}
