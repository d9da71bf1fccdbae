package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class MbacTest {

    static final Kernels KN = KernelChoice.select("auto", 1);

    static Mbac mbac(String loss) {
        EnvRegistry envs = EnvRegistry.standard();
        return new Mbac(envs.make("pendulum"), envs.make("pendulum"), new MbacConfig(400, 100, 3, 4, 1, 5000, 200, 1),
                SacConfig.defaults().withHidden(2, 32).withBatchSize(32), new DynamicsConfig(1, 1, 2, 16, ModelHead.GAUSSIAN, false, TargetNormalization.STANDARDIZE),
                new ModelTrainerConfig(32, 1e-3, new double[] {1e-5}, 0.2, 5000, 2, 2, 1), ModelLosses.create(loss), 11, KN);
    }

    @Test
    void learnsFromVirtualSamplesAndResumesIdentically(@TempDir Path dir) throws Exception {
        Mbac straight = mbac("reg-vaml");
        List<EpisodeEnd> ends = new ArrayList<>();
        straight.train(800, ends::add);
        List<String> names = straight.metricNames();
        EpisodeEnd last = ends.get(ends.size() - 1);
        assertTrue(Double.isFinite(last.metrics()[names.indexOf("critic_loss")]), "critic trained on virtual samples");
        assertEquals(0.0, last.metrics()[names.indexOf("virtual_diverged")]);
        assertTrue(Double.isFinite(ends.get(2).metrics()[names.indexOf("model_val_mse")]), "model trained after the warm-up");

        Mbac first = mbac("reg-vaml");
        first.train(600, TrainingListener.none());
        Path f = dir.resolve("state.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "checkpoint")) {
            first.writeState(w);
            w.commit();
        }
        Mbac resumed = mbac("reg-vaml");
        resumed.readState(ArchiveReader.open(f, "checkpoint"));
        resumed.train(800, TrainingListener.none());
        assertArrayEquals(straight.agent().actorParams().data(), resumed.agent().actorParams().data());
        assertArrayEquals(straight.model().params().data(), resumed.model().params().data());
    }
}
