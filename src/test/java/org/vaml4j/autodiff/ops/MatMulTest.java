package org.vaml4j.autodiff.ops;

import static org.vaml4j.autodiff.OpTesting.assertClose;
import static org.vaml4j.autodiff.OpTesting.assertRejects;
import static org.vaml4j.autodiff.OpTesting.ones;
import static org.vaml4j.autodiff.OpTesting.var;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

class MatMulTest {

    private static final float[] A = {1, 2, 3, 4, 5, 6};   // [2, 3]
    private static final float[] B = {1, 0, 0, 1, 1, 1};   // [3, 2]

    @Test
    void knownProductAndGradients() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor a = var(A, 2, 3), b = var(B, 3, 2);
            Tensor c = MatMul.apply(tape, a, b);
            assertClose(new float[] {4, 5, 10, 11}, c.toArray());
            // L = sum(C): dA = 1 B^T, dB = A^T 1
            tape.backward(c, ones(4));
            assertClose(new float[] {1, 1, 2, 1, 1, 2}, a.gradToArray());
            assertClose(new float[] {5, 5, 7, 7, 9, 9}, b.gradToArray());
        }
    }

    @Test
    void transposedOperandsGiveTheSameProduct() {
        float[] at = {1, 4, 2, 5, 3, 6};   // A^T [3, 2]
        float[] bt = {1, 0, 1, 0, 1, 1};   // B^T [2, 3]
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor a = var(at, 3, 2), b = var(bt, 2, 3);
            Tensor c = MatMul.apply(tape, a, b, true, true);
            assertClose(new float[] {4, 5, 10, 11}, c.toArray());
            tape.backward(c, ones(4));
            assertClose(new float[] {1, 1, 1, 1, 2, 2}, a.gradToArray());   // (1 B^T)^T
            assertClose(new float[] {5, 7, 9, 5, 7, 9}, b.gradToArray());   // (A^T 1)^T
        }
    }

    @Test
    void batchedProductPerMember() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor a = var(new float[] {1, 2, 3, 4}, 2, 1, 2), b = var(new float[] {1, 1, 2, -1}, 2, 2, 1);
            Tensor c = BatchedMatMul.apply(tape, a, b);
            assertClose(new float[] {3, 2}, c.toArray());
            tape.backward(c, ones(2));
            assertClose(new float[] {1, 1, 2, -1}, a.gradToArray());
            assertClose(new float[] {1, 2, 3, 4}, b.gradToArray());
        }
    }

    @Test
    void mismatchNamesOpAndShapes() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor a = Tensor.constant(new float[6], 2, 3);
        Tensor b = Tensor.constant(new float[4], 2, 2);
        assertRejects(() -> MatMul.apply(tape, a, b), "matmul", "[2, 3]", "[2, 2]");
        assertRejects(() -> BatchedMatMul.apply(tape, Tensor.constant(new float[12], 2, 2, 3),
                Tensor.constant(new float[12], 3, 2, 2)), "batched matmul", "[2, 2, 3]", "[3, 2, 2]");
    }
}
