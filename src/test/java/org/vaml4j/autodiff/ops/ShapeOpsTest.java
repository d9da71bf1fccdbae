package org.vaml4j.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.vaml4j.autodiff.OpTesting.assertClose;
import static org.vaml4j.autodiff.OpTesting.assertRejects;
import static org.vaml4j.autodiff.OpTesting.ones;
import static org.vaml4j.autodiff.OpTesting.var;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/** Hand-computed Concat, Slice, Reshape, Detach and GatherRows, on both backends. */
class ShapeOpsTest {

    @Test
    void concatLastAxisAndBack() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor a = var(new float[] {1, 2}, 2, 1), b = var(new float[] {3, 4, 5, 6}, 2, 2);
            Tensor y = Concat.apply(tape, a, b);
            assertArrayEquals(new int[] {2, 3}, y.shape());
            assertClose(new float[] {1, 3, 4, 2, 5, 6}, y.toArray());
            tape.backward(y, new float[] {1, 2, 3, 4, 5, 6});
            assertClose(new float[] {1, 4}, a.gradToArray());
            assertClose(new float[] {2, 3, 5, 6}, b.gradToArray());
        }
    }

    @Test
    void concatFirstAxis() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor y = Concat.apply(tape, 0, var(new float[] {1, 2}, 2), var(new float[] {3}, 1));
        assertClose(new float[] {1, 2, 3}, y.toArray());
    }

    @Test
    void sliceColumnsAndBack() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor x = var(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor y = Slice.apply(tape, x, 1, 3);
            assertClose(new float[] {2, 3, 5, 6}, y.toArray());
            tape.backward(y, ones(4));
            assertClose(new float[] {0, 1, 1, 0, 1, 1}, x.gradToArray());
        }
    }

    @Test
    void reshapeSharesStorageAndGradient() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor x = var(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor r = Reshape.apply(tape, x, 3, -1);
        assertArrayEquals(new int[] {3, 2}, r.shape());
        assertSame(x.data(), r.data());
        tape.backward(Sum.apply(tape, Square.apply(tape, r)));
        assertClose(new float[] {2, 4, 6, 8, 10, 12}, x.gradToArray());
    }

    @Test
    void detachStopsTheGradient() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor x = var(new float[] {1, 2}, 2);
        Tensor d = Detach.apply(tape, x);
        assertFalse(d.requiresGrad());
        tape.backward(Sum.apply(tape, Mul.apply(tape, x, d)));   // d(x * stop(x))/dx = stop(x)
        assertClose(new float[] {1, 2}, x.gradToArray());
    }

    @Test
    void gatherRowsAddsGradientsOfRepeatedRows() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor x = var(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
            Tensor y = GatherRows.apply(tape, x, new int[] {2, 0, 2});
            assertClose(new float[] {5, 6, 1, 2, 5, 6}, y.toArray());
            tape.backward(y, ones(6));
            assertClose(new float[] {1, 1, 0, 0, 2, 2}, x.gradToArray());
        }
    }

    @Test
    void badShapesAndIndicesAreNamed() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor x = var(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertRejects(() -> Concat.apply(tape, x, var(new float[3], 3, 1)), "concat", "[2, 3]", "[3, 1]");
        assertRejects(() -> Slice.apply(tape, x, 2, 4), "slice", "[2, 4)", "length 3");
        assertRejects(() -> Reshape.apply(tape, x, 4, -1), "reshape", "[2, 3]", "[4, -1]");
        assertRejects(() -> Reshape.apply(tape, x, 5), "reshape", "[2, 3]", "[5]");
        assertRejects(() -> GatherRows.apply(tape, x, new int[] {0, 2}), "gather rows", "index 2", "[2, 3]");
    }
}
