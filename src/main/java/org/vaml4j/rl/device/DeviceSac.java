package org.vaml4j.rl.device;

import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.Graph;
import org.vaml4j.nn.Mlp;
import org.vaml4j.nn.WeightDecay;
import org.vaml4j.nn.device.DeviceAdam;
import org.vaml4j.nn.device.DeviceMlp;
import org.vaml4j.nn.device.DeviceParams;
import org.vaml4j.rl.MetricMeans;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacUpdater;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.SacStats;

/**
 * {@link Sac#update} resident on a {@link Device}: the same update (critic target, twin-critic
 * loss, actor loss with frozen critics, temperature, Polyak; see {@link Sac}) as a fixed sequence
 * of kernels on device buffers, captured once per phase and replayed. The host {@link Sac} stays
 * the agent's identity: it acts, evaluates and checkpoints, and this class moves its state to the
 * device ({@link #upload}) and back ({@link #downloadActor}, {@link #download}).
 *
 * <p>One update, as graphs:
 * <pre>
 *   begin   updates++; scalars = NaN; alpha = exp(log alpha); i ~ U[0, size)^B; batch = rows[i]
 *   critic  eps ~ N(0, I); a', log pi' = pi(s'); y = r + gamma nd (min_k Qbar_k(s', a') - alpha log pi')
 *           dq = d/dq mean 2 (Q_k(s, a) - y)^2; backward; Adam
 *   actor   eps ~ N(0, I); a, log pi = pi(s); L = mean(alpha log pi - min_k Q_k(s, a)) through frozen critics;
 *           backward to the actor; Adam; temperature step on log alpha
 *   polyak  Qbar = (1 - tau) Qbar + tau Q
 *   end     statistics row into a device ring
 * </pre>
 * With every frequency 1 (the default) the five are one graph. Randomness: two counter-based
 * streams on the device (minibatch rows, policy noise) keyed from the run seed; the host's
 * rejection samplers have no counter form, so a device run draws other minibatches than a CPU
 * run. Given the same batch and noise ({@link #updateWith}) one update agrees with the CPU to
 * float tolerance.
 */
public final class DeviceSac implements SacUpdater {

    /** Statistics rows kept on the device between two reads. */
    static final int RING = 1024;
    private static final int STREAM_ROWS = 0, STREAM_NOISE = 1;

    private final Device device;
    private final Sac host;
    private final SacConfig config;
    private final int batch, obsDim, actDim;
    private final DeviceReplay replay;
    private final DeviceParams actor, critic, target, logAlpha;
    private final DeviceAdam actorOpt, criticOpt;
    private final DeviceBuffer alphaM, alphaV, alphaSteps;
    private final DeviceMlp actorNet, criticNet;
    private final DeviceMlp.Pass actorTargetPass, actorPass, criticTargetPass, criticPass, criticActorPass;
    private final DeviceBuffer idx, rows, sa, s2, s, reward, notDone, eps1, eps2;
    private final DeviceBuffer nextAct, nextLogp, x2, y, dq, sq;
    private final DeviceBuffer act, logp, xa, minQ, dqPi, dxa, dOut;
    private final DeviceBuffer scalars, counters, ring, rng;
    private Graph begin, criticStep, actorStep, polyak, end, all;   // captured for one batch mix
    private int capturedFromModel = -1;
    private ReplayBuffer modelHost;      // the host model buffer the mirror below follows
    private DeviceReplay modelReplay;    // mirror of the model buffer (MBPO), null until used
    private DeviceValueFunctions values; // made on first use
    private int fromModel;               // rows of each batch drawn from the model buffer
    private long updates;            // host copy of the device's update count
    private int unread;              // ring rows written since the last read
    private final float[] ringHost = new float[RING * SacStats.NAMES.size()];

