package org.vaml4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.ScalarKernels;

class GaussianHeadTest {

    static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    @Test
    void logvarIsSoftlyBoundedAsMbpo() {
        Params.Builder b = Params.builder();
        GaussianHead h = new GaussianHead(b, "h", 2);
        Params p = b.build();
        h.init(p);
        Tape tape = new Tape(new ScalarKernels());
        Tensor raw = Tensor.variable(new float[] {1f, 2f, -3f, 40f, 3f, 4f, -60f, -1f}, 2, 4);
        GaussianHead.Output o = h.apply(tape, p, raw, false);
        assertEquals(1f, o.mean().get(0));
        assertEquals(4f, o.mean().get(3));
        double[] raws = {-3, 40, -60, -1};
        for (int i = 0; i < 4; i++) {
            double lv = 0.5 - softplus(0.5 - raws[i]);
            lv = -10 + softplus(lv + 10);
            assertEquals(lv, o.logvar().get(i), 1e-5);
            // the lower softplus can lift the top by exp(-10.5) at most
            assertTrue(o.logvar().get(i) <= 0.5f + 1e-4 && o.logvar().get(i) >= -10f);
        }
        assertEquals(0.01 * (0.5 * 2 + 10 * 2), h.boundPenalty(tape, p, false).item(), 1e-6);
        assertNull(h.boundPenalty(tape, p, false).grad());
        assertThrows(IllegalArgumentException.class, () -> h.apply(tape, p, Tensor.constant(new float[3], 1, 3), false));
    }
}
