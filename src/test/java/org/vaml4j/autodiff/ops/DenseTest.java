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
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Kernels;

/** x W + b = [1, 2] [[1, 0], [-1, 1]] + [0.5, -1] = [-0.5, 1], then the activation. */
class DenseTest {

    private static final float[] X = {1, 2};            // [1, 2]
    private static final float[] W = {1, 0, -1, 1};     // [2, 2]
    private static final float[] BIAS = {0.5f, -1f};    // [2]

    @Test
    void reluLayerForwardAndBackward() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            Tensor x = var(X, 1, 2), w = var(W, 2, 2), b = var(BIAS, 2);
            Tensor y = Dense.apply(tape, x, w, b, Activation.RELU);
            assertClose(new float[] {0, 1}, y.toArray());
            tape.backward(y, ones(2));
            // dz = [0, 1]; dx = dz W^T = [0, 1]; dW = x^T dz = [[0, 1], [0, 2]]; db = dz
            assertClose(new float[] {0, 1}, x.gradToArray());
            assertClose(new float[] {0, 1, 0, 2}, w.gradToArray());
            assertClose(new float[] {0, 1}, b.gradToArray());
        }
    }

    @Test
    void tanhLayerAndNoGradModeAgree() {
        for (Kernels kn : Fixtures.BACKENDS) {
            float[] expected = {-0.46211716f, 0.7615942f};
            Tape tape = new Tape(kn);
            assertClose(expected, Dense.apply(tape, var(X, 1, 2), var(W, 2, 2), var(BIAS, 2), Activation.TANH).toArray());
            Tape noGrad = new Tape(kn, false);
            Tensor y = Dense.apply(noGrad, var(X, 1, 2), var(W, 2, 2), var(BIAS, 2), Activation.TANH);
            assertClose(expected, y.toArray());
            assertEquals(0, noGrad.recorded());
        }
    }

    @Test
    void ensembleWithSharedInput() {
        for (Kernels kn : Fixtures.BACKENDS) {
            Tape tape = new Tape(kn);
            // member 0: W, BIAS ; member 1: identity weights, zero bias
            Tensor w = var(new float[] {1, 0, -1, 1, 1, 0, 0, 1}, 2, 2, 2);
            Tensor b = var(new float[] {0.5f, -1f, 0, 0}, 2, 2);
            Tensor x = var(X, 1, 2);
            Tensor y = Dense.apply(tape, x, w, b, Activation.IDENTITY);
            assertArrayEquals(new int[] {2, 1, 2}, y.shape());
            assertClose(new float[] {-0.5f, 1, 1, 2}, y.toArray());
            tape.backward(y, ones(4));
            // dx = sum_e 1 W[e]^T = [1, 0] + [1, 1]
            assertClose(new float[] {2, 1}, x.gradToArray());
            assertClose(new float[] {1, 1, 1, 1}, b.gradToArray());
        }
    }

    @Test
    void badShapesAreNamed() {
        Tape tape = new Tape(Fixtures.BACKENDS.get(0));
        assertRejects(() -> Dense.apply(tape, var(X, 1, 2), var(new float[6], 3, 2), var(BIAS, 2), Activation.RELU),
                "dense", "[1, 2]", "[3, 2]");
        assertRejects(() -> Dense.apply(tape, var(X, 1, 2), var(W, 2, 2), var(new float[3], 3), Activation.RELU),
                "dense", "[2, 2]", "[3]");
        assertRejects(() -> Dense.apply(tape, var(X, 1, 2), var(new float[8], 2, 2, 2), var(BIAS, 2), Activation.RELU),
                "dense", "[2, 2, 2]", "[2]");
        assertRejects(() -> Dense.apply(tape, var(X, 1, 2), var(W, 2, 2), var(BIAS, 2), null), "dense", "RELU");
    }
}
