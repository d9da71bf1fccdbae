package org.vaml4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCsvTest {

    @Test
    void writesRowsAndResumeDropsRowsPastTheCheckpoint(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("progress.csv");
        List<String> header = List.of("step", "episode", "loss", "note");
        try (ProgressCsv csv = ProgressCsv.create(f, header)) {
            csv.row(100L, 1L, 0.5, "a,b");
            csv.row(200L, 2L, Double.NaN, null);
            csv.row(300L, 3L, 1e-7, "x");
        }
        assertEquals(List.of("step,episode,loss,note", "100,1,0.5,\"a,b\"", "200,2,,", "300,3,1.0E-7,x"), Files.readAllLines(f));
        try (ProgressCsv csv = ProgressCsv.resume(f, header, 200)) {
            csv.row(300L, 3L, 2.0, "again");
        }
        assertEquals(List.of("step,episode,loss,note", "100,1,0.5,\"a,b\"", "200,2,,", "300,3,2.0,again"), Files.readAllLines(f));
    }

    @Test
    void rejectsOtherHeadersAndWrongRowLengths(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        try (ProgressCsv csv = ProgressCsv.create(f, List.of("step", "a"))) {
            assertThrows(IllegalArgumentException.class, () -> csv.row(1L));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> ProgressCsv.resume(f, List.of("step", "b"), 0));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProgressCsv.create(f, List.of("a", "step")));
    }
}
