package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.nn.Mlp;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.SoftValueFunctions;

class SacTest {

    static final int OBS = 3, ACT = 2, B = 32;
    static final Kernels KN = KernelChoice.select("auto", 1);

    static SacConfig small() {
        return SacConfig.defaults().withHidden(2, 32).withBatchSize(B);
    }

    static ReplayBuffer filled(long seed) {
        ReplayBuffer buf = new ReplayBuffer(500, OBS, ACT);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            double[] s = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] a = {r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1};
            double[] s2 = {s[0] + 0.1 * a[0], s[1] + 0.1 * a[1], s[2]};
            buf.add(s, a, -s[0] * s[0] + a[0], s2, r.nextInt(10) == 0);
        }
        return buf;
    }

    @Test
    void sameSeedSameUpdatesGiveIdenticalParameters() {
        Sac a = new Sac(OBS, ACT, small(), KN, new Rng(1)), b = new Sac(OBS, ACT, small(), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        Rng ra = new Rng(3), rb = new Rng(3), sa = new Rng(4), sb = new Rng(4);
        for (int i = 0; i < 20; i++) {
            buf.sample(sa, batch);
            SacStats x = a.update(batch, ra);
            buf.sample(sb, batch);
            SacStats y = b.update(batch, rb);
            assertEquals(x, y);
        }
        assertArrayEquals(a.actorParams().data(), b.actorParams().data());
        assertArrayEquals(a.criticParams().data(), b.criticParams().data());
    }

    @Test
    void criticFitsRewardsWithZeroDiscount() {
        SacConfig c = new SacConfig(2, 32, 3e-4, 3e-3, 3e-4, B, 0.0, 0.005, 0.1, Double.NaN, true, -5, 2, 1, 1, 1, "orthogonal");
        Sac sac = new Sac(OBS, ACT, c, KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        Rng rng = new Rng(5);
        double first = 0, last = 0;
        for (int i = 0; i < 400; i++) {
            buf.sample(rng, batch);
            double l = sac.update(batch, rng).criticLoss();
            if (i < 20) first += l;
            if (i >= 380) last += l;
        }
        // with γ = 0 the target is the reward: the loss must fall well below its start
        assertTrue(last < 0.3 * first, "critic loss " + first / 20 + " -> " + last / 20);
    }

    @Test
    void temperatureFallsWhileEntropyExceedsItsTarget() {
        Sac sac = new Sac(OBS, ACT, small(), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        Rng rng = new Rng(5);
        buf.sample(rng, batch);
        SacStats s = sac.update(batch, rng);
        // a fresh policy has log-std ≈ -1.5 (the middle of [-5, 2]), entropy far above -|A| = -2
        assertTrue(s.entropy() > -2, "entropy " + s.entropy());
        assertTrue(sac.alpha() < 0.1f, "alpha " + sac.alpha());
        assertEquals(0.1, s.alpha(), 1e-6);
    }

    @Test
    void actorStepLeavesTheCriticsUntouched() {
        SacConfig c = new SacConfig(2, 32, 3e-4, 3e-4, 3e-4, B, 0.99, 0.005, 0.1, Double.NaN, true, -5, 2, 1000, 1, 1000,
                "orthogonal");   // critic and target steps never due: only the actor and α move
        Sac sac = new Sac(OBS, ACT, c, KN, new Rng(1));
        float[] critic = sac.criticParams().data().clone(), actor = sac.actorParams().data().clone();
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        Rng rng = new Rng(5);
        buf.sample(rng, batch);
        SacStats s = sac.update(batch, rng);
        assertTrue(Double.isNaN(s.criticLoss()));
        assertArrayEquals(critic, sac.criticParams().data());
        assertTrue(!java.util.Arrays.equals(actor, sac.actorParams().data()));
    }

    @Test
    void valueFunctionsAreTheCriticsAtTheMeanActionWithStateGradients() {
        Sac sac = new Sac(OBS, ACT, small(), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        Rng rng = new Rng(5);
        for (int i = 0; i < 30; i++) {   // make online and target critics differ
            buf.sample(rng, batch);
            sac.update(batch, rng);
        }
        SoftValueFunctions vf = sac.valueFunctions();
        assertEquals(4, vf.count());
        assertEquals(OBS, vf.stateDim());
        int rows = 5;
        float[] s = new float[rows * OBS];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < s.length; i++) s[i] = (float) r.nextGaussian();
        float[] a = new float[rows * ACT];
        sac.act(s, rows, a, true, null);
        for (int k = 0; k < 4; k++) {
            // V_k(s) = Q_k(s, tanh(mu(s))) from the twin forward pass of the right parameters
            Tape tape = new Tape(KN);
            Tensor st = Tensor.variable(s.clone(), rows, OBS);
            Tensor v = vf.value(tape, k, st);
            assertArrayEquals(new int[] {rows, 1}, v.shape());
            for (int i = 0; i < rows; i++) assertEquals(qAt(sac, k, s, a, rows, i), v.get(i), 1e-5);
            // dV_k/ds is the partial derivative at the fixed action: compare with central differences
            tape.backward(Sum.apply(tape, v));
            for (int i = 0; i < rows * OBS; i += 2) {
                double h = 1e-2;
                float[] plus = s.clone(), minus = s.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (qAt(sac, k, plus, a, rows, i / OBS) - qAt(sac, k, minus, a, rows, i / OBS)) / (2 * h);
                assertEquals(fd, st.gradAt(i), 2e-2 * Math.max(1, Math.abs(fd)), "k " + k + " i " + i);
            }
        }
        float[] criticBefore = sac.criticParams().data().clone();
        sac.criticParams().zeroGrad();
        sac.actorParams().zeroGrad();
        Tape tape = new Tape(KN);
        tape.backward(Sum.apply(tape, vf.value(tape, 0, Tensor.variable(s.clone(), rows, OBS))));
        assertArrayEquals(criticBefore, sac.criticParams().data());
        for (float g : sac.criticParams().grad()) assertEquals(0f, g);   // read-only: no gradient reaches the agent
        for (float g : sac.actorParams().grad()) assertEquals(0f, g);
        assertThrows(IllegalArgumentException.class, () -> vf.value(new Tape(KN), 4, Tensor.constant(s, rows, OBS)));
        assertThrows(IllegalArgumentException.class, () -> vf.value(new Tape(KN), 0, Tensor.constant(s, OBS, rows)));
    }

    @Test
    void softValueIsQMinusAlphaLogPiWithPathwiseGradient() {
        Sac sac = new Sac(OBS, ACT, small(), KN, new Rng(1));
        SoftValueFunctions vf = sac.valueFunctions();
        SplittableRandom r = new SplittableRandom(4);
        int rows = 4;
        float[] s = new float[rows * OBS], eps = new float[rows * ACT];
        for (int i = 0; i < s.length; i++) s[i] = (float) r.nextGaussian();
        for (int i = 0; i < eps.length; i++) eps[i] = (float) r.nextGaussian();
        Tensor noise = Tensor.constant(eps, rows, ACT);
        // value check against the policy sample and critic evaluated separately
        Tape t = new Tape(KN, false);
        Tensor v = vf.softValue(t, 2, Tensor.constant(s.clone(), rows, OBS), noise);
        Params.Builder pb = Params.builder();
        TanhGaussianPolicy pi = new TanhGaussianPolicy(pb, "pi", OBS, ACT, Mlp.hidden(2, 32), -5, 2);
        TanhGaussianPolicy.Sample smp = pi.sample(t, sac.actorParams(), Tensor.constant(s.clone(), rows, OBS), noise, false);
        float[] act = smp.action().toArray();
        for (int i = 0; i < rows; i++) {
            double expect = qAt(sac, 2, s, act, rows, i) - sac.alpha() * smp.logProb().get(i);
            assertEquals(expect, v.get(i), 1e-4);
        }
        // pathwise gradient through Q's state input, a(s) and log pi(a(s)|s)
        org.vaml4j.autodiff.Fixtures.check(3, (tape, x) -> vf.softValue(tape, 1, x[0], noise), Tensor.variable(s.clone(), rows, OBS));
    }

    /** Q_k(states[row], actions[row]) computed with the twin critics directly. */
    static double qAt(Sac sac, int k, float[] states, float[] actions, int rows, int row) {
        Tape t = new Tape(KN, false);
        Tensor q = new TwinQ(Params.builder(), "q", OBS, ACT, Mlp.hidden(2, 32))
                .forward(t, k < 2 ? sac.criticParams() : sac.targetCriticParams(), Tensor.constant(states, rows, OBS),
                        Tensor.constant(actions, rows, ACT), false);
        return q.get((k % 2) * rows + row);
    }

    @Test
    void anUpdateAllocatesOnlyASmallConstant() {
        // one (128 x 128) activation alone is 64 KB; the tapes recycle theirs, so only op records remain
        Sac sac = new Sac(OBS, ACT, SacConfig.defaults().withHidden(2, 128).withBatchSize(128), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(128, OBS, ACT);
        Rng rng = new Rng(5);
        // Steady state means after the JIT: until C2 compiles a SIMD path, Vector API values are
        // boxed (measured ~14 MB per update at 3 updates, 7.3 KB from 30 on), and on a loaded
        // machine compilation comes later. So measure windows of 10 updates until one is small
        // (or 600 updates have run): a real per-update allocation shows in every window.
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long perUpdate = Long.MAX_VALUE;
        for (int window = 0; window < 60 && perUpdate >= 24_000; window++) {
            long before = mx.getThreadAllocatedBytes(id);
            for (int i = 0; i < 10; i++) {
                buf.sample(rng, batch);
                sac.update(batch, rng);
            }
            perUpdate = Math.min(perUpdate, (mx.getThreadAllocatedBytes(id) - before) / 10);
        }
        assertTrue(perUpdate < 24_000, perUpdate + " bytes per update");
    }

    @Test
    void saveAndReadContinueIdentically(@TempDir Path dir) throws Exception {
        Sac a = new Sac(OBS, ACT, small(), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        Rng rng = new Rng(5);
        for (int i = 0; i < 5; i++) {
            buf.sample(rng, batch);
            a.update(batch, rng);
        }
        Path f = dir.resolve("sac.bin");
        try (ArchiveWriter w = ArchiveWriter.create(f, "sac")) {
            a.write(w, "");
            w.commit();
        }
        Sac b = new Sac(OBS, ACT, small(), KN, new Rng(99));
        b.read(ArchiveReader.open(f, "sac"), "");
        assertEquals(5, b.updates());
        Rng r1 = new Rng(7), r2 = new Rng(7);
        buf.sample(new Rng(8), batch);
        assertEquals(a.update(batch, r1), b.update(batch, r2));
        assertArrayEquals(a.actorParams().data(), b.actorParams().data());
        assertArrayEquals(a.targetCriticParams().data(), b.targetCriticParams().data());

        Sac wider = new Sac(OBS, ACT, SacConfig.defaults().withHidden(2, 16).withBatchSize(B), KN, new Rng(1));
        var e = assertThrows(IllegalArgumentException.class, () -> wider.read(ArchiveReader.open(f, "sac"), ""));
        assertTrue(e.getMessage().contains("this network expects"), e.getMessage());
    }

    @Test
    void criticOnlyUpdateLeavesActorAndTemperatureAlone() {
        Sac sac = new Sac(OBS, ACT, small(), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        buf.sample(new Rng(3), batch);
        float[] actor = sac.actorParams().data().clone(), critic = sac.criticParams().data().clone();
        float alpha = sac.alpha();
        double loss = sac.updateCritic(batch, new Rng(4));
        assertTrue(Double.isFinite(loss) && loss > 0, "critic loss " + loss);
        assertArrayEquals(actor, sac.actorParams().data());
        assertEquals(alpha, sac.alpha());
        assertEquals(0, sac.updates());
        assertFalse(java.util.Arrays.equals(critic, sac.criticParams().data()), "the critic must move");
    }

    @Test
    void splitBatchUpdateEqualsTheSingleBatchUpdateWhenBothAreTheSame() {
        Sac a = new Sac(OBS, ACT, small(), KN, new Rng(1)), b = new Sac(OBS, ACT, small(), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT), copy = new Batch(B, OBS, ACT);
        buf.sample(new Rng(3), batch);
        buf.sample(new Rng(3), copy);
        assertEquals(a.update(batch, new Rng(9)), b.update(batch, copy, new Rng(9)));
        assertArrayEquals(a.actorParams().data(), b.actorParams().data());
        assertArrayEquals(a.criticParams().data(), b.criticParams().data());
    }
}
