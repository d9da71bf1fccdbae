package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.device.Cuda;

/** {@code vaml4j info}: one line per fact, the CUDA line included. */
class InfoCommandTest {

    @Test
    void printsEveryLineAndTheCudaStatus() {
        TrainCommandTest.Result r = TrainCommandTest.run("info");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("vaml4j", "jdk", "backend", "lanes", "threads", "vector", "cuda"),
                lines.stream().map(l -> l.split(" +")[0]).toList(), r.out());
        Cuda.Status gpu = Cuda.status();
        assertEquals("cuda     " + gpu.describe(), lines.get(6));
        if (!gpu.usable()) {
            assertTrue(lines.get(6).startsWith("cuda     not usable: "), lines.get(6));
            assertFalse(gpu.reason().isBlank());
        }
    }

    @Test
    void takesNoArguments() {
        TrainCommandTest.Result r = TrainCommandTest.run("info", "--gpu");
        assertEquals(2, r.code());
        assertEquals("vaml4j info: takes no arguments, got [--gpu]" + System.lineSeparator(), r.err());
    }
}
