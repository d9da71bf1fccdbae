package org.vaml4j.rl.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.HostDevice;
import org.vaml4j.nn.Params;
import org.vaml4j.random.Gaussian;
import org.vaml4j.rl.Batch;
import org.vaml4j.rl.MetricMeans;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacStats;

/**
 * The device-resident SAC update (on the host reference device here; DeviceSacGpuTest runs the same on a GPU)
 * against {@link Sac#update}: same batches and noise, parameters and statistics after 1 and 100 updates.
 */
class DeviceSacTest {

    static final int OBS = 5, ACT = 2;
    static final SacConfig CONFIG = SacConfig.defaults().withHidden(2, 32).withBatchSize(24);

    /** A replay buffer of random transitions (some terminal). */
    static ReplayBuffer buffer(int n, long seed) {
        Rng r = new Rng(seed);
        ReplayBuffer b = new ReplayBuffer(n, OBS, ACT);
        double[] s = new double[OBS], a = new double[ACT], s2 = new double[OBS];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < OBS; j++) s[j] = r.nextGaussian();
            for (int j = 0; j < ACT; j++) a[j] = 2 * r.nextDouble() - 1;
            for (int j = 0; j < OBS; j++) s2[j] = s[j] + 0.1 * r.nextGaussian();
            b.add(s, a, r.nextGaussian(), s2, r.nextInt(10) == 0);
        }
        return b;
    }

    /** Compares the host agent after {@code steps} CPU updates with a device twin after the same updates. */
    static double[] compare(Device device, int steps, double tolerance) {
        Sac cpu = new Sac(OBS, ACT, CONFIG, new ScalarKernels(), new Rng(3));
        Sac twin = new Sac(OBS, ACT, CONFIG, new ScalarKernels(), new Rng(3));
        ReplayBuffer buf = buffer(200, 11);
        DeviceSac dev = new DeviceSac(device, twin, buf.capacity(), 0);
        Batch batch = new Batch(CONFIG.batchSize(), OBS, ACT);
        MetricMeans cpuStats = new MetricMeans(SacStats.NAMES), devStats = new MetricMeans(SacStats.NAMES);
        Rng sampler = new Rng(5);
        int n = CONFIG.batchSize() * ACT;
        for (int k = 0; k < steps; k++) {
            buf.sample(sampler, batch);
            Rng noise = new Rng(100 + k), copy = new Rng(100 + k);
            float[] e1 = new float[n], e2 = new float[n];
            for (int i = 0; i < n; i++) e1[i] = (float) Gaussian.next(copy);
            for (int i = 0; i < n; i++) e2[i] = (float) Gaussian.next(copy);
            cpuStats.add(0, cpu.update(batch, noise).toArray());
            dev.updateWith(batch.obs, batch.act, batch.reward, batch.nextObs, batch.notDone, e1, e2, devStats);
        }
        dev.readStatistics(devStats);
        dev.download();
        dev.close();
        assertEquals(cpu.updates(), twin.updates());
        double worst = 0;
        worst = Math.max(worst, close(cpu.actorParams(), twin.actorParams(), tolerance, "actor"));
        worst = Math.max(worst, close(cpu.criticParams(), twin.criticParams(), tolerance, "critic"));
        worst = Math.max(worst, close(cpu.targetCriticParams(), twin.targetCriticParams(), tolerance, "target critic"));
        worst = Math.max(worst, close(cpu.logAlphaParams(), twin.logAlphaParams(), tolerance, "log alpha"));
        double[] a = cpuStats.meansAndReset(), b = devStats.meansAndReset();
        for (int j = 0; j < a.length; j++) {
            double rel = Math.abs(a[j] - b[j]) / (1 + Math.abs(a[j]));
            assertTrue(rel < tolerance, SacStats.NAMES.get(j) + ": cpu " + a[j] + ", device " + b[j]);
        }
        assertEquals(cpu.actorOptimizer().steps(), twin.actorOptimizer().steps());
        assertEquals(cpu.alphaOptimizer().steps(), twin.alphaOptimizer().steps());
        System.out.printf("device sac on %s after %d updates: worst relative parameter difference %.3g%n", device.name(), steps, worst);
        return new double[] {worst};
    }

    static double close(Params expected, Params actual, double tolerance, String what) {
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i], a = actual.data()[i];
            worst = Math.max(worst, Math.abs(e - a) / (1 + Math.abs(e)));
        }
        assertTrue(worst < tolerance, what + ": worst relative difference " + worst + " > " + tolerance);
        return worst;
    }

    @Test
    void oneUpdateAgreesWithTheCpu() {
        try (HostDevice d = new HostDevice()) {
            compare(d, 1, 1e-6);
        }
    }

    @Test
    void hundredUpdatesAgreeWithTheCpu() {
        try (HostDevice d = new HostDevice()) {
            compare(d, 100, 1e-5);
        }
    }
}
