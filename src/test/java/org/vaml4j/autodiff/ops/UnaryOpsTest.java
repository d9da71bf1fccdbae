package org.vaml4j.autodiff.ops;

import static org.vaml4j.autodiff.OpTesting.assertClose;
import static org.vaml4j.autodiff.OpTesting.assertRejects;
import static org.vaml4j.autodiff.OpTesting.ones;
import static org.vaml4j.autodiff.OpTesting.var;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;

/** Hand-computed values of the elementwise ops of one tensor, on both backends. */
class UnaryOpsTest {

    /** y = op(x) on every backend; returns nothing, asserts y and (if given) dx for dy = 1. */
    private static void expect(BiFunction<Tape, Tensor, Tensor> op, float[] x, float[] y, float[] dx) {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor in = var(x, x.length);
            Tensor out = op.apply(tape, in);
            assertClose(y, out.toArray());
            if (dx != null) {
                tape.backward(out, ones(x.length));
                assertClose(dx, in.gradToArray());
            }
        }
    }

    @Test
    void piecewiseLinear() {
        float[] x = {-2f, -0.5f, 0f, 1.5f};
        expect(Neg::apply, x, new float[] {2f, 0.5f, 0f, -1.5f}, new float[] {-1, -1, -1, -1});
        expect(Relu::apply, x, new float[] {0f, 0f, 0f, 1.5f}, new float[] {0, 0, 0, 1});
        expect(Abs::apply, x, new float[] {2f, 0.5f, 0f, 1.5f}, new float[] {-1, -1, 0, 1});
        expect((t, v) -> Clamp.apply(t, v, -1f, 0f), x, new float[] {-1f, -0.5f, 0f, 0f}, new float[] {0, 1, 1, 0});
    }

    @Test
    void powers() {
        expect(Square::apply, new float[] {-2f, 0.5f, 3f}, new float[] {4f, 0.25f, 9f}, new float[] {-4f, 1f, 6f});
        expect(Sqrt::apply, new float[] {4f, 2.25f}, new float[] {2f, 1.5f}, new float[] {0.25f, 1f / 3f});
        expect((t, v) -> Pow.apply(t, v, 3f), new float[] {2f, -1f}, new float[] {8f, -1f}, new float[] {12f, 3f});
        expect((t, v) -> Div.apply(t, 2f, v), new float[] {4f, -0.5f}, new float[] {0.5f, -4f}, new float[] {-0.125f, -8f});
    }

    @Test
    void exponentials() {
        float e = (float) Math.E;
        expect(Exp::apply, new float[] {0f, 1f, -1f}, new float[] {1f, e, 1f / e}, new float[] {1f, e, 1f / e});
        expect(Log::apply, new float[] {1f, e, 0.5f}, new float[] {0f, 1f, -0.6931472f}, new float[] {1f, 1f / e, 2f});
        expect(Softplus::apply, new float[] {0f, 1f, -30f, 30f},
                new float[] {0.6931472f, 1.3132617f, 9.357623e-14f, 30f}, new float[] {0.5f, 0.7310586f, 9.357623e-14f, 1f});
    }

    @Test
    void sigmoidal() {
        expect(Tanh::apply, new float[] {0f, -0.5f}, new float[] {0f, -0.46211716f}, new float[] {1f, 1f - 0.46211716f * 0.46211716f});
        expect(Sigmoid::apply, new float[] {0f, 1f}, new float[] {0.5f, 0.7310586f}, new float[] {0.25f, 0.7310586f * 0.2689414f});
        // silu'(x) = s (1 + x (1 - s)): at 0 it is 1/2, at 1 it is 0.7310586 (1 + 0.2689414)
        expect(Silu::apply, new float[] {0f, 1f, -1f}, new float[] {0f, 0.7310586f, -0.2689414f},
                new float[] {0.5f, 0.7310586f * 1.2689414f, 0.2689414f * (1f - 0.7310586f)});
    }

    @Test
    void scalarVariants() {
        float[] x = {1f, -2f};
        expect((t, v) -> Add.apply(t, v, 3f), x, new float[] {4f, 1f}, new float[] {1, 1});
        expect((t, v) -> Sub.apply(t, v, 3f), x, new float[] {-2f, -5f}, new float[] {1, 1});
        expect((t, v) -> Sub.apply(t, 3f, v), x, new float[] {2f, 5f}, new float[] {-1, -1});
        expect((t, v) -> Mul.apply(t, v, -2f), x, new float[] {-2f, 4f}, new float[] {-2, -2});
        expect((t, v) -> Div.apply(t, v, 4f), x, new float[] {0.25f, -0.5f}, new float[] {0.25f, 0.25f});
    }

    @Test
    void clampRejectsInvertedBounds() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        assertRejects(() -> Clamp.apply(tape, var(new float[] {1f}, 1), 1f, -1f), "clamp", "lo=1.0", "hi=-1.0");
    }
}
