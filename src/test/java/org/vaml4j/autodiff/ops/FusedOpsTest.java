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

/** Hand-computed values of the fused ops (reference numbers from double-precision formulas). */
class FusedOpsTest {

    @Test
    void gaussianNll() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor mean = var(new float[] {1, 0}, 2);
            Tensor logVar = var(new float[] {0, (float) Math.log(4)}, 2);
            Tensor target = var(new float[] {3, 1}, 2);
            Tensor y = GaussianNll.apply(tape, mean, logVar, target);
            // (1-3)^2 e^0 + 0 = 4 ; (0-1)^2 / 4 + log 4
            assertClose(new float[] {4f, 0.25f + 1.3862944f}, y.toArray());
            tape.backward(y, ones(2));
            assertClose(new float[] {-4f, -0.5f}, mean.gradToArray());
            assertClose(new float[] {4f, 0.5f}, target.gradToArray());
            assertClose(new float[] {-3f, 0.75f}, logVar.gradToArray());
        }
    }

    @Test
    void boundedLogVarStaysWithinTheBounds() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor raw = var(new float[] {0, 100, -100}, 3, 1);
        Tensor y = BoundedLogVar.apply(tape, raw, var(new float[] {0.5f}, 1), var(new float[] {-10f}, 1));
        assertArrayEquals(new float[] {-0.47400405f, 0.5f, -10f}, y.toArray(), 1e-4f);
    }

    @Test
    void tanhGaussianLogProb() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            // row 0: u = 0 ; row 1: u = 1 + 2 * 0.5 = 2 ; row 2: u = 20, where log(1 - tanh^2) underflows naively
            Tensor mean = var(new float[] {0, 1, 20}, 3, 1);
            Tensor logStd = var(new float[] {0, (float) Math.log(2), 0}, 3, 1);
            Tensor eps = Tensor.constant(new float[] {0, 0.5f, 0}, 3, 1);
            TanhGaussianLogProb.Result r = TanhGaussianLogProb.apply(tape, mean, logStd, eps);
            assertClose(new float[] {0f, 0.96402758f, 1f}, r.action().toArray());
            assertArrayEquals(new int[] {3, 1}, r.logProb().shape());
            assertArrayEquals(new float[] {-0.91893853f, 0.91291978f, 37.694767f}, r.logProb().toArray(), 1e-4f);
            tape.backward(r.logProb(), ones(3));
            // dlp/dmean = 2 tanh(u) ; dlp/dlogStd = 2 tanh(u) std eps - 1
            assertClose(new float[] {0f, 1.9280552f, 2f}, mean.gradToArray());
            assertClose(new float[] {-1f, 0.9280552f, -1f}, logStd.gradToArray());
        }
    }

    @Test
    void logSoftmaxIsStableAndPicksTheTakenAction() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            // row 0: uniform over 2 ; row 1: logits 1000 and 0 (naive exp overflows)
            Tensor x = var(new float[] {0, 0, 1000, 0}, 2, 2);
            Tensor lp = LogSoftmax.apply(tape, x);
            assertClose(new float[] {-0.6931472f, -0.6931472f, 0f, -1000f}, lp.toArray());
            Tensor taken = GatherColumns.apply(tape, lp, new int[] {1, 0});
            assertArrayEquals(new int[] {2, 1}, taken.shape());
            assertClose(new float[] {-0.6931472f, 0f}, taken.toArray());
            tape.backward(taken, ones(2));
            // d log p_k / dx = onehot(k) - softmax
            assertClose(new float[] {-0.5f, 0.5f, 0f, 0f}, x.gradToArray());
        }
    }

    @Test
    void l2NormOfRows() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor x = var(new float[] {3, 4, 0, 0}, 2, 2);
            Tensor n = L2Norm.apply(tape, x, false);
            assertClose(new float[] {5, 0}, n.toArray());
            tape.backward(n, ones(2));
            assertClose(new float[] {0.6f, 0.8f, 0, 0}, x.gradToArray());
        }
    }

    @Test
    void badShapesAreNamed() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        Tensor a = var(new float[6], 2, 3), b = var(new float[6], 3, 2);
        assertRejects(() -> GaussianNll.apply(tape, a, b, a), "gaussian nll", "[2, 3]", "[3, 2]");
        assertRejects(() -> TanhGaussianLogProb.apply(tape, a, a, b), "tanh gaussian logprob", "[2, 3]", "[3, 2]");
        assertRejects(() -> BoundedLogVar.apply(tape, a, var(new float[2], 2), var(new float[2], 2)),
                "bounded logvar", "[2, 3]", "[2]");
        assertRejects(() -> GatherColumns.apply(tape, a, new int[] {0, 3}), "gather columns", "index 3", "[2, 3]");
        assertEquals(0, tape.recorded());
    }
}