    /**
     * The device twin of {@code host} (its current parameters and optimizer states are uploaded)
     * training from a mirror of a replay buffer of {@code capacity}; the device streams are keyed
     * from {@code seed}. Takes ownership of {@code device}: {@link #close} closes it.
     */
    public DeviceSac(Device device, Sac host, int capacity, long seed) {
        this.device = device;
        this.host = host;
        this.config = host.config();
        this.batch = config.batchSize();
        this.obsDim = host.obsDim();
        this.actDim = host.actDim();
        int b = batch, o = obsDim, a = actDim, w = o + a;
        int[] hidden = Mlp.hidden(config.hiddenLayers(), config.hiddenWidth());

        this.replay = new DeviceReplay(device, capacity, o, a);
        this.actor = new DeviceParams(device, host.actorParams());
        this.critic = new DeviceParams(device, host.criticParams());
        this.target = new DeviceParams(device, host.targetCriticParams());
        this.logAlpha = new DeviceParams(device, host.logAlphaParams());
        this.actorOpt = new DeviceAdam(actor, host.actorParams(), org.vaml4j.nn.AdamConfig.of(config.actorLr()), WeightDecay.none());
        this.criticOpt = new DeviceAdam(critic, host.criticParams(), org.vaml4j.nn.AdamConfig.of(config.criticLr()), WeightDecay.none());
        this.alphaM = f(1);
        this.alphaV = f(1);
        this.alphaSteps = device.allocate(DeviceBuffer.Kind.INT, 1);
        this.actorNet = new DeviceMlp(device, host.actorParams(), "pi", 1, sizes(o, hidden, 2 * a), Activation.RELU, Activation.IDENTITY);
        this.criticNet = new DeviceMlp(device, host.criticParams(), "q", 2, sizes(w, hidden, 1), Activation.RELU, Activation.IDENTITY);
        this.actorTargetPass = actorNet.pass(b, true, false);
        this.actorPass = actorNet.pass(b, true, true);
        this.criticTargetPass = criticNet.pass(b, true, false);
        this.criticPass = criticNet.pass(b, true, true);
        this.criticActorPass = criticNet.pass(b, true, true);

        this.idx = device.allocate(DeviceBuffer.Kind.INT, b);
        this.rows = f(b * replay.width());
        this.sa = f(b * w);
        this.s2 = f(b * o);
        this.s = f(b * o);
        this.reward = f(b);
        this.notDone = f(b);
        this.eps1 = f(b * a);
        this.eps2 = f(b * a);
        this.nextAct = f(b * a);
        this.nextLogp = f(b);
        this.x2 = f(b * w);
        this.y = f(b);
        this.dq = f(2 * b);
        this.sq = f(2 * b);
        this.act = f(b * a);
        this.logp = f(b);
        this.xa = f(b * w);
        this.minQ = f(b);
        this.dqPi = f(2 * b);
        this.dxa = f(b * w);
        this.dOut = f(b * 2 * a);
        this.scalars = f(Device.SAC_SCALARS);
        this.counters = device.allocate(DeviceBuffer.Kind.INT, 1);
        this.ring = f(RING * SacStats.NAMES.size());
        this.rng = device.allocate(DeviceBuffer.Kind.LONG, 4);
        device.upload(new long[] {Rng.stream(seed, "device-rows").nextLong(), 0, Rng.stream(seed, "device-noise").nextLong(), 0},
                0, rng, 0, 4);
        upload();

    }

    /** (Re)captures the phases for the current batch mix. */
    private void capture() {
        for (Graph g : new Graph[] {begin, criticStep, actorStep, polyak, end, all}) if (g != null) g.close();
        this.begin = device.capture(this::launchBegin);
        this.criticStep = device.capture(this::launchCritic);
        this.actorStep = device.capture(this::launchActor);
        this.polyak = device.capture(this::launchPolyak);
        this.end = device.capture(this::launchEnd);
        boolean everyUpdate = config.criticUpdateEvery() == 1 && config.actorUpdateEvery() == 1 && config.targetUpdateEvery() == 1;
        this.all = everyUpdate ? device.capture(() -> {
            launchBegin();
            launchCritic();
            launchActor();
            launchPolyak();
            launchEnd();
        }) : null;
        capturedFromModel = fromModel;
    }

    /**
     * {@code n} updates on minibatches drawn on the device from {@code buffer}'s mirror (synced first).
     * Statistics stay on the device; they are read into {@code metrics} when the ring would overflow
     * and by {@link #readStatistics}.
     *
     * @throws IllegalStateException when a loss read from the ring is not finite (naming the update)
     */
    @Override
    public void update(ReplayBuffer real, ReplayBuffer model, int fromModel, int n, MetricMeans metrics) {
        if (n < 0) throw new IllegalArgumentException("device sac: update count must be >= 0, got " + n);
        if (fromModel < 0 || fromModel > batch || (fromModel > 0 && (model == null || model.size() == 0))) {
            throw new IllegalArgumentException("device sac: " + fromModel + " model rows of a batch of " + batch
                    + (model == null || model.size() == 0 ? " from an empty model buffer" : ""));
        }
        if (fromModel < batch && real.size() == 0) throw new IllegalStateException("device sac: the replay buffer is empty");
        replay.sync(real);
        if (fromModel > 0) {
            if (model != modelHost) {   // a new host buffer (MBPO re-allocates it when the rollout length changes)
                if (modelReplay != null) modelReplay.close();
                modelReplay = new DeviceReplay(device, model.capacity(), obsDim, actDim);
                modelHost = model;
                capturedFromModel = -1;
            }
            modelReplay.sync(model);
        }
        this.fromModel = fromModel;
        if (capturedFromModel != fromModel) capture();
        for (int u = 0; u < n; u++) {
            if (unread == RING) readStatistics(metrics);
            replayOne();
        }
    }

