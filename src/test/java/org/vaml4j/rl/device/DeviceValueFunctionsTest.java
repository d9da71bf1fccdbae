package org.vaml4j.rl.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.mbrl.loss.ValueGradientCache;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;

/** The device value gradients against the CPU's ({@link ValueGradientCache} on {@code Sac.valueFunctions()}). */
class DeviceValueFunctionsTest {

    private static final int OBS = 5, ACT = 3;

    /**
     * Every row's four gradients, for fewer rows than a chunk and for more (a last short chunk,
     * computed overlapping the one before). The target critics are first moved away from the
     * critics, so a mix-up of the two (or of the two members) fails.
     */
    @Test
    void gradientsEqualTheCpuValueGradients() {
        for (int n : new int[] {7, DeviceValueFunctions.CHUNK + 301}) {
            Sac sac = new Sac(OBS, ACT, DeviceSacTest.CONFIG, new ScalarKernels(), new Rng(3));
            float[] t = sac.targetCriticParams().data();
            Rng noise = new Rng(9);
            for (int i = 0; i < t.length; i++) t[i] += (float) (0.1 * (noise.nextDouble() - 0.5));
            float[] states = new float[n * OBS];
            Rng rng = new Rng(n);
            for (int i = 0; i < states.length; i++) states[i] = (float) (4 * rng.nextDouble() - 2);
            float[] cpu = new float[4 * n * OBS];                 // (4 x n x ds)
            new ValueGradientCache(new ScalarKernels(), 0).gradients(sac.valueFunctions(), states, 0, n, null, cpu);
            try (Device d = new HostDevice(); DeviceSac dev = new DeviceSac(d, sac, 16, 0)) {
                DeviceValueFunctions vf = dev.valueFunctions();
                assertSame(vf, dev.valueFunctions(), "made once");
                DeviceBuffer s = d.allocate(DeviceBuffer.Kind.FLOAT, states.length), g = d.allocate(DeviceBuffer.Kind.FLOAT, 4 * n * OBS);
                d.upload(states, 0, s, 0, states.length);
                vf.gradients(s, n, g);
                float[] got = new float[4 * n * OBS];             // (n x 4 x ds)
                d.download(g, 0, got, 0, got.length);
                double worst = 0, scale = 0;
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < 4; k++) {
                        for (int j = 0; j < OBS; j++) {
                            double want = cpu[(k * n + i) * OBS + j], have = got[(i * 4 + k) * OBS + j];
                            worst = Math.max(worst, Math.abs(want - have));
                            scale = Math.max(scale, Math.abs(want));
                        }
                    }
                }
                assertTrue(scale > 0.01, "gradients must not vanish: " + scale);
                assertTrue(worst <= 1e-5 * scale, "n " + n + ": error " + worst + " of " + scale);
                assertEquals(4, vf.count());
            }
        }
    }
}
