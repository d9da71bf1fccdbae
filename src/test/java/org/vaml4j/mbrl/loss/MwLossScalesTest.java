package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MwLossScalesTest {

    @Test
    void readsTable1() {
        assertEquals(0.5, MwLossScales.of("ma-l1", "Ant").alpha());
        assertTrue(Double.isNaN(MwLossScales.of("ma-l1", "hopper").lambda()));
        assertEquals(new MwLossScales.Scales(0.005, 1e-6), MwLossScales.of("ma-l1+vps", "halfcheetah"));
        assertEquals(1e-11, MwLossScales.of("ma-vaml", "hopper").alpha());
        assertEquals(new MwLossScales.Scales(1e-11, 0.1), MwLossScales.of("ma-vaml+vps", "cartpole"));
        assertThrows(IllegalArgumentException.class, () -> MwLossScales.of("vagram", "hopper"));
        assertThrows(IllegalArgumentException.class, () -> MwLossScales.of("ma-l1", "walker2d"));
    }
}
