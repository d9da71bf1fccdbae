package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/** The resume check every trainer must pass, whatever runs its updates. */
public final class TrainerResume {

    private TrainerResume() {}

    /**
     * A run stopped at step {@code stop} (an episode boundary), written, read into a fresh trainer
     * and continued to {@code total} ends exactly as the uninterrupted run: the same agent archive,
     * byte for byte, and the same evaluation.
     */
    public static void bitIdentical(Supplier<Trainer> fresh, long stop, long total, Path dir) throws Exception {
        Trainer straight = fresh.get();
        straight.train(total, TrainingListener.none());
        Trainer first = fresh.get();
        first.train(stop, TrainingListener.none());
        assertTrue(first.atEpisodeBoundary(), "step " + stop + " must be an episode boundary");
        Path state = dir.resolve("state.bin");
        try (ArchiveWriter w = ArchiveWriter.create(state, "checkpoint")) {
            first.writeState(w);
            w.commit();
        }
        Trainer resumed = fresh.get();
        resumed.readState(ArchiveReader.open(state, "checkpoint"));
        assertEquals(stop, resumed.step());
        resumed.train(total, TrainingListener.none());
        assertArrayEquals(agent(straight, dir.resolve("straight.bin")), agent(resumed, dir.resolve("resumed.bin")),
                "the resumed run's agent differs from the uninterrupted run's");
        assertEquals(straight.evaluate(2), resumed.evaluate(2));
    }

    private static byte[] agent(Trainer t, Path file) throws Exception {
        try (ArchiveWriter w = ArchiveWriter.create(file, "agent")) {
            t.writeAgent(w);
            w.commit();
        }
        return Files.readAllBytes(file);
    }
}