    /**
     * One update on the given batch and policy noise instead of device draws (the test of
     * agreement with {@link Sac#update}: its noise is the critic step's draws, then the actor step's).
     */
    public void updateWith(float[] obs, float[] action, float[] rewards, float[] nextObs, float[] notDoneMask,
                           float[] criticNoise, float[] actorNoise, MetricMeans metrics) {
        int b = batch, o = obsDim, a = actDim, w = replay.width();
        float[] packed = new float[b * w];
        for (int i = 0; i < b; i++) {
            System.arraycopy(obs, i * o, packed, i * w, o);
            System.arraycopy(action, i * a, packed, i * w + o, a);
            System.arraycopy(nextObs, i * o, packed, i * w + o + a, o);
            packed[i * w + 2 * o + a] = rewards[i];
            packed[i * w + 2 * o + a + 1] = notDoneMask[i];
        }
        if (unread == RING) readStatistics(metrics);
        updates++;
        device.increment(counters, 0);
        device.fill(scalars, 0, Device.SAC_SCALARS, Float.NaN);
        device.exp(1, logAlpha.data(), 0, scalars, 3);
        device.upload(packed, 0, rows, 0, b * w);
        unpackBatch();
        device.upload(criticNoise, 0, eps1, 0, b * a);
        device.upload(actorNoise, 0, eps2, 0, b * a);
        if (updates % config.criticUpdateEvery() == 0) criticUpdate();
        if (updates % config.actorUpdateEvery() == 0) actorUpdate();
        if (updates % config.targetUpdateEvery() == 0) launchPolyak();
        launchEnd();
        unread++;
    }

    private void replayOne() {
        updates++;
        if (all != null) {
            all.replay();
        } else {
            begin.replay();
            if (updates % config.criticUpdateEvery() == 0) criticStep.replay();
            if (updates % config.actorUpdateEvery() == 0) actorStep.replay();
            if (updates % config.targetUpdateEvery() == 0) polyak.replay();
            end.replay();
        }
        unread++;
    }

    // ---- the phases (launches only) ----

    private void launchBegin() {
        device.increment(counters, 0);
        device.fill(scalars, 0, Device.SAC_SCALARS, Float.NaN);
        device.exp(1, logAlpha.data(), 0, scalars, 3);
        int k = fromModel, w = replay.width();
        if (k > 0) {   // the first k rows from the model buffer, the rest from the real one
            device.randomIndices(rng, STREAM_ROWS, k, modelReplay.size(), 0, idx, 0);
            device.advance(rng, STREAM_ROWS, k);
            device.gatherRows(k, w, idx, 0, modelReplay.rows(), 0, rows, 0);
        }
        if (k < batch) {
            device.randomIndices(rng, STREAM_ROWS, batch - k, replay.size(), 0, idx, k);
            device.advance(rng, STREAM_ROWS, batch - k);
            device.gatherRows(batch - k, w, idx, k, replay.rows(), 0, rows, k * w);
        }
        unpackBatch();
    }

    /** Column windows of the gathered rows: (s, a), s, s', r, notDone as contiguous matrices. */
    private void unpackBatch() {
        int o = obsDim, a = actDim, w = replay.width();
        device.concatColumns(batch, rows, 0, o + a, w, rows, 0, 0, w, sa, 0);
        device.concatColumns(batch, rows, 0, o, w, rows, 0, 0, w, s, 0);
        device.concatColumns(batch, rows, o + a, o, w, rows, 0, 0, w, s2, 0);
        device.concatColumns(batch, rows, 2 * o + a, 1, w, rows, 0, 0, w, reward, 0);
        device.concatColumns(batch, rows, 2 * o + a + 1, 1, w, rows, 0, 0, w, notDone, 0);
    }

