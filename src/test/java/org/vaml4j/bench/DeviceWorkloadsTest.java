package org.vaml4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.device.HostDevice;

/** The device workloads run on the host reference device at tiny sizes (no time is asserted beyond being a time). */
class DeviceWorkloadsTest {

    private static final DeviceWorkloads.Shapes TINY = new DeviceWorkloads.Shapes(3, 8, 2, 16, 50);

    @Test
    void ensembleTrainRuns() {
        try (HostDevice d = new HostDevice()) {
            String row = DeviceBench.row("t", d, DeviceWorkloads.ensembleTrain(d, TINY), 3, 2);
            assertTrue(row.startsWith("t,0,ENSEMBLE_TRAIN,"), row);
        }
    }

    @Test
    void ensemblePredictFullRuns() {
        try (HostDevice d = new HostDevice()) {
            String row = DeviceBench.row("t", d, DeviceWorkloads.ensemblePredictFull(d, TINY), 3, 2);
            assertTrue(row.startsWith("t,0,ENSEMBLE_PREDICT_FULL,"), row);
        }
    }

    @Test
    void aGemmRowOnTheHostDevice() {
        try (HostDevice d = new HostDevice()) {
            String row = DeviceBench.row("t", d, DeviceBench.gemm(d, 17, 9, 5, 2, 2), 3, 1);
            assertTrue(row.startsWith("t,0,BMM_2x17x9x5,"), row);
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
        assertThrows(IllegalArgumentException.class, () -> new DeviceWorkloads.Shapes(0, 1, 1, 1, 1));
    }
}
