package org.vaml4j.rl;

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
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

class SacTrainerTest {

    static final EnvRegistry ENVS = EnvRegistry.standard();

    /** A small, fast configuration: 32-wide networks, short warm-up, frequent evaluation. */
    static SacTrainer small(long seed) {
        SacConfig c = SacConfig.defaults().withHidden(2, 32).withBatchSize(32);
        OffPolicyLoopConfig loop = new OffPolicyLoopConfig(10_000, 150, 150, 1, 200, 2);
        return new SacTrainer(ENVS.make("pendulum:time_limit=50"), ENVS.make("pendulum:time_limit=50"), c, loop, seed,
                KernelChoice.select("auto", 1));
    }

    @Test
    void sameSeedGivesTheSameEpisodesAndParameters() {
        List<EpisodeEnd> a = new ArrayList<>(), b = new ArrayList<>();
        SacTrainer ta = small(3), tb = small(3);
        ta.train(400, a::add);
        tb.train(400, b::add);
        assertEquals(8, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).episodeReturn(), b.get(i).episodeReturn());
            assertEquals(a.get(i).evalReturn(), b.get(i).evalReturn());
            assertArrayEquals(a.get(i).metrics(), b.get(i).metrics());
        }
        assertArrayEquals(ta.agent().actorParams().data(), tb.agent().actorParams().data());
        assertTrue(a.get(3).evaluated(), "evaluation at the first episode end after step 200");
        assertTrue(Double.isNaN(a.get(0).metrics()[0]), "no updates before update_after");
        assertTrue(!Double.isNaN(a.get(3).metrics()[0]));
        SacTrainer other = small(4);
        other.train(100, e -> {});
        assertTrue(other.buffer().size() == 100);
    }

    @Test
    void stateWrittenBetweenEpisodesResumesBitIdentically(@TempDir Path dir) throws Exception {
        SacTrainer straight = small(7);
        straight.train(500, TrainingListener.none());

        SacTrainer first = small(7);
        Path f = dir.resolve("state.bin");
        first.train(260, TrainingListener.none());   // stops mid-episode at 260 ...
        assertTrue(!first.atEpisodeBoundary());
        assertThrows(IllegalStateException.class, () -> first.writeState(ArchiveWriter.create(dir.resolve("x"), "checkpoint")));
        first.train(300, TrainingListener.none());   // ... and reaches the boundary at 300
        assertTrue(first.atEpisodeBoundary());
        try (ArchiveWriter w = ArchiveWriter.create(f, "checkpoint")) {
            first.writeState(w);
            w.commit();
        }
        SacTrainer resumed = small(7);
        resumed.readState(ArchiveReader.open(f, "checkpoint"));
        assertEquals(300, resumed.step());
        assertEquals(6, resumed.episode());
        resumed.train(500, TrainingListener.none());

        assertArrayEquals(straight.agent().actorParams().data(), resumed.agent().actorParams().data());
        assertArrayEquals(straight.agent().criticParams().data(), resumed.agent().criticParams().data());
        assertArrayEquals(straight.agent().targetCriticParams().data(), resumed.agent().targetCriticParams().data());
        assertEquals(straight.evaluate(2), resumed.evaluate(2));
    }

    @Test
    void rejectsTasksSacCannotRun() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SacTrainer(ENVS.make("gridworld"), ENVS.make("gridworld"),
                SacConfig.defaults(), OffPolicyLoopConfig.defaults(), 0, KernelChoice.select("auto", 1)));
        assertTrue(e.getMessage().contains("Box"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> new SacTrainer(ENVS.make("pendulum"),
                ENVS.make("pendulum:time_limit=0"), SacConfig.defaults(), OffPolicyLoopConfig.defaults(), 0,
                KernelChoice.select("auto", 1)));
        assertTrue(f.getMessage().contains("time limit"), f.getMessage());
    }
}
