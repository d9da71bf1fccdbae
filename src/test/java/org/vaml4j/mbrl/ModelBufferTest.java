package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

class ModelBufferTest {

    @Test
    void capacityFollowsMbposFormulaAndKeepsRowsWhenTheLengthChanges(@TempDir Path dir) throws Exception {
        // Hopper: 100 000 rollouts per training, epoch 1000, training every 250 steps, retain 1 epoch
        ModelBuffer hopper = new ModelBuffer(11, 3, 100_000, 1000, 250, 1);
        assertEquals(400_000, hopper.capacityFor(1));
        assertEquals(6_000_000, hopper.capacityFor(15));

        ModelBuffer b = new ModelBuffer(1, 1, 2, 10, 4, 1);   // 2 * ceil(10 / 4) * 1 = 6 rows per unit of length
        assertEquals(6, b.buffer().capacity());
        for (int i = 0; i < 6; i++) b.buffer().add(new double[] {i}, new double[] {0}, i, new double[] {i}, false);
        b.setRolloutLength(3);
        assertEquals(18, b.buffer().capacity());
        assertEquals(6, b.buffer().size());
        b.setRolloutLength(1);
        assertEquals(6, b.buffer().size());
        assertEquals(0f, b.buffer().rewardArray()[b.buffer().chronologicalRow(0)]);
        b.setRolloutLength(2);

        Path f = dir.resolve("b.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "t")) {
            b.write(w, "m.");
            w.commit();
        }
        ModelBuffer back = new ModelBuffer(1, 1, 2, 10, 4, 1);
        back.read(ArchiveReader.open(f, "t"), "m.");
        assertEquals(2, back.rolloutLength());
        assertEquals(12, back.buffer().capacity());
        assertEquals(6, back.buffer().size());
    }
}
