package org.vaml4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Backend selection by name, and the messages a user sees. Tests run with the vector module. */
class KernelChoiceTest {

    @Test
    void namesSelectTheirBackend() {
        assertTrue(KernelChoice.vectorApiPresent(), "tests run with --add-modules jdk.incubator.vector");
        assertInstanceOf(ScalarKernels.class, KernelChoice.select("scalar", 1));
        Kernels auto = KernelChoice.select("auto", 2);
        assertInstanceOf(VectorKernels.class, auto);
        assertEquals(2, ((VectorKernels) auto).threads());
        assertInstanceOf(VectorKernels.class, KernelChoice.select("vector", 1));
    }

    @Test
    void unknownNameListsTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelChoice.select("gpu", 1));
        assertEquals("unknown backend 'gpu'; accepted: auto, vector, scalar (and cuda for run.kernels)", e.getMessage());
    }

    @Test
    void cudaIsNoFloatArrayBackendAndSaysWhereItIsSelected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelChoice.select("cuda", 1));
        assertTrue(e.getMessage().startsWith("backend 'cuda' is not a float[] kernel backend: the GPU is selected with run.kernels=cuda"),
                e.getMessage());
    }

    @Test
    void threadCountMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelChoice.select("auto", 0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
    }

    @Test
    void describeNamesBackendAndLanes() {
        Kernels v = KernelChoice.select("vector", 1);
        assertEquals("kernels: vector (" + v.lanes() + " float lanes)", KernelChoice.describe(v));
        assertEquals("kernels: scalar (1 float lanes)", KernelChoice.describe(new ScalarKernels()));
    }
}
