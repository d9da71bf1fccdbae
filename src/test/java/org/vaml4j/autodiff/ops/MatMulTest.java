package org.vaml4j.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.ScalarKernels;

class MatMulTest {

    @Test
    void knownProductAndGradients() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor a = Tensor.variable(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.variable(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        Tensor c = MatMul.apply(tape, a, b);
        assertArrayEquals(new float[] {4, 5, 10, 11}, c.toArray());
        // L = sum(C): dA = 1 B^T, dB = A^T 1
        tape.backward(c, new float[] {1, 1, 1, 1});
        assertArrayEquals(new float[] {1, 1, 2, 1, 1, 2}, a.gradToArray());
        assertArrayEquals(new float[] {5, 5, 7, 7, 9, 9}, b.gradToArray());
    }

    @Test
    void mismatchNamesOpAndShapes() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor a = Tensor.constant(new float[6], 2, 3);
        Tensor b = Tensor.constant(new float[4], 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatMul.apply(tape, a, b));
        assertTrue(e.getMessage().contains("matmul") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2, 2]"),
                e.getMessage());
    }
}
