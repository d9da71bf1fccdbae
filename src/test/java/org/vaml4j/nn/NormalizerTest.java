package org.vaml4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizerTest {

    @Test
    void batchFitMatchesTwoPassStatistics() {
        float[] x = {1, 10, 2, 10, 3, 10, 6, 10};   // 4 rows x 2 features; feature 1 constant
        Normalizer n = new Normalizer(2, 1e-5);
        n.fit(x, 0, 4);
        assertEquals(3.0, n.mean(0), 1e-12);
        // unbiased variance of {1,2,3,6} = (4+1+0+9)/3
        assertEquals(Math.sqrt(14.0 / 3), n.std(0), 1e-12);
        assertEquals(1.0, n.std(1));   // constant feature: std 1
        float[] y = new float[8];
        n.normalize(x, 0, y, 0, 4);
        assertEquals((1 - 3) / Math.sqrt(14.0 / 3), y[0], 1e-6);
        assertEquals(0f, y[1]);
        float[] back = new float[8];
        n.denormalize(y, 0, back, 0, 4);
        assertEquals(6f, back[6], 1e-6);
    }

    @Test
    void runningUpdatesEqualOneFitOfAllRows() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[3 * 1000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (1e4 + rng.nextGaussian() * (1 + i % 3));
        Normalizer all = new Normalizer(3, 1e-5), running = new Normalizer(3, 1e-5);
        all.fit(x, 0, 1000);
        running.update(x, 0, 1);
        running.update(x, 3, 499);
        running.update(x, 1500, 500);
        for (int j = 0; j < 3; j++) {
            assertEquals(all.mean(j), running.mean(j), 1e-9);
            assertEquals(all.std(j), running.std(j), 1e-9);
        }
        assertEquals(1000, running.count());
    }

    @Test
    void rejectsNonFiniteAndOutOfRangeInput() {
        Normalizer n = new Normalizer(2, 1e-5);
        assertThrows(IllegalArgumentException.class, () -> n.update(new float[] {1, Float.NaN}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> n.update(new float[] {1, 2}, 0, 2));
    }

    @Test
    void stateRoundTrips(@TempDir Path dir) throws Exception {
        Normalizer n = new Normalizer(2, 1e-5);
        n.fit(new float[] {1, 2, 3, 5}, 0, 2);
        Path f = dir.resolve("n.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "norm")) {
            n.write(w, "n.");
            w.commit();
        }
        Normalizer m = new Normalizer(2, 1e-5);
        m.read(ArchiveReader.open(f, "norm"), "n.");
        assertEquals(n.mean(1), m.mean(1));
        assertEquals(n.std(1), m.std(1));
        assertThrows(IllegalArgumentException.class, () -> new Normalizer(3, 1e-5).read(ArchiveReader.open(f, "norm"), "n."));
    }
}
