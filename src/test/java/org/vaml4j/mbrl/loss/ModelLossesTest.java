package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelLossesTest {

    @Test
    void registersEveryLossOfTheFeatureTable() {
        assertEquals(List.of("mle", "mse", "vagram", "vagram-taylor", "vagram-hessian", "itervaml", "itervaml+mse", "vaml-sac",
                "ma-l1", "ma-direct-l1", "ma-direct-l2", "vps", "slbo", "value-weighted", "reg-vaml"), ModelLosses.names());
        for (ModelLosses.Info i : ModelLosses.catalog()) {
            ModelLoss l = ModelLosses.create(i.id());
            assertEquals(i.id(), l.id());
            assertFalse(l.description().isBlank() || l.reference().isBlank(), i.id());
        }
    }

    @Test
    void optionsReachTheLoss() {
        assertEquals(3, ModelLosses.create("slbo", Map.of("horizon", "3")).horizon());
        assertEquals(50, ModelLosses.create("ma-direct-l2", Map.of("horizon", "50")).horizon());
        WithVps vps = (WithVps) ModelLosses.create("vps", Map.of("main", "itervaml"));
        assertEquals("itervaml", vps.main().id());
        assertEquals(2, vps.horizon());
        assertEquals(0.5, ((RegVaml) ModelLosses.create("reg-vaml", Map.of("alpha", "0:0.5"))).alphaAt(10));
    }

    @Test
    void badNamesAndOptionsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelLosses.create("vagrm"));
        for (String n : ModelLosses.names()) assertTrue(e.getMessage().contains(n), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelLosses.create("vagram", Map.of("percentile", "0.9")));
        assertEquals("model loss 'vagram': unknown option 'percentile'; accepted: clip, lambda, scale", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelLosses.create("vagram", Map.of("clip", "x")));
        assertTrue(e.getMessage().contains("clip"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelLosses.create("vagram", Map.of("clip", "2")));
        assertThrows(IllegalArgumentException.class, () -> ModelLosses.create("itervaml", Map.of("samples", "0")));
        assertThrows(IllegalArgumentException.class, () -> ModelLosses.create("vps", Map.of("main", "mle")));
        assertThrows(IllegalArgumentException.class, () -> ModelLosses.create("mse", Map.of("scale", "2")));
    }
}
