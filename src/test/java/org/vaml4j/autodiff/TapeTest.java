package org.vaml4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaml4j.autodiff.OpTesting.assertClose;
import static org.vaml4j.autodiff.OpTesting.assertRejects;
import static org.vaml4j.autodiff.OpTesting.var;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.BoundedLogVar;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.autodiff.ops.Dense;
import org.vaml4j.autodiff.ops.GaussianNll;
import org.vaml4j.autodiff.ops.Mean;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.autodiff.ops.TanhGaussianLogProb;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.ScalarKernels;

class TapeTest {

    @Test
    void gradientsAccumulateWhenATensorIsUsedTwice() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor x = var(new float[] {1, 2, 3}, 3);
        // y = sum(x * x + x): dy/dx = 2x + 1
        tape.backward(Sum.apply(tape, Add.apply(tape, Mul.apply(tape, x, x), x)));
        assertClose(new float[] {3, 5, 7}, x.gradToArray());
    }

    @Test
    void backwardWithAGivenCotangent() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor x = var(new float[] {1, 2, 3}, 3);
        Tensor y = Mul.apply(tape, x, 2f);
        tape.backward(y, new float[] {1, 2, 3});
        assertClose(new float[] {2, 4, 6}, x.gradToArray());
    }

    @Test
    void backwardRejectsBadSeeds() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor y = Mul.apply(tape, var(new float[] {1, 2, 3}, 3), 2f);
        assertRejects(() -> tape.backward(y), "backward", "one-element", "[3]");
        assertRejects(() -> tape.backward(y, new float[2]), "backward", "2 values", "[3]");
        Tensor c = Tensor.constant(new float[] {1f});
        assertThrows(IllegalStateException.class, () -> tape.backward(c));
    }

    @Test
    void secondBackwardNeedsAReset() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor x = var(new float[] {1, 2}, 2);
        Tensor y = Sum.apply(tape, Square.apply(tape, x));
        tape.backward(y);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tape.backward(y));
        assertTrue(e.getMessage().contains("reset()"), e.getMessage());
        assertClose(new float[] {2, 4}, x.gradToArray());   // the first pass only
        tape.reset();
        tape.backward(Sum.apply(tape, x));
        assertClose(new float[] {3, 5}, x.gradToArray());
    }

    @Test
    void noGradModeRecordsNothing() {
        Tape tape = new Tape(new ScalarKernels());
        tape.setGradEnabled(false);
        Tensor x = var(new float[] {1, 2, 3}, 3);
        Tensor y = Sum.apply(tape, Square.apply(tape, x));
        assertEquals(14f, y.item());
        assertFalse(y.requiresGrad());
        assertEquals(0, tape.recorded());
        assertThrows(IllegalStateException.class, () -> tape.backward(y));
        tape.setGradEnabled(true);
        assertTrue(Square.apply(tape, x).requiresGrad());
        assertEquals(1, tape.recorded());
    }

    @Test
    void resetHandsOutTheSameBuffers() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor x = var(new float[] {1, 2, 3}, 3);
        Tensor a1 = Square.apply(tape, x), b1 = Add.apply(tape, a1, x);
        tape.reset();
        Tensor a2 = Square.apply(tape, x), b2 = Add.apply(tape, a2, x);
        assertSame(a1.data(), a2.data());
        assertSame(b1.data(), b2.data());
        assertSame(a1.grad(), a2.grad());
        assertNotSame(a2.data(), b2.data());
        assertEquals(0, a2.gradAt(0));   // gradients are handed out zeroed
    }

    @Test
    void resetHandsOutTheSameTensorWhenNothingChanged() {
        Tape tape = new Tape(new ScalarKernels());
        Tensor x = var(new float[] {1, 2, 3, 4}, 4);
        Tensor a1 = Square.apply(tape, x);
        tape.reset();
        assertSame(a1, Square.apply(tape, x));                    // same shape, buffers, gradient: the same object
        tape.reset();
        Tensor a3 = Square.apply(tape, x.reshapeView(2, 2));      // other shape: a new tensor, the same buffer
        assertNotSame(a1, a3);
        assertSame(a1.data(), a3.data());
        assertArrayEquals(new int[] {2, 2}, a3.shape());
        tape.reset();
        tape.setGradEnabled(false);
        Tensor a4 = Square.apply(tape, x.reshapeView(2, 2));      // no gradient now: a new tensor
        assertNotSame(a3, a4);
        assertFalse(a4.requiresGrad());
    }

    @Test
    void scratchIsReusedOnceGrown() {
        Tape tape = new Tape(new ScalarKernels());
        float[] s = tape.scratch(10);
        assertSame(s, tape.scratch(5));
        assertTrue(tape.scratch(20).length >= 20);
    }

    /**
     * A steady-state training step (ensemble Gaussian model loss + SAC-like actor pieces + an
     * SGD update) allocates only the op records: far less than one of its activation buffers,
     * whose (3 x 64 x 32) floats alone take 24 KiB.
     */
    @Test
    void steadyStateStepAllocatesOnlyASmallConstant() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Net net = new Net(kn, new SplittableRandom(1));
            for (int i = 0; i < 300; i++) net.step();   // warm up: JIT, buffers
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            int steps = 50;
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < steps; i++) net.step();
            long perStep = (mx.getCurrentThreadAllocatedBytes() - before) / steps;
            assertTrue(perStep < 8_192, kn.name() + ": " + perStep + " bytes per step");
        }
    }

    /** Two ensemble layers with a bounded-variance Gaussian head, plus a squashed policy sample. */
    private static final class Net {
        final Tape tape;
        final Kernels kn;
        final Tensor x, target, eps;                          // (64 x 8), (3 x 64 x 4), (64 x 2)
        final Tensor w1, b1, w2, b2, maxLv, minLv;            // (3 x 8 x 32), (3 x 32), (3 x 32 x 8), (3 x 8), (4), (4)
        final Tensor[] params;

        Net(Kernels kn, SplittableRandom rng) {
            this.kn = kn;
            this.tape = new Tape(kn);
            x = Tensor.constant(Fixtures.values(rng, -1, 1, 64 * 8), 64, 8);
            target = Tensor.constant(Fixtures.values(rng, -1, 1, 3 * 64 * 4), 3, 64, 4);
            eps = Tensor.constant(Fixtures.values(rng, -1, 1, 64 * 2), 64, 2);
            w1 = Fixtures.uniform(rng, -0.3f, 0.3f, 3, 8, 32);
            b1 = Fixtures.uniform(rng, -0.1f, 0.1f, 3, 32);
            w2 = Fixtures.uniform(rng, -0.1f, 0.1f, 3, 32, 8);
            b2 = Fixtures.uniform(rng, -0.1f, 0.1f, 3, 8);
            maxLv = Tensor.variable(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 4);
            minLv = Tensor.variable(new float[] {-10f, -10f, -10f, -10f}, 4);
            params = new Tensor[] {w1, b1, w2, b2, maxLv, minLv};
        }

        void step() {
            tape.reset();
            for (Tensor p : params) p.zeroGrad();
            Tensor h = Dense.apply(tape, x, w1, b1, Activation.SILU);                 // (3 x 64 x 32)
            Tensor out = Dense.apply(tape, h, w2, b2, Activation.IDENTITY);           // (3 x 64 x 8)
            Tensor mean = Slice.apply(tape, out, 0, 4);
            Tensor logVar = BoundedLogVar.apply(tape, Slice.apply(tape, out, 4, 8), maxLv, minLv);
            Tensor nll = Mean.apply(tape, GaussianNll.apply(tape, mean, logVar, target));
            TanhGaussianLogProb.Result pi = TanhGaussianLogProb.apply(tape,
                    Slice.apply(tape, mean, 0, 0, 1).reshapeView(128, 2),      // member 0 as (128 x 2)
                    Slice.apply(tape, logVar, 0, 0, 1).reshapeView(128, 2), Concat.apply(tape, 0, eps, eps));
            Tensor actor = Mean.apply(tape, Sub.apply(tape, pi.logProb(), Sum.apply(tape, pi.action(), 1, true)));
            tape.backward(Add.apply(tape, nll, actor));
            for (Tensor p : params) kn.axpy(p.size(), -1e-3f, p.grad(), p.gradOffset(), p.data(), p.offset());
        }
    }
}
