package org.vaml4j.rl;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.vaml4j.env.Box;
import org.vaml4j.env.Env;
import org.vaml4j.env.Transition;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * SAC on a real environment: act, step, store, update — CleanRL's loop. Library use:
 *
 * <pre>{@code
 * EnvRegistry envs = EnvRegistry.standard();
 * SacTrainer t = new SacTrainer(envs.make("pendulum"), envs.make("pendulum"), SacConfig.defaults(),
 *         OffPolicyLoopConfig.defaults(), 0, KernelChoice.select("auto", 1));
 * t.train(20_000, e -> System.out.println(e.step() + "  " + e.episodeReturn()));
 * }</pre>
 *
 * <p>Randomness comes from independent streams split from the seed ({@link Rng#stream}):
 * {@code init} (network weights), {@code env} (one reset seed per episode), {@code act}
 * (exploration), {@code update} (policy noise in updates), {@code buffer} (batch sampling) and
 * {@code eval} (the same evaluation start states every time). Their states are part of
 * {@link #writeState}, which is allowed only between episodes: there the env needs no state of
 * its own (the next episode starts from a reset seed drawn from the saved {@code env} stream), so
 * a resumed run repeats the uninterrupted one bit for bit.
 */
public final class SacTrainer implements Trainer {

    private final Env env;
    private final Env evalEnv;
    private final Box actionBox;
    private final OffPolicyLoopConfig loop;
    private final long seed;
    private final Sac sac;
    private final ReplayBuffer buffer;
    private final Batch batch;
    private final Rng envRng;
    private final Rng actRng;
    private final Rng updateRng;
    private final Rng bufferRng;
    private final int obsDim;
    private final int actDim;

    // ---- loop state ----
    private long step;
    private long episode;
    private long nextEval;
    private boolean inEpisode;
    private double[] obs;
    private double episodeReturn;
    private int episodeLength;
    private final double[] metricSum = new double[SacStats.NAMES.size()];
    private final int[] metricCount = new int[SacStats.NAMES.size()];
    private final float[] obsF;     // (obsDim) current observation for the policy
    private final float[] actF;     // (actDim) policy action in (-1, 1)
    private final double[] envAct;  // (actDim) the action mapped onto the env's box

    /**
     * @param env     the training env (reset here with seeds from the {@code env} stream)
     * @param evalEnv a separate instance of the same task for evaluation (needs a time limit)
     */
    public SacTrainer(Env env, Env evalEnv, SacConfig config, OffPolicyLoopConfig loop, long seed, Kernels kernels) {
        if (!(env.actionSpace() instanceof Box box)) {
            throw new IllegalArgumentException("sac needs a continuous (Box) action space; " + env.id() + " has " + env.actionSpace());
        }
        for (int j = 0; j < box.flatDim(); j++) {
            if (!Double.isFinite(box.low(j)) || !Double.isFinite(box.high(j))) {
                throw new IllegalArgumentException("sac needs a bounded action box; " + env.id() + " has " + box);
            }
        }
        if (!(evalEnv.actionSpace() instanceof Box eb) || !Arrays.equals(eb.low(), box.low()) || !Arrays.equals(eb.high(), box.high())) {
            throw new IllegalArgumentException("evaluation env " + evalEnv.id() + " has another action space than " + env.id());
        }
        if (evalEnv.maxEpisodeSteps() <= 0) {
            throw new IllegalArgumentException("evaluation env " + evalEnv.id() + " needs a time limit (time_limit=N)");
        }
        this.env = env;
        this.evalEnv = evalEnv;
        this.actionBox = box;
        this.loop = loop;
        this.seed = seed;
        this.obsDim = env.observationSpace().flatDim();
        this.actDim = box.flatDim();
        this.sac = new Sac(obsDim, actDim, config, kernels, Rng.stream(seed, "init"));
        this.buffer = new ReplayBuffer(loop.bufferCapacity(), obsDim, actDim);
        this.batch = new Batch(config.batchSize(), obsDim, actDim);
        this.envRng = Rng.stream(seed, "env");
        this.actRng = Rng.stream(seed, "act");
        this.updateRng = Rng.stream(seed, "update");
        this.bufferRng = Rng.stream(seed, "buffer");
        this.nextEval = loop.evalEvery();
        this.obsF = new float[obsDim];
        this.actF = new float[actDim];
        this.envAct = new double[actDim];
    }

    @Override public String algorithm() { return "sac"; }

    @Override public long step() { return step; }

    @Override public long episode() { return episode; }

    @Override public List<String> metricNames() { return SacStats.NAMES; }

    /** The agent being trained. */
    public Sac agent() { return sac; }

    public ReplayBuffer buffer() { return buffer; }

    @Override
    public void train(long totalSteps, TrainingListener listener) {
        while (step < totalSteps) {
            if (!inEpisode) {
                obs = env.reset(envRng.nextSeed());
                inEpisode = true;
                episodeReturn = 0;
                episodeLength = 0;
            }

            // ---- act: uniform random actions for the first startSteps, then a ~ π(·|s) ----
            if (step < loop.startSteps()) {
                for (int j = 0; j < actDim; j++) actF[j] = (float) (2 * actRng.nextDouble() - 1);
            } else {
                for (int j = 0; j < obsDim; j++) obsF[j] = (float) obs[j];
                sac.act(obsF, 1, actF, false, actRng);
            }

            // ---- env step; store (s, a, r, s', terminated): a time-limit truncation still bootstraps ----
            double[] a = new double[actDim];
            for (int j = 0; j < actDim; j++) a[j] = actF[j];
            PolicyEvaluation.toBox(actionBox, actF, envAct);
            Transition t = env.step(envAct);
            buffer.add(obs, a, t.reward(), t.obs(), t.terminated());
            obs = t.obs();
            step++;
            episodeReturn += t.reward();
            episodeLength++;

            // ---- SAC updates once the buffer holds updateAfter transitions ----
            if (buffer.size() >= loop.updateAfter()) {
                for (int u = 0; u < loop.updatesPerStep(); u++) {
                    buffer.sample(bufferRng, batch);
                    SacStats s;
                    try {
                        s = sac.update(batch, updateRng);
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("at env step " + step + ": " + e.getMessage(), e);
                    }
                    accumulate(s.toArray());
                }
            }
            listener.onStep(step);

            // ---- episode end: evaluate when due, report ----
            if (t.done()) {
                inEpisode = false;
                episode++;
                double evalReturn = Double.NaN;
                if (step >= nextEval) {
                    evalReturn = evaluate(loop.evalEpisodes());
                    while (nextEval <= step) nextEval += loop.evalEvery();
                }
                EpisodeEnd e = new EpisodeEnd(step, episode, episodeReturn, episodeLength, evalReturn, metricMeans());
                Arrays.fill(metricSum, 0);
                Arrays.fill(metricCount, 0);
                listener.onEpisodeEnd(e);
            }
        }
    }

    @Override
    public double evaluate(int episodes) {
        return PolicyEvaluation.meanReturn(evalEnv, sac, seed, episodes);
    }

    @Override public boolean atEpisodeBoundary() { return !inEpisode; }

    @Override
    public void writeState(ArchiveWriter w) throws IOException {
        if (inEpisode) throw new IllegalStateException("sac trainer: state can only be written between episodes");
        sac.write(w, "sac.");
        buffer.write(w, "buffer.");
        w.longs("rng", envRng.state(), actRng.state(), updateRng.state(), bufferRng.state());
        w.longs("counters", step, episode, nextEval);
    }

    @Override
    public void readState(ArchiveReader r) {
        long[] rng = r.longs("rng", 4);
        long[] c = r.longs("counters", 3);
        sac.read(r, "sac.");
        buffer.read(r, "buffer.");
        envRng.setState(rng[0]);
        actRng.setState(rng[1]);
        updateRng.setState(rng[2]);
        bufferRng.setState(rng[3]);
        step = c[0];
        episode = c[1];
        nextEval = c[2];
        inEpisode = false;
    }

    @Override
    public void writeAgent(ArchiveWriter w) throws IOException {
        sac.actorParams().write(w, "actor.");
        sac.criticParams().write(w, "critic.");
        sac.targetCriticParams().write(w, "critic_target.");
    }

    private void accumulate(double[] m) {
        for (int i = 0; i < m.length; i++) {
            if (!Double.isNaN(m[i])) {
                metricSum[i] += m[i];
                metricCount[i]++;
            }
        }
    }

    private double[] metricMeans() {
        double[] m = new double[metricSum.length];
        for (int i = 0; i < m.length; i++) m[i] = metricCount[i] == 0 ? Double.NaN : metricSum[i] / metricCount[i];
        return m;
    }
}
