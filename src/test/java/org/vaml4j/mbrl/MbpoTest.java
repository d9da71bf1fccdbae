package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.EpisodeEnd;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.TrainingListener;

class MbpoTest {

    static final Kernels KN = KernelChoice.select("auto", 1);
    static final EnvRegistry ENVS = EnvRegistry.standard();

    /** Tiny Pendulum MBPO: exploration 400 steps, epochs of 200, a model training every 100 steps, rollout length 1 -> 3. */
    static MbpoConfig tiny() {
        return new MbpoConfig(200, 100, 100, TruncatedLinear.parse("1,3,1,3"), 1, 1, TruncatedLinear.parse("0,2,0,0.9"), 400,
                10_000, 1, 64);
    }

    static Mbpo mbpo(String loss, ModelHead head, StaleValueCorrection correction, long seed) {
        return new Mbpo("mbpo", ENVS.make("pendulum"), ENVS.make("pendulum"), tiny(), SacConfig.defaults().withHidden(2, 32).withBatchSize(32),
                new DynamicsConfig(3, 2, 2, 16, head, false, TargetNormalization.STANDARDIZE), new ModelTrainerConfig(32, 1e-3, new double[] {1e-5}, 0.2, 5000, 2, 2, 1),
                ModelLosses.create(loss), correction, seed, KN);
    }

    @Test
    void aStoppedRunResumedFromItsCheckpointEndsWithTheSameParameters(@TempDir Path dir) throws Exception {
        Mbpo straight = mbpo("mle", ModelHead.GAUSSIAN, new NoCorrection(), 7);
        List<EpisodeEnd> ends = new ArrayList<>();
        straight.train(1200, ends::add);

        Mbpo first = mbpo("mle", ModelHead.GAUSSIAN, new NoCorrection(), 7);
        first.train(600, TrainingListener.none());      // stopped after 2 model trainings, at an episode end
        assertTrue(first.atEpisodeBoundary());
        Path f = dir.resolve("state.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "checkpoint")) {
            first.writeState(w);
            w.commit();
        }
        Mbpo resumed = mbpo("mle", ModelHead.GAUSSIAN, new NoCorrection(), 7);
        resumed.readState(ArchiveReader.open(f, "checkpoint"));
        List<EpisodeEnd> later = new ArrayList<>();
        resumed.train(1200, later::add);

        assertArrayEquals(straight.agent().actorParams().data(), resumed.agent().actorParams().data());
        assertArrayEquals(straight.agent().criticParams().data(), resumed.agent().criticParams().data());
        assertArrayEquals(straight.model().params().data(), resumed.model().params().data());
        assertArrayEquals(straight.model().elites(), resumed.model().elites());
        assertEquals(3, resumed.modelBuffer().rolloutLength());
        assertEquals(straight.modelBuffer().buffer().size(), resumed.modelBuffer().buffer().size());
        // the episodes after the checkpoint report the same figures (model metrics included)
        for (int i = 0; i < later.size(); i++) {
            EpisodeEnd a = ends.get(ends.size() - later.size() + i), b = later.get(i);
            assertEquals(a.episodeReturn(), b.episodeReturn());
            assertEquals(a.evalReturn(), b.evalReturn());
            assertArrayEquals(a.metrics(), b.metrics());
        }
    }

    @Test
    void modelTrainingsRolloutsAndEvaluationsHappenOnSchedule() {
        Mbpo m = mbpo("vagram", ModelHead.DETERMINISTIC, new NoCorrection(), 3);
        List<EpisodeEnd> ends = new ArrayList<>();
        m.train(1000, ends::add);
        List<String> names = m.metricNames();
        int epochs = names.indexOf("model_epochs"), length = names.indexOf("rollout_length"), vae = names.indexOf("model_vae");
        // episodes end at 200, 400, ...: trainings at 400 and 500 are reported at 600, at 600 and 700 at 800
        EpisodeEnd at600 = ends.get(2), at800 = ends.get(3);
        assertTrue(Double.isNaN(ends.get(1).metrics()[epochs]), "no model training before the end of exploration");
        assertEquals(2.0, at600.metrics()[epochs], "max_epochs 2");
        assertEquals(1.0, at600.metrics()[length], "epoch 0: length at x = 1");
        assertEquals(2.0, at800.metrics()[length], "epoch 1: length at x = 2");
        assertTrue(Double.isFinite(at800.metrics()[vae]), "value-aware error logged");
        // evaluation at every epoch end (200 steps after the exploration)
        assertTrue(Double.isNaN(ends.get(1).evalReturn()) && !Double.isNaN(at600.evalReturn()) && !Double.isNaN(at800.evalReturn()));
        assertTrue(m.modelBuffer().buffer().size() > 0);
    }

