package org.vaml4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.device.HostDevice;

/** The device workloads run on the host reference device at tiny sizes (no time is asserted beyond being a time). */
class DeviceWorkloadsTest {

    private static final DeviceWorkloads.Shapes TINY = new DeviceWorkloads.Shapes(3, 8, 2, 16, 50);
    private static final DeviceWorkloads.Timing QUICK = new DeviceWorkloads.Timing(2, 3, 2);

    @Test
    void ensembleTrainRuns() {
        try (HostDevice d = new HostDevice()) {
            double ms = DeviceWorkloads.ensembleTrainMs(d, TINY, QUICK);
            assertTrue(ms >= 0 && Double.isFinite(ms), "ms " + ms);
        }
    }

    @Test
    void ensemblePredictFullRuns() {
        try (HostDevice d = new HostDevice()) {
            double ms = DeviceWorkloads.ensemblePredictFullMs(d, TINY, QUICK);
            assertTrue(ms >= 0 && Double.isFinite(ms), "ms " + ms);
        }
    }

    @Test
    void mbpoShapesAreTheCpuBenchsAndFlopsCountLikeIt() {
        DeviceWorkloads.Shapes s = DeviceWorkloads.Shapes.mbpo();
        assertEquals(7, s.members());
        assertEquals(256, s.batch());
        assertEquals(100_000, s.predictRows());
        assertEquals(3 * EnsembleWorkloads.flopsPerRow() * 7 * 256, DeviceWorkloads.trainFlops(s));
        assertEquals(EnsembleWorkloads.flopsPerRow() * 7 * 100_000, DeviceWorkloads.predictFullFlops(s));
        assertThrows(IllegalArgumentException.class, () -> new DeviceWorkloads.Timing(0, 0, 1));
    }
}
