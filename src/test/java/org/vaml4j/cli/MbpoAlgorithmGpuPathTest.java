package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaml4j.experiment.Presets;
import org.vaml4j.experiment.Settings;

/** Which {@code --algo mbpo} settings have a device path ({@link MbpoAlgorithm#gpuLimitation}); needs no GPU. */
class MbpoAlgorithmGpuPathTest {

    private static Settings settings(String... sets) {
        try {
            return Presets.resolve("mbpo", "Pendulum-v1", List.of(sets));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void mleAndVagramWithTheirDefaultHeadsRunOnTheGpu() {
        MbpoAlgorithm algo = new MbpoAlgorithm();
        assertNull(algo.gpuLimitation(settings("model.loss=mle")));
        assertNull(algo.gpuLimitation(settings("model.loss=vagram")));
        assertTrue(algo.runsOnCuda(settings("model.loss=vagram")));
    }

    @Test
    void otherLossesAndHeadsSayWhy() {
        MbpoAlgorithm algo = new MbpoAlgorithm();
        assertEquals("--algo mbpo trains on the GPU with --loss mle or vagram only, got 'mse' (it runs on the CPU without run.kernels=cuda)",
                algo.gpuLimitation(settings("model.loss=mse")));
        assertEquals("device model training: the vagram loss needs a deterministic head, got gaussian",
                algo.gpuLimitation(settings("model.loss=vagram", "model.head=gaussian")));
        assertFalse(algo.runsOnCuda(settings("model.loss=mle", "model.head=deterministic")));
    }
}
