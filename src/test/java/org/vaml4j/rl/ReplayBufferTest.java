package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

class ReplayBufferTest {

    static void add(ReplayBuffer b, int i, boolean terminal) {
        b.add(new double[] {i, -i}, new double[] {0.5 * i}, i * 10, new double[] {i + 1, -i - 1}, terminal);
    }

    @Test
    void ringOverwritesTheOldestAndSamplesOnlyStoredRows() {
        ReplayBuffer b = new ReplayBuffer(3, 2, 1);
        for (int i = 0; i < 5; i++) add(b, i, i == 4);
        assertEquals(3, b.size());
        assertEquals(5, b.added());
        Batch batch = new Batch(200, 2, 1);
        b.sample(new Rng(1), batch);
        boolean[] seen = new boolean[5];
        for (int r = 0; r < 200; r++) {
            int i = (int) batch.obs[2 * r];
            assertTrue(i >= 2, "row " + i + " was overwritten");
            seen[i] = true;
            assertEquals(-i, batch.obs[2 * r + 1]);
            assertEquals(0.5f * i, batch.act[r]);
            assertEquals(10f * i, batch.reward[r]);
            assertEquals(i + 1f, batch.nextObs[2 * r]);
            assertEquals(i == 4 ? 0f : 1f, batch.notDone[r]);
        }
        assertTrue(seen[2] && seen[3] && seen[4]);
    }

    @Test
    void rejectsBadTransitions() {
        ReplayBuffer b = new ReplayBuffer(3, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> b.add(new double[] {1}, new double[] {0}, 0, new double[] {1, 2}, false));
        assertThrows(IllegalArgumentException.class, () -> b.add(new double[] {1, Double.NaN}, new double[] {0}, 0, new double[] {1, 2}, false));
        assertThrows(IllegalArgumentException.class, () -> b.add(new double[] {1, 2}, new double[] {0}, Double.POSITIVE_INFINITY, new double[] {1, 2}, false));
        assertThrows(IllegalStateException.class, () -> b.sample(new Rng(1), new Batch(1, 2, 1)));
    }

    @Test
    void checkpointRoundTripContinuesTheRing(@TempDir Path dir) throws Exception {
        ReplayBuffer a = new ReplayBuffer(4, 2, 1);
        for (int i = 0; i < 6; i++) add(a, i, false);
        Path f = dir.resolve("b.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "buf")) {
            a.write(w, "buffer.");
            w.commit();
        }
        ReplayBuffer b = new ReplayBuffer(4, 2, 1);
        b.read(ArchiveReader.open(f, "buf"), "buffer.");
        add(a, 6, true);
        add(b, 6, true);
        Batch x = new Batch(50, 2, 1), y = new Batch(50, 2, 1);
        a.sample(new Rng(9), x);
        b.sample(new Rng(9), y);
        assertArrayEquals(x.obs, y.obs);
        assertArrayEquals(x.notDone, y.notDone);
        var e = assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(5, 2, 1).read(ArchiveReader.open(f, "buf"), "buffer."));
        assertTrue(e.getMessage().contains("capacity 4"), e.getMessage());
    }
}