    private void launchCritic() {
        device.randomNormal(rng, STREAM_NOISE, batch * actDim, eps1, 0);
        device.advance(rng, STREAM_NOISE, 2L * batch * actDim);
        criticUpdate();
    }

    private void criticUpdate() {
        int b = batch, o = obsDim, a = actDim;
        // ---- y = r + gamma nd (min_k Qbar_k(s', a') - alpha log pi(a'|s')), a' ~ pi(.|s') ----
        actorNet.forward(actorTargetPass, actor.data(), s2, 0);
        device.tanhGaussian(b, a, actorTargetPass.out(), 0, eps1, 0, (float) config.logStdMin(), (float) config.logStdMax(),
                nextAct, 0, nextLogp, 0);
        device.concatColumns(b, s2, 0, o, o, nextAct, 0, a, a, x2, 0);
        criticNet.forward(criticTargetPass, target.data(), x2, 0);
        device.criticTarget(b, criticTargetPass.out(), 0, nextLogp, 0, reward, 0, notDone, 0, scalars, 3,
                (float) config.gamma(), y, 0);
        // ---- critic loss mean over k, i of 2 (Q_k(s, a) - y)^2; its gradient; Adam ----
        criticNet.forward(criticPass, critic.data(), sa, 0);
        device.criticLossGrad(b, criticPass.out(), 0, y, 0, dq, 0, sq, 0);
        device.sum(2 * b, sq, 0, 1f / b, scalars, 0);
        device.sum(2 * b, criticPass.out(), 0, 1f / (2 * b), scalars, 5);
        criticNet.backward(criticPass, critic.data(), sa, 0, dq, 0, critic.grad(), null, 0);
        criticOpt.step();
    }

    private void launchActor() {
        device.randomNormal(rng, STREAM_NOISE, batch * actDim, eps2, 0);
        device.advance(rng, STREAM_NOISE, 2L * batch * actDim);
        actorUpdate();
    }

    private void actorUpdate() {
        int b = batch, o = obsDim, a = actDim;
        float lo = (float) config.logStdMin(), hi = (float) config.logStdMax();
        // ---- L = mean(alpha log pi(a|s) - min_k Q_k(s, a)), a = tanh(mu + sigma eps), critics frozen ----
        actorNet.forward(actorPass, actor.data(), s, 0);
        device.tanhGaussian(b, a, actorPass.out(), 0, eps2, 0, lo, hi, act, 0, logp, 0);
        device.concatColumns(b, s, 0, o, o, act, 0, a, a, xa, 0);
        criticNet.forward(criticActorPass, critic.data(), xa, 0);
        device.minQ(b, criticActorPass.out(), 0, -1f / b, minQ, 0, dqPi, 0);
        device.sum(b, logp, 0, 1f / b, scalars, 6);
        device.sum(b, minQ, 0, 1f / b, scalars, 7);
        criticNet.backward(criticActorPass, critic.data(), xa, 0, dqPi, 0, null, dxa, 0);
        device.tanhGaussianBackward(b, a, actorPass.out(), 0, eps2, 0, lo, hi, act, 0, dxa, o, o + a, scalars, 3, 1f / b, dOut, 0);
        actorNet.backward(actorPass, actor.data(), s, 0, dOut, 0, actor.grad(), null, 0);
        actorOpt.step();
        // ---- temperature: d/d log alpha of mean(-alpha (log pi + H)) = -alpha (mean log pi + H) ----
        device.sacTemperature(scalars, 0, (float) config.targetEntropyFor(actDim), config.learnAlpha(), logAlpha.data(),
                alphaM, alphaV, (float) config.alphaLr(), 0.9f, 0.999f, 1e-8f, alphaSteps, 0);
    }

    private void launchPolyak() {
        device.polyak(critic.size(), (float) config.tau(), critic.data(), 0, target.data(), 0);
    }

    private void launchEnd() {
        device.copyToRing(SacStats.NAMES.size(), scalars, 0, ring, RING, counters, 0);
    }

    // ---- host side ----

