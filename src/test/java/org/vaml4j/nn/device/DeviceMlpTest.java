package org.vaml4j.nn.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.nn.EnsembleMlp;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.XavierUniformInit;
import org.vaml4j.rl.Rng;

/** DeviceMlp (on the host reference device) against the autodiff tape's EnsembleMlp: outputs, weight and input gradients. */
class DeviceMlpTest {

    @Test
    void sharedInputForwardAndBackwardMatchTheTape() {
        check(2, 5, 7, true, Activation.RELU);
    }

    @Test
    void perMemberInputWithSiluMatchesTheTape() {
        check(3, 4, 9, false, Activation.SILU);
    }

    private static void check(int members, int in, int rows, boolean shared, Activation act) {
        int[] hidden = {6, 5};
        int out = 3;
        Params.Builder b = Params.builder();
        EnsembleMlp net = new EnsembleMlp(b, "net", members, in, hidden, out, act, Activation.IDENTITY);
        Params p = b.build();
        Rng rng = new Rng(7);
        net.init(p, new XavierUniformInit(), rng);
        for (int i = 0; i < p.size(); i++) p.data()[i] += (float) (0.1 * rng.nextGaussian());   // non-zero biases
        int xRows = shared ? rows : members * rows;
        float[] x = new float[xRows * in];
        float[] dOut = new float[members * rows * out];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        for (int i = 0; i < dOut.length; i++) dOut[i] = (float) rng.nextGaussian();

        // tape: loss = sum(y * dOut) so dL/dy = dOut
        Tape tape = new Tape(new ScalarKernels());
        Tensor xt = shared ? tape.input(x, 0, true, rows, in) : tape.input(x, 0, true, members, rows, in);
        Tensor y = net.forward(tape, p, xt, true);
        Tensor w = tape.input(dOut, 0, false, members, rows, out);
        p.zeroGrad();
        tape.backward(Sum.apply(tape, Mul.apply(tape, y, w)));

        try (HostDevice d = new HostDevice()) {
            DeviceParams dp = new DeviceParams(d, p);
            DeviceMlp mlp = new DeviceMlp(d, p, "net", members, new int[] {in, 6, 5, out}, act, Activation.IDENTITY);
            DeviceMlp.Pass pass = mlp.pass(rows, shared, true);
            DeviceBuffer dx = d.allocate(DeviceBuffer.Kind.FLOAT, x.length), xd = d.allocate(DeviceBuffer.Kind.FLOAT, x.length);
            DeviceBuffer dOutD = d.allocate(DeviceBuffer.Kind.FLOAT, dOut.length);
            d.upload(x, 0, xd, 0, x.length);
            d.upload(dOut, 0, dOutD, 0, dOut.length);
            mlp.forward(pass, dp.data(), xd, 0);
            mlp.backward(pass, dp.data(), xd, 0, dOutD, 0, dp.grad(), dx, 0);
            float[] yd = new float[dOut.length], gd = new float[p.size()], dxd = new float[x.length];
            d.download(pass.out(), 0, yd, 0, yd.length);
            d.download(dp.grad(), 0, gd, 0, gd.length);
            d.download(dx, 0, dxd, 0, dxd.length);
            close(y.data(), y.offset(), yd, "output");
            close(p.grad(), 0, gd, "parameter gradient");
            close(xt.grad(), xt.gradOffset(), dxd, "input gradient");
        }
    }

    private static void close(float[] expected, int off, float[] actual, String what) {
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(expected[off + i] - actual[i]) / (1 + Math.abs(expected[off + i])));
        }
        assertTrue(worst < 1e-5, what + ": worst relative difference " + worst);
    }
}
