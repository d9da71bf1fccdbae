package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.env.Transition;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

class EnvLoopTest {

    static final EnvRegistry ENVS = EnvRegistry.standard();

    /** Pendulum's box is [-2, 2]: the buffer holds the policy coordinate a, the env saw 2a. */
    @Test
    void storesPolicyCoordinatesAndCountsStepsAndEpisodes() {
        EnvLoop loop = new EnvLoop("test", ENVS.make("pendulum:time_limit=5"), ENVS.make("pendulum"), 100, 7);
        int ends = 0;
        for (int i = 0; i < 12; i++) {
            Transition t = loop.step(null, true);
            if (t.done()) {
                EpisodeEnd e = loop.endEpisode(Double.NaN, new double[0]);
                ends++;
                assertEquals(5, e.length());
                assertEquals(ends, e.episode());
                assertEquals(5L * ends, e.step());
            }
        }
        assertEquals(12, loop.step());
        assertEquals(2, loop.episode());
        assertEquals(12, loop.buffer().size());
        float[] act = loop.buffer().actArray();
        for (int i = 0; i < 12; i++) assertTrue(act[i] > -1 && act[i] < 1, "stored action " + act[i]);
        assertTrue(!loop.atEpisodeBoundary());
        assertThrows(IllegalStateException.class, () -> loop.write(null, "x."));
    }

    @Test
    void aReadLoopRepeatsTheWrittenOne(@TempDir Path dir) throws Exception {
        EnvLoop a = new EnvLoop("test", ENVS.make("pendulum:time_limit=4"), ENVS.make("pendulum"), 100, 3);
        for (int i = 0; i < 4; i++) a.step(null, true);
        a.endEpisode(Double.NaN, new double[0]);
        Path f = dir.resolve("loop");
        try (ArchiveWriter w = ArchiveWriter.create(f, "test")) {
            a.write(w, "loop.");
            w.commit();
        }
        EnvLoop b = new EnvLoop("test", ENVS.make("pendulum:time_limit=4"), ENVS.make("pendulum"), 100, 99);
        b.read(ArchiveReader.open(f, "test"), "loop.");
        assertEquals(4, b.step());
        assertEquals(1, b.episode());
        for (int i = 0; i < 4; i++) assertArrayEquals(a.step(null, true).obs(), b.step(null, true).obs());
    }

    @Test
    void rejectsWhatAnOffPolicyLoopCannotRun() {
        var discrete = assertThrows(IllegalArgumentException.class, () -> new EnvLoop("sac", ENVS.make("gridworld"), ENVS.make("gridworld"), 10, 0));
        assertTrue(discrete.getMessage().contains("Box"), discrete.getMessage());
        var noLimit = assertThrows(IllegalArgumentException.class,
                () -> new EnvLoop("sac", ENVS.make("pendulum"), ENVS.make("pendulum:time_limit=0"), 10, 0));
        assertTrue(noLimit.getMessage().contains("time limit"), noLimit.getMessage());
        var other = assertThrows(IllegalArgumentException.class, () -> new EnvLoop("sac", ENVS.make("pendulum"), ENVS.make("cartpolecontinuous"), 10, 0));
        assertTrue(other.getMessage().contains("action space"), other.getMessage());
    }
}