    /**
     * Adds the statistics rows written since the last read to {@code metrics} (SacStats order).
     *
     * @throws IllegalStateException when a critic or actor loss is not finite
     */
    public void readStatistics(MetricMeans metrics) {
        if (unread == 0) return;
        int width = SacStats.NAMES.size();
        device.download(ring, 0, ringHost, 0, RING * width);
        double[] row = new double[width];
        long first = updates - unread + 1;
        for (int k = 0; k < unread; k++) {
            long u = first + k;
            int r = (int) ((u - 1) % RING);
            for (int j = 0; j < width; j++) row[j] = ringHost[r * width + j];
            for (int j : new int[] {0, 1}) {
                boolean ran = j == 0 ? u % config.criticUpdateEvery() == 0 : u % config.actorUpdateEvery() == 0;
                if (ran && !Double.isFinite(row[j])) {
                    throw new IllegalStateException("sac update " + u + " (device): " + SacStats.NAMES.get(j) + " is " + row[j]
                            + " (alpha " + row[3] + ")");
                }
            }
            metrics.add(0, row);
        }
        unread = 0;
    }

    /** The actor's parameters to the host agent (before it acts or is evaluated). */
    public void downloadActor() {
        actor.download(host.actorParams());
    }

    /** Everything to the host agent: networks, optimizer states, log alpha, update counts (before a checkpoint). */
    public void download() {
        actor.download(host.actorParams());
        critic.download(host.criticParams());
        target.download(host.targetCriticParams());
        logAlpha.download(host.logAlphaParams());
        actorOpt.download(host.actorOptimizer());
        criticOpt.download(host.criticOptimizer());
        float[] mv = new float[2];
        device.download(alphaM, 0, mv, 0, 1);
        device.download(alphaV, 0, mv, 1, 1);
        int[] t = new int[1];
        device.download(alphaSteps, 0, t, 0, 1);
        host.alphaOptimizer().moment1()[0] = mv[0];
        host.alphaOptimizer().moment2()[0] = mv[1];
        host.alphaOptimizer().restoreSteps(t[0]);
        host.restoreUpdateCounts(updates, host.criticOnlyUpdates());
    }

    /** The host agent's state to the device (at construction and after a checkpoint was read); the replay mirror resyncs. */
    public void upload() {
        actor.upload(host.actorParams());
        critic.upload(host.criticParams());
        target.upload(host.targetCriticParams());
        logAlpha.upload(host.logAlphaParams());
        actorOpt.upload(host.actorOptimizer());
        criticOpt.upload(host.criticOptimizer());
        device.upload(new float[] {host.alphaOptimizer().moment1()[0]}, 0, alphaM, 0, 1);
        device.upload(new float[] {host.alphaOptimizer().moment2()[0]}, 0, alphaV, 0, 1);
        device.upload(new int[] {Math.toIntExact(host.alphaOptimizer().steps())}, 0, alphaSteps, 0, 1);
        updates = host.updates();
        device.upload(new int[] {(int) (updates % Integer.MAX_VALUE)}, 0, counters, 0, 1);
        unread = 0;
        replay.reset();
    }

    /** Positions of the two device random streams (part of a checkpoint). */
    public long[] randomState() {
        long[] st = new long[4];
        device.download(rng, 0, st, 0, 4);
        return st;
    }

    public void setRandomState(long[] state) {
        if (state.length != 4) throw new IllegalArgumentException("device sac: random state has 4 values, got " + state.length);
        device.upload(state, 0, rng, 0, 4);
    }

    public Device device() { return device; }

    /**
     * The agent's four value functions on its device (its current device parameters: no sync
     * needed), for value-aware model losses trained on the same device. Closed with this updater.
     */
    public DeviceValueFunctions valueFunctions() {
        if (values == null) {
            values = new DeviceValueFunctions(device, actorNet, actor, criticNet, critic, target, obsDim, actDim,
                    (float) config.logStdMin(), (float) config.logStdMax());
        }
        return values;
    }

    private DeviceBuffer f(int n) {
        return device.allocate(DeviceBuffer.Kind.FLOAT, n);
    }

    private static int[] sizes(int in, int[] hidden, int out) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = out;
        return s;
    }

    // ---- SacUpdater: when the host agent must be current ----

    @Override public void flush(MetricMeans metrics) { readStatistics(metrics); }

    @Override public void syncActor() { downloadActor(); }

    @Override public void syncAll() { download(); }

    @Override public void restored() { upload(); }

    @Override
    public void write(ArchiveWriter w, String prefix) throws java.io.IOException {
        w.longs(prefix + "device_rng", randomState());
    }

    @Override
    public void read(ArchiveReader r, String prefix) {
        setRandomState(r.longs(prefix + "device_rng", 4));
    }

    /** Frees the graphs and closes the device (with every buffer on it). */
    @Override
    public void close() {
        for (Graph g : new Graph[] {begin, criticStep, actorStep, polyak, end, all}) if (g != null) g.close();
        if (values != null) values.close();
        device.close();
    }
}
