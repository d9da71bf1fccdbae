package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetNormalizationTest {

    @Test
    void namesRoundTripAndUnknownNamesListTheAcceptedOnes() {
        for (TargetNormalization t : TargetNormalization.values()) assertEquals(t, TargetNormalization.byName(t.id()));
        assertEquals(TargetNormalization.STANDARDIZE, TargetNormalization.byName(" Standardize "));
        var e = assertThrows(IllegalArgumentException.class, () -> TargetNormalization.byName("zscore"));
        assertTrue(e.getMessage().contains("zscore") && e.getMessage().contains("none, standardize"), e.getMessage());
    }

    @Test
    void theGaussianHeadStandardizesAndTheDeterministicOneKeepsRawTargets() {
        assertEquals(TargetNormalization.STANDARDIZE, TargetNormalization.defaultFor(ModelHead.GAUSSIAN));
        assertEquals(TargetNormalization.NONE, TargetNormalization.defaultFor(ModelHead.DETERMINISTIC));
        assertEquals(TargetNormalization.STANDARDIZE, DynamicsConfig.defaults().targets());
        assertThrows(IllegalArgumentException.class,
                () -> new DynamicsConfig(1, 1, 1, 1, ModelHead.GAUSSIAN, false, null));
    }
}
