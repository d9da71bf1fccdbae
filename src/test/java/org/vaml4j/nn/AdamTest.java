package org.vaml4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdamTest {

    /** Two parameters, lr 0.1, gradients (0.5, -1) then (0.2, 0.4); expected values computed by hand in double. */
    static Params twoStep(Optimizer opt) {
        Params p = opt.params();
        float[][] grads = {{0.5f, -1f}, {0.2f, 0.4f}};
        for (float[] g : grads) {
            System.arraycopy(g, 0, p.grad(), 0, 2);
            opt.step();
        }
        return p;
    }

    static Params start() {
        Params p = Params.builder().add("w", 2).build();
        p.data()[0] = 1f;
        p.data()[1] = -2f;
        return p;
    }

    @Test
    void twoStepsWithoutDecayMatchHandComputation() {
        Params p = twoStep(new Adam(start(), AdamConfig.of(0.1)));
        // step 1 moves each parameter by lr * sign(g); step 2 as computed in double (float32 rounding ~1e-6)
        assertEquals(0.8101424839029282, p.data()[0], 1e-5);
        assertEquals(-1.865439416662626, p.data()[1], 1e-5);
    }

    @Test
    void coupledDecayEntersTheGradient() {
        Params p = twoStep(new Adam(start(), AdamConfig.of(0.1), WeightDecay.uniform(0.1)));
        assertEquals(0.8072814605072346, p.data()[0], 1e-5);
        assertEquals(-1.846831886458653, p.data()[1], 1e-5);
    }

    @Test
    void decoupledDecayShrinksTheWeights() {
        Params p = twoStep(new AdamW(start(), AdamConfig.of(0.1), WeightDecay.uniform(0.1)));
        assertEquals(0.7912424838829282, p.data()[0], 1e-5);
        assertEquals(-1.826639416652626, p.data()[1], 1e-5);
    }

    @Test
    void decayIsPerEntry() {
        Params p = Params.builder().add("w", 1).add("b", 1).build();
        p.data()[0] = 1f;
        p.data()[1] = 1f;
        Adam adam = new Adam(p, AdamConfig.of(0.1), WeightDecay.none().with("w", 0.5));
        adam.step();   // zero gradient: only the decayed entry moves
        assertEquals(1f - 0.1f, p.data()[0], 1e-5);
        assertEquals(1f, p.data()[1]);
        assertThrows(IllegalArgumentException.class,
                () -> new Adam(p, AdamConfig.of(0.1), WeightDecay.none().with("nope", 0.5)));
    }

    @Test
    void stateRoundTripsThroughAnArchive(@TempDir Path dir) throws Exception {
        Adam a = new Adam(start(), AdamConfig.of(0.1));
        twoStep(a);
        Path f = dir.resolve("adam.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "opt")) {
            a.write(w, "adam.");
            w.commit();
        }
        Adam b = new Adam(a.params().copy(), AdamConfig.of(0.1));
        b.read(ArchiveReader.open(f, "opt"), "adam.");
        assertEquals(2, b.steps());
        a.params().grad()[0] = b.params().grad()[0] = 0.3f;
        a.params().grad()[1] = b.params().grad()[1] = -0.1f;
        a.step();
        b.step();
        assertEquals(a.params().data()[0], b.params().data()[0]);
        assertEquals(a.params().data()[1], b.params().data()[1]);
        assertThrows(IllegalArgumentException.class, () -> new Adam(Params.builder().add("w", 3).build(),
                AdamConfig.of(0.1)).read(ArchiveReader.open(f, "opt"), "adam."));
        Files.delete(f);
    }

    @Test
    void rejectsBadHyperParameters() {
        assertThrows(IllegalArgumentException.class, () -> AdamConfig.of(0));
        assertThrows(IllegalArgumentException.class, () -> new AdamConfig(1e-3, 1.0, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> WeightDecay.uniform(-1));
    }
}
