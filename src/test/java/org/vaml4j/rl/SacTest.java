package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.vaml4j.nn.ValueFunctions;

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
    void valueGradientsMatchTheTapeAndFiniteDifferences() {
        Sac sac = new Sac(OBS, ACT, small(), KN, new Rng(1));
        ReplayBuffer buf = filled(2);
        Batch batch = new Batch(B, OBS, ACT);
        Rng rng = new Rng(5);
        for (int i = 0; i < 30; i++) {   // make online and target critics differ
            buf.sample(rng, batch);
            sac.update(batch, rng);
        }
        ValueFunctions vf = sac.valueFunctions();
        assertEquals(4, vf.count());
        int rows = 5;
        float[] s = new float[rows * OBS];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < s.length; i++) s[i] = (float) r.nextGaussian();
        float[] values = new float[4 * rows], grads = new float[4 * rows * OBS];
        vf.valuesAndGradients(s, rows, values, grads);

        // values agree with the tape version, one value function at a time
        Tape tape = new Tape(KN);
        Tensor v = vf.values(tape, Tensor.constant(s.clone(), rows, OBS));
        assertArrayEquals(new int[] {4, rows, 1}, v.shape());
        for (int i = 0; i < 4 * rows; i++) assertEquals(v.get(i), values[i], 1e-5);

        // gradient of sum_k sum_i V_k(s_i) on the tape = sum over k of the per-k gradients
        tape.reset();
        Tensor st = Tensor.variable(s.clone(), rows, OBS);
        tape.backward(Sum.apply(tape, vf.values(tape, st)));
        for (int i = 0; i < rows * OBS; i++) {
            float sum = 0;
            for (int k = 0; k < 4; k++) sum += grads[k * rows * OBS + i];
            assertEquals(st.gradAt(i), sum, 1e-4);
        }

        // central differences of V_k at fixed action a = tanh(mu(s)): perturb s only inside Q
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < rows * OBS; i += 4) {
                double h = 1e-2;
                float[] plus = s.clone(), minus = s.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (qAtFixedAction(sac, k, plus, s, rows, i / OBS) - qAtFixedAction(sac, k, minus, s, rows, i / OBS)) / (2 * h);
                assertEquals(fd, grads[k * rows * OBS + i], 2e-2 * Math.max(1, Math.abs(fd)), "k " + k + " i " + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> vf.valuesAndGradients(s, rows, new float[3], grads));
    }

    /** Q_k(states[row], tanh(mu(actionStates[row]))). */
    static double qAtFixedAction(Sac sac, int k, float[] states, float[] actionStates, int rows, int row) {
        Tape t = new Tape(KN, false);
        float[] a = new float[rows * ACT];
        sac.act(actionStates, rows, a, true, null);
        Tensor q = new TwinQ(org.vaml4j.nn.Params.builder(), "q", OBS, ACT, org.vaml4j.nn.Mlp.hidden(2, 32))
                .forward(t, k < 2 ? sac.criticParams() : sac.targetCriticParams(), Tensor.constant(states, rows, OBS),
                        Tensor.constant(a, rows, ACT), false);
        return q.get((k % 2) * rows + row);
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
}
