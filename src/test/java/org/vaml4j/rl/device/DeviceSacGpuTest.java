package org.vaml4j.rl.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.Cuda;
import org.vaml4j.kernel.device.CudaDevice;
import org.vaml4j.rl.MetricMeans;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacStats;

/**
 * The device-resident SAC update on a GPU: against the CPU's {@link Sac#update} after 1 and 100
 * updates (the GPU sums in another order and rounds exp/tanh differently, so the tolerance is wider
 * than on the host device), and two GPU runs with device sampling bit-identical.
 */
@Tag("gpu")
class DeviceSacGpuTest {

    @BeforeAll
    static void needsCuda() {
        Assumptions.assumeTrue(Cuda.status().usable(), "no usable CUDA: " + Cuda.status().reason());
    }

    @Test
    void oneUpdateAgreesWithTheCpu() {
        try (CudaDevice d = Cuda.open()) {
            DeviceSacTest.compare(d, 1, 1e-4);
        }
    }

    @Test
    void hundredUpdatesAgreeWithTheCpu() {
        try (CudaDevice d = Cuda.open()) {
            DeviceSacTest.compare(d, 100, 1e-2);
        }
    }

    @Test
    void twoRunsWithDeviceSamplingAreBitIdentical() {
        assertArrayEquals(run(), run());
    }

    /** 300 updates with device minibatches and noise; every parameter of the agent afterwards. */
    private static float[] run() {
        try (CudaDevice d = Cuda.open()) {
            Sac sac = new Sac(DeviceSacTest.OBS, DeviceSacTest.ACT, DeviceSacTest.CONFIG, new ScalarKernels(), new Rng(3));
            ReplayBuffer buf = DeviceSacTest.buffer(200, 11);
            DeviceSac dev = new DeviceSac(d, sac, buf.capacity(), 42);
            MetricMeans m = new MetricMeans(SacStats.NAMES);
            dev.update(buf, 300, m);
            dev.readStatistics(m);
            dev.download();
            dev.close();
            float[] a = sac.actorParams().data(), c = sac.criticParams().data(), t = sac.targetCriticParams().data();
            float[] all = new float[a.length + c.length + t.length + 1];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(c, 0, all, a.length, c.length);
            System.arraycopy(t, 0, all, a.length + c.length, t.length);
            all[all.length - 1] = sac.logAlphaParams().data()[0];
            return all;
        }
    }
}
