package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaml4j.autodiff.Fixtures;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.XavierUniformInit;

class TanhGaussianPolicyTest {

    static final int OBS = 3, ACT = 2;

    @Test
    void logProbMatchesTheChangeOfVariablesFormulaInDouble() {
        Params.Builder b = Params.builder();
        TanhGaussianPolicy pi = new TanhGaussianPolicy(b, "pi", OBS, ACT, new int[] {8}, -5, 2);
        Params p = b.build();
        pi.init(p, new XavierUniformInit(), new SplittableRandom(1));
        Tape tape = new Tape(new ScalarKernels());
        float[] s = {0.3f, -0.7f, 1.1f, -0.2f, 0.5f, 0.9f};
        float[] e = {0.4f, -1.3f, 2.0f, 0.1f};
        Tensor obs = Tensor.constant(s, 2, OBS);
        TanhGaussianPolicy.Sample smp = pi.sample(tape, p, obs, Tensor.constant(e, 2, ACT), false);
        // recompute mu and raw log-std with a plain forward pass in double
        double[] out = forward(p, s, 2);
        for (int r = 0; r < 2; r++) {
            double logp = 0;
            for (int j = 0; j < ACT; j++) {
                double mu = out[r * 2 * ACT + j];
                double logStd = -5 + 0.5 * 7 * (Math.tanh(out[r * 2 * ACT + ACT + j]) + 1);
                double u = mu + Math.exp(logStd) * e[r * ACT + j];
                double a = Math.tanh(u);
                assertEquals(a, smp.action().get(r * ACT + j), 1e-5);
                // log N(u; mu, sigma) - log(1 - tanh(u)^2)
                logp += -0.5 * e[r * ACT + j] * e[r * ACT + j] - 0.5 * Math.log(2 * Math.PI) - logStd
                        - Math.log(1 - a * a);
            }
            assertEquals(logp, smp.logProb().get(r), 1e-4);
        }
    }

    /** mu/raw of the 1-hidden-layer ReLU network, computed in double from the flat parameters. */
    static double[] forward(Params p, float[] s, int rows) {
        float[] d = p.data();
        int w0 = p.entry("pi.l0.w").offset(), b0 = p.entry("pi.l0.b").offset();
        int w1 = p.entry("pi.l1.w").offset(), b1 = p.entry("pi.l1.b").offset();
        double[] out = new double[rows * 2 * ACT];
        for (int r = 0; r < rows; r++) {
            double[] h = new double[8];
            for (int k = 0; k < 8; k++) {
                double z = d[b0 + k];
                for (int i = 0; i < OBS; i++) z += s[r * OBS + i] * d[w0 + i * 8 + k];
                h[k] = Math.max(z, 0);
            }
            for (int o = 0; o < 2 * ACT; o++) {
                double z = d[b1 + o];
                for (int k = 0; k < 8; k++) z += h[k] * d[w1 + k * 2 * ACT + o];
                out[r * 2 * ACT + o] = z;
            }
        }
        return out;
    }

    @Test
    void sampleGradientsPassGradCheck() {
        SplittableRandom rng = new SplittableRandom(5);
        Params.Builder b = Params.builder();
        TanhGaussianPolicy pi = new TanhGaussianPolicy(b, "pi", OBS, ACT, new int[] {6}, -5, 2);
        Params p = b.build();
        pi.init(p, new XavierUniformInit(), rng);
        Tensor eps = Tensor.constant(Fixtures.values(rng, -2, 2, 4 * ACT), 4, ACT);
        Fixtures.check(11, (tape, x) -> {
            org.vaml4j.nn.ParamsBinding.bind(tape, p, x[1]);
            TanhGaussianPolicy.Sample smp = pi.sample(tape, p, x[0], eps, true);
            return Concat.apply(tape, smp.action(), smp.logProb());
        }, Fixtures.uniform(rng, -1, 1, 4, OBS), Tensor.variable(p.data().clone(), p.size()));
    }

    @Test
    void meanActionIsTanhOfMu() {
        Params.Builder b = Params.builder();
        TanhGaussianPolicy pi = new TanhGaussianPolicy(b, "pi", OBS, ACT, new int[] {8}, -5, 2);
        Params p = b.build();
        pi.init(p, new XavierUniformInit(), new SplittableRandom(2));
        float[] s = {0.3f, -0.7f, 1.1f};
        Tensor a = pi.mean(new Tape(new ScalarKernels(), false), p, Tensor.constant(s, 1, OBS), false);
        double[] out = forward(p, s, 1);
        for (int j = 0; j < ACT; j++) {
            assertEquals(Math.tanh(out[j]), a.get(j), 1e-6);
            assertTrue(Math.abs(a.get(j)) < 1);
        }
    }
}