    @Test
    void onlyTheFirstModelTrainingTakesTheFirstTrainingCap() {
        MbpoConfig c = tiny();
        MbpoConfig capped = new MbpoConfig(c.epochLength(), c.trainEvery(), c.rolloutBatch(), c.rolloutLength(), c.retainEpochs(),
                c.updatesPerStep(), c.modelShare(), c.startSteps(), c.realCapacity(), c.evalEpisodes(), c.rolloutChunk(), 1);
        Mbpo m = new Mbpo("mbpo", ENVS.make("pendulum"), ENVS.make("pendulum"), capped, SacConfig.defaults().withHidden(2, 32).withBatchSize(32),
                new DynamicsConfig(3, 2, 2, 16, ModelHead.GAUSSIAN, false), new ModelTrainerConfig(32, 1e-3, new double[] {1e-5}, 0.2, 5000, 2, 2, 1),
                ModelLosses.create("mle"), new NoCorrection(), 3, KN);
        List<EpisodeEnd> ends = new ArrayList<>();
        m.train(600, ends::add);
        // trainings at 400 (capped: 1 epoch) and 500 (the trainer's max_epochs 2), reported together at 600
        assertEquals(1.5, ends.get(2).metrics()[m.metricNames().indexOf("model_epochs")]);
        assertThrows(IllegalArgumentException.class, () -> new MbpoConfig(200, 100, 100, TruncatedLinear.constant(1), 1, 1,
                TruncatedLinear.constant(0.5), 400, 10_000, 1, 64, -1));
    }

    @Test
    void valueAwareCorrectionRefitsTheCriticsDuringModelTraining() {
        ValueAwareMbrl refresh = new ValueAwareMbrl(new ValueAwareMbrl.Config(2, 64, 2), 64, KN);
        Mbpo m = mbpo("ma-l1", ModelHead.GAUSSIAN, refresh, 5);
        List<EpisodeEnd> ends = new ArrayList<>();
        m.train(600, ends::add);
        double loss = ends.get(2).metrics()[m.metricNames().indexOf("refresh_critic_loss")];
        assertTrue(Double.isFinite(loss) && loss > 0, "critic loss of the corrections " + loss);
        assertTrue(Double.isNaN(new NoCorrection().lastCriticLoss()));
    }

    @Test
    void rejectsDiscreteActionsAndBadConfigs() {
        assertThrows(IllegalArgumentException.class, () -> new Mbpo("mbpo", ENVS.make("gridworld"), ENVS.make("gridworld"), tiny(),
                SacConfig.defaults(), DynamicsConfig.defaults(), ModelTrainerConfig.defaults(), ModelLosses.create("mle"),
                new NoCorrection(), 0, KN));
        assertThrows(IllegalArgumentException.class, () -> new MbpoConfig(200, 100, 100, TruncatedLinear.constant(0), 1, 1,
                TruncatedLinear.constant(0.5), 400, 10, 1, 64));
        assertThrows(IllegalArgumentException.class, () -> new MbpoConfig(200, 100, 100, TruncatedLinear.constant(1), 1, 1,
                TruncatedLinear.constant(1.5), 400, 10, 1, 64));
    }

    @Test
    void hopperSmokeRunCompletesWithFiniteLosses() {
        Mbpo m = new Mbpo("mbpo", ENVS.make("hopper"), ENVS.make("hopper"), tiny(), SacConfig.defaults().withHidden(2, 32).withBatchSize(32),
                new DynamicsConfig(3, 2, 2, 16, ModelHead.GAUSSIAN, false, TargetNormalization.STANDARDIZE), new ModelTrainerConfig(32, 1e-3, new double[] {1e-5}, 0.2, 5000, 2, 2, 1),
                ModelLosses.create("vagram"), new NoCorrection(), 1, KN);
        double[] sum = new double[m.metricNames().size()];
        int[] seen = new int[sum.length];
        m.train(800, e -> {
            for (int i = 0; i < sum.length; i++) {
                if (!Double.isNaN(e.metrics()[i])) {
                    assertTrue(Double.isFinite(e.metrics()[i]), m.metricNames().get(i) + " = " + e.metrics()[i] + " at step " + e.step());
                    seen[i]++;
                }
            }
        });
        for (String name : new String[] {"critic_loss", "actor_loss", "model_train_loss", "model_val_loss", "model_vae"}) {
            assertTrue(seen[m.metricNames().indexOf(name)] > 0, name + " was never reported");
        }
        assertEquals(800, m.step());
    }
}
