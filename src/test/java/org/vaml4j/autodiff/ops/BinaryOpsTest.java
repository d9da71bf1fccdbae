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

/** Hand-computed values of add/sub/mul/div/min/max, equal shapes and broadcast, on both backends. */
class BinaryOpsTest {

    private static final float[] A = {1, 2, 3, 4, 5, 6};   // [2, 3]
    private static final float[] B = {10, 20, 30};         // [3], broadcast over the rows of A

    @FunctionalInterface
    interface Op { Tensor apply(Tape tape, Tensor a, Tensor b); }

    /** y = op(a [2, 3], b [3]) and, for dy = 1, da and db. */
    private static void expect(Op op, float[] b, float[] y, float[] da, float[] db) {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor a = var(A, 2, 3), bt = var(b, 3);
            Tensor out = op.apply(tape, a, bt);
            assertClose(y, out.toArray());
            tape.backward(out, ones(6));
            assertClose(da, a.gradToArray());
            assertClose(db, bt.gradToArray());
        }
    }

    @Test
    void addSubBroadcastOverRows() {
        expect(Add::apply, B, new float[] {11, 22, 33, 14, 25, 36}, ones(6), new float[] {2, 2, 2});
        expect(Sub::apply, B, new float[] {-9, -18, -27, -6, -15, -24}, ones(6), new float[] {-2, -2, -2});
        // the small operand first: b - a
        expect((t, a, b) -> Sub.apply(t, b, a), B, new float[] {9, 18, 27, 6, 15, 24},
                new float[] {-1, -1, -1, -1, -1, -1}, new float[] {2, 2, 2});
    }

    @Test
    void mulDivBroadcastOverRows() {
        // d(ab)/da = b ; d(ab)/db = sum over rows of a
        expect(Mul::apply, B, new float[] {10, 40, 90, 40, 100, 180}, new float[] {10, 20, 30, 10, 20, 30},
                new float[] {5, 7, 9});
        // d(a/b)/da = 1/b ; d(a/b)/db = -sum_rows a / b^2
        expect(Div::apply, B, new float[] {0.1f, 0.1f, 0.1f, 0.4f, 0.25f, 0.2f},
                new float[] {0.1f, 0.05f, 1f / 30, 0.1f, 0.05f, 1f / 30},
                new float[] {-5f / 100, -7f / 400, -9f / 900});
    }

    @Test
    void minMaxRouteTheGradient() {
        float[] c = {3, 3, 3};
        // ties (a = 3 at index 2) go to a
        expect(Min::apply, c, new float[] {1, 2, 3, 3, 3, 3}, new float[] {1, 1, 1, 0, 0, 0}, new float[] {1, 1, 1});
        expect(Max::apply, c, new float[] {3, 3, 3, 4, 5, 6}, new float[] {0, 0, 1, 1, 1, 1}, new float[] {1, 1, 0});
    }

    @Test
    void rankZeroScalarBroadcastsOverAnything() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor a = var(A, 2, 3), s = var(new float[] {2f});
            Tensor y = Mul.apply(tape, a, s);
            assertClose(new float[] {2, 4, 6, 8, 10, 12}, y.toArray());
            tape.backward(y, ones(6));
            assertClose(new float[] {21f}, s.gradToArray());
        }
    }

    @Test
    void mismatchNamesOpAndBothShapes() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor a = var(A, 2, 3), b = var(new float[] {1, 2}, 2);
        assertRejects(() -> Add.apply(tape, a, b), "add", "[2, 3]", "[2]");
        assertRejects(() -> Sub.apply(tape, a, b), "sub", "[2, 3]", "[2]");
        assertRejects(() -> Mul.apply(tape, a, b), "mul", "[2, 3]", "[2]");
        assertRejects(() -> Div.apply(tape, a, b), "div", "[2, 3]", "[2]");
        assertRejects(() -> Min.apply(tape, a, b), "min", "[2, 3]", "[2]");
        assertRejects(() -> Max.apply(tape, a, b), "max", "[2, 3]", "[2]");
    }
}
