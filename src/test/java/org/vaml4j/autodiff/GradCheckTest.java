package org.vaml4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaml4j.autodiff.OpTesting.assertRejects;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.ops.BoundedLogVar;
import org.vaml4j.autodiff.ops.Log;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Tanh;
import org.vaml4j.kernel.ScalarKernels;

class GradCheckTest {

    /** y = 3x with a backward rule that is 10% off, built the way a user writes an op. */
    private static Tensor wrongTriple(Tape tape, Tensor x) {
        Tensor y = tape.output(x.requiresGrad(), x.shape());
        for (int i = 0; i < x.size(); i++) y.data()[y.offset() + i] = 3f * x.get(i);
        if (y.requiresGrad()) {
            tape.record(() -> tape.kernels().axpy(x.size(), 3.3f, y.grad(), y.gradOffset(), x.grad(), x.gradOffset()));
        }
        return y;
    }

    @Test
    void javadocExamplePasses() {
        Tensor x = Tensor.variable(new float[] {0.3f, -1.2f, 2f}, 3);
        Tensor w = Tensor.constant(new float[] {1f, 2f, 3f}, 3);
        GradCheck.check(new ScalarKernels(), new SplittableRandom(7),
                (tape, in) -> Mul.apply(tape, Tanh.apply(tape, in[0]), in[1]), x, w);
    }

    @Test
    void wrongGradientIsReportedWithInputAndBothNumbers() {
        Tensor a = Tensor.variable(new float[] {1f, 2f}, 2);
        Tensor b = Tensor.variable(new float[] {0.5f, -1f, 2f}, 3);
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.check(new ScalarKernels(),
                new SplittableRandom(3), (tape, in) -> wrongTriple(tape, in[1]), a, b));
        String m = e.getMessage();
        assertTrue(m.contains("input 1 [3]") && m.contains("finite differences") && m.contains("reverse mode"), m);
        List<GradCheck.Comparison> cs = GradCheck.compare(new ScalarKernels(), new SplittableRandom(3),
                GradCheck.Config.DEFAULT, (tape, in) -> wrongTriple(tape, in[1]), a, b);
        assertEquals(2, cs.size());
        assertTrue(cs.get(0).agrees());                // a does not enter: both projections are 0
        assertEquals(0.0, cs.get(0).reverseMode());
        GradCheck.Comparison c = cs.get(1);
        assertEquals(1.1, c.reverseMode() / c.finiteDifference(), 1e-3);
    }

    @Test
    void cancellationInsideTheFunctionIsNotMistakenForAWrongGradient() {
        // logvar = min + softplus(lv - min) with min = -10 and lv far above it: the output is
        // small but carries rounding of size ulp(10); d/dmin (about 1e-6) is below what float
        // differences can resolve. Seen as a false failure of FusedOpsProperties.boundedLogVar.
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            Tensor raw = Tensor.variable(new float[] {(float) rng.nextDouble(-13, 3)}, 1, 1, 1);
            Tensor max = Tensor.variable(new float[] {(float) rng.nextDouble(0, 1)}, 1);
            Tensor min = Tensor.variable(new float[] {(float) rng.nextDouble(-11, -9)}, 1);
            GradCheck.check(new ScalarKernels(), rng,
                    (t, in) -> BoundedLogVar.apply(t, in[0], in[1], in[2]), raw, max, min);
        }
    }

    @Test
    void constantsAreNotChecked() {
        Tensor c = Tensor.constant(new float[] {1f, 2f}, 2);
        Tensor v = Tensor.variable(new float[] {1f, 2f}, 2);
        assertEquals(1, GradCheck.compare(new ScalarKernels(), new SplittableRandom(1), GradCheck.Config.DEFAULT,
                (tape, in) -> Mul.apply(tape, in[0], in[1]), c, v).size());
    }

    @Test
    void nonFiniteInputsAndOutputsAreRejectedClearly() {
        Tensor nan = Tensor.variable(new float[] {1f, Float.NaN}, 2);
        assertRejects(() -> GradCheck.check(new ScalarKernels(), new SplittableRandom(1),
                (tape, in) -> Tanh.apply(tape, in[0]), nan), "input 0", "[2]", "NaN", "index 1");
        Tensor zero = Tensor.variable(new float[] {1f, 0f}, 2);
        assertRejects(() -> GradCheck.check(new ScalarKernels(), new SplittableRandom(1),
                (tape, in) -> Log.apply(tape, in[0]), zero), "output", "-Infinity");
        // log at 1e-4 is finite, but x - eps t crosses 0 for some tangents
        Tensor tiny = Tensor.variable(new float[] {1e-4f, 1e-4f, 1e-4f, 1e-4f}, 4);
        assertRejects(() -> GradCheck.check(new ScalarKernels(), new SplittableRandom(1),
                (tape, in) -> Log.apply(tape, in[0]), tiny), "output at input 0");
    }

    @Test
    void configIsValidated() {
        assertRejects(() -> new GradCheck.Config(0, 1e-2, 1e-3), "eps");
        assertRejects(() -> new GradCheck.Config(1e-3, -1, 1e-3), "relTol");
    }
}
