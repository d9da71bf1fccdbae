package org.vaml4j.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaml4j.autodiff.OpTesting.assertClose;
import static org.vaml4j.autodiff.OpTesting.assertRejects;
import static org.vaml4j.autodiff.OpTesting.ones;
import static org.vaml4j.autodiff.OpTesting.var;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/** Hand-computed Sum and Mean over all values and over axes, on both backends. */
class ReduceOpsTest {

    private static final float[] X = {1, 2, 3, 4, 5, 6};   // [2, 3]

    @Test
    void overAllValues() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor x = var(X, 2, 3);
            Tensor s = Sum.apply(tape, x);
            Tensor m = Mean.apply(tape, x);
            assertEquals(0, s.rank());
            assertEquals(21f, s.item());
            assertEquals(3.5f, m.item());
            tape.backward(m);
            assertClose(new float[] {1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f}, x.gradToArray());
        }
    }

    @Test
    void overOneAxis() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor x = var(X, 2, 3);
            assertClose(new float[] {5, 7, 9}, Sum.apply(tape, x, 0, false).toArray());
            Tensor rows = Sum.apply(tape, x, 1, true);
            assertArrayEquals(new int[] {2, 1}, rows.shape());
            assertClose(new float[] {6, 15}, rows.toArray());
            Tensor means = Mean.apply(tape, x, -1, false);
            assertArrayEquals(new int[] {2}, means.shape());
            assertClose(new float[] {2, 5}, means.toArray());
            tape.backward(means, new float[] {3, 6});
            assertClose(new float[] {1, 1, 1, 2, 2, 2}, x.gradToArray());
        }
    }

    @Test
    void middleAxisOfRankThree() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor x = var(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
            Tensor y = Sum.apply(tape, x, 1, false);
            assertClose(new float[] {4, 6, 12, 14}, y.toArray());
            tape.backward(y, new float[] {1, 2, 3, 4});
            assertClose(new float[] {1, 2, 1, 2, 3, 4, 3, 4}, x.gradToArray());
        }
    }

    @Test
    void emptyInputs() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor empty = var(new float[0], 0, 3);
        assertEquals(0f, Sum.apply(tape, empty).item());
        assertEquals(Float.NaN, Mean.apply(tape, empty).item());
        assertClose(new float[] {0, 0, 0}, Sum.apply(tape, empty, 0, false).toArray());
        assertEquals(0, Sum.apply(tape, empty, 1, false).size());
        tape.backward(Sum.apply(tape, empty));
        assertEquals(0, empty.gradToArray().length);
        assertClose(ones(0), empty.gradToArray());
    }

    @Test
    void badAxisIsNamed() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        assertRejects(() -> Sum.apply(tape, var(X, 2, 3), 2, false), "sum", "axis 2", "[2, 3]");
        assertRejects(() -> Mean.apply(tape, var(X, 2, 3), -3, false), "mean", "axis -3", "[2, 3]");
    }
}
