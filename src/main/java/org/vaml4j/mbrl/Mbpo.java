package org.vaml4j.mbrl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vaml4j.env.Box;
import org.vaml4j.env.Env;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.Batch;
import org.vaml4j.rl.EpisodeEnd;
import org.vaml4j.rl.PolicyEvaluation;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacStats;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.TrainingListener;

/**
 * Model-Based Policy Optimization (Janner et al. 2019; VaGraM Algorithm 1; research.md §A.1) with
 * any {@link ModelLoss}: SAC trained on short branched rollouts of a learned dynamics ensemble.
 * With a {@link ValueAwareMbrl} correction it is value-aware MBRL (Modhe et al., Algorithm 2).
 *
 * <pre>
 *   explore startSteps env steps with uniform random actions
 *   every env step t after that (t counted from the end of exploration):
 *     if t % trainEvery == 0: fit the model on the whole real buffer; L = rolloutLength(epoch + 1);
 *                             push rolloutBatch rollouts of length L from real states into the model buffer
 *     act a ~ pi(s), step the env, store (s, a, r, s', terminated) in the real buffer
 *     updatesPerStep SAC updates on batches mixing real and model data (model share at epoch + 1)
 *     at every epoch end: evaluate the deterministic policy
 * </pre>
 *
 * <p>Implementation details:
 * <ol>
 *   <li>Epochs count env steps after the exploration (mbrl-lib's {@code env_steps}); the run's
 *       step counter includes the exploration. Schedules are read at {@code epoch + 1}.</li>
 *   <li>Exploration uses uniform random actions (original MBPO) and no SAC updates.</li>
 *   <li>Batch mix: each SAC batch takes {@code round(share * B)} rows from the model buffer and the
 *       rest from the real buffer (original MBPO's real_ratio; VaGraM's "amount of model samples"
 *       schedule, App. E, read per batch rather than as mbrl-lib's per-batch coin flip). An empty
 *       model buffer (every rollout diverged) gives real rows only.</li>
 *   <li>Actions are stored in the policy's (-1, 1) coordinates; the env sees them mapped onto its box.
 *       A time-limit truncation still bootstraps (only {@code terminated} ends the value target).</li>
 *   <li>Rollouts use the elites with a random elite per sample, sampled actions, sampled model
 *       outputs and the task's termination predicate ({@link ModelRollouts}).</li>
 *   <li>Evaluation runs at the exact epoch boundary and is reported with the next training
 *       episode end. Checkpoints ({@link #writeState}) hold the agent, both buffers, the model, its
 *       optimizer, all random streams and counters, so a resumed run repeats the uninterrupted one.</li>
 * </ol>
 */
public final class Mbpo implements Trainer {

    private final String algorithm;
    private final Env env;
    private final Env evalEnv;
    private final Box box;
    private final TaskFunctions task;
    private final MbpoConfig config;
    private final long seed;
    private final Sac sac;
    private final ReplayBuffer real;
    private final ModelBuffer modelBuffer;
    private final DynamicsEnsemble model;
    private final ModelTrainer modelTrainer;
    private final ModelRollouts rollouts;
    private final StaleValueCorrection correction;
    private final Batch batch;
    private final Rng envRng, actRng, updateRng, bufferRng, modelRng, rolloutRng;
    private final int obsDim, actDim;

    // ---- loop state ----
    private long step, episode;
    private boolean inEpisode;
    private double[] obs;
    private double episodeReturn;
    private int episodeLength;
    private double pendingEval = Double.NaN;
    private final float[] obsF, actF;
    private final double[] envAct;
    private final double[] actD;     // (actDim) the policy action as stored
    private final Metrics metrics = new Metrics();
    private final Timings timings = new Timings();

    /** Wall time spent per phase since construction (for benchmarks; not part of the state). */
    public static final class Timings {
        long modelNanos, rolloutNanos, sacNanos;

        public double modelTrainingSeconds() { return modelNanos / 1e9; }

        public double rolloutSeconds() { return rolloutNanos / 1e9; }

        public double sacSeconds() { return sacNanos / 1e9; }
    }

    /**
     * @param algorithm  the name reported ({@code mbpo}, {@code va-mbrl})
     * @param dynamics   architecture of the model (its head must suit the loss)
     * @param correction {@link NoCorrection} for MBPO
     */
    public Mbpo(String algorithm, Env env, Env evalEnv, MbpoConfig config, SacConfig sacConfig, DynamicsConfig dynamics,
                ModelTrainerConfig trainerConfig, ModelLoss loss, StaleValueCorrection correction, long seed, Kernels kernels) {
        if (!(env.actionSpace() instanceof Box b)) {
            throw new IllegalArgumentException(algorithm + " needs a continuous (Box) action space; " + env.id() + " has " + env.actionSpace());
        }
        if (evalEnv.maxEpisodeSteps() <= 0) {
            throw new IllegalArgumentException("evaluation env " + evalEnv.id() + " needs a time limit (time_limit=N)");
        }
        this.algorithm = algorithm;
        this.env = env;
        this.evalEnv = evalEnv;
        this.box = b;
        this.task = env.functions();
        this.config = config;
        this.seed = seed;
        this.correction = correction;
        this.obsDim = env.observationSpace().flatDim();
        this.actDim = b.flatDim();
        this.sac = new Sac(obsDim, actDim, sacConfig, kernels, Rng.stream(seed, "init"));
        this.model = new DynamicsEnsemble(obsDim, actDim, dynamics, Rng.stream(seed, "model-init"));
        this.modelTrainer = new ModelTrainer(model, loss, trainerConfig, kernels);
        this.rollouts = new ModelRollouts(model, config.rolloutChunk(), kernels);
        this.real = new ReplayBuffer(config.realCapacity(), obsDim, actDim);
        this.modelBuffer = new ModelBuffer(obsDim, actDim, config.rolloutBatch(), config.epochLength(), config.trainEvery(),
                config.retainEpochs());
        this.batch = new Batch(sacConfig.batchSize(), obsDim, actDim);
        this.envRng = Rng.stream(seed, "env");
        this.actRng = Rng.stream(seed, "act");
        this.updateRng = Rng.stream(seed, "update");
        this.bufferRng = Rng.stream(seed, "buffer");
        this.modelRng = Rng.stream(seed, "model");
        this.rolloutRng = Rng.stream(seed, "rollout");
        this.obsF = new float[obsDim];
        this.actF = new float[actDim];
        this.envAct = new double[actDim];
        this.actD = new double[actDim];
    }

    @Override public String algorithm() { return algorithm; }

    @Override public long step() { return step; }

    @Override public long episode() { return episode; }

    @Override public List<String> metricNames() { return Metrics.NAMES; }

    public Sac agent() { return sac; }

    public DynamicsEnsemble model() { return model; }

    public ReplayBuffer realBuffer() { return real; }

    public ModelBuffer modelBuffer() { return modelBuffer; }

    public Timings timings() { return timings; }

    @Override
    public void train(long totalSteps, TrainingListener listener) {
        while (step < totalSteps) {
            if (!inEpisode) {
                obs = env.reset(envRng.nextSeed());
                inEpisode = true;
                episodeReturn = 0;
                episodeLength = 0;
            }
            long t = step - config.startSteps();   // env steps after the exploration
            long epoch = t / config.epochLength();

            // ---- model training and rollouts every trainEvery steps ----
            if (t >= 0 && t % config.trainEvery() == 0) trainModelAndRollOut(epoch);

            // ---- act: uniform random while exploring, then a ~ pi(.|s) ----
            if (t < 0) {
                for (int j = 0; j < actDim; j++) actF[j] = (float) (2 * actRng.nextDouble() - 1);
            } else {
                for (int j = 0; j < obsDim; j++) obsF[j] = (float) obs[j];
                sac.act(obsF, 1, actF, false, actRng);
            }

            // ---- env step; store (s, a, r, s', terminated) ----
            PolicyEvaluation.toBox(box, actF, envAct);
            Transition tr = env.step(envAct);
            for (int j = 0; j < actDim; j++) actD[j] = actF[j];
            real.add(obs, actD, tr.reward(), tr.obs(), tr.terminated());
            obs = tr.obs();
            step++;
            episodeReturn += tr.reward();
            episodeLength++;

            // ---- SAC updates on real + model data ----
            if (t >= 0) {
                double share = config.modelShare().at(epoch + 1);
                long t0 = System.nanoTime();
                for (int u = 0; u < config.updatesPerStep(); u++) {
                    fillMixedBatch(share);
                    try {
                        metrics.addSac(sac.update(batch, updateRng));
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("at env step " + step + ": " + e.getMessage(), e);
                    }
                }
                timings.sacNanos += System.nanoTime() - t0;
                // ---- epoch end: evaluate the deterministic policy ----
                if ((t + 1) % config.epochLength() == 0) pendingEval = evaluate(config.evalEpisodes());
            }
            listener.onStep(step);

            // ---- episode end: report ----
            if (tr.done()) {
                inEpisode = false;
                episode++;
                EpisodeEnd e = new EpisodeEnd(step, episode, episodeReturn, episodeLength, pendingEval, metrics.meansAndReset());
                pendingEval = Double.NaN;
                listener.onEpisodeEnd(e);
            }
        }
    }

    /** Fits the model to the real buffer, then refills the model buffer with fresh rollouts. */
    private void trainModelAndRollOut(long epoch) {
        int length = (int) config.rolloutLength().at(epoch + 1);
        StaleValueCorrection.Training training = new StaleValueCorrection.Training(model, real, sac, task, length, rolloutRng);
        long t0 = System.nanoTime();
        ModelTrainingReport report = modelTrainer.train(real, sac.valueFunctions(), step, modelRng, correction.during(training));
        long t1 = System.nanoTime();
        modelBuffer.setRolloutLength(length);
        rollouts.useMembers(model.elites());
        ModelRollouts.Stats s = rollouts.rollout(real, (o, n, a, rng) -> sac.act(o, n, a, false, rng), task,
                config.rolloutBatch(), length, modelBuffer.buffer(), rolloutRng);
        timings.modelNanos += t1 - t0;
        timings.rolloutNanos += System.nanoTime() - t1;
        metrics.addModel(report, correction.lastCriticLoss(), length, s);
    }

    /** round(share * B) rows from the model buffer, the rest from the real buffer. */
    private void fillMixedBatch(double share) {
        ReplayBuffer m = modelBuffer.buffer();
        int fromModel = m.size() == 0 ? 0 : (int) Math.round(share * batch.size);
        for (int b = 0; b < batch.size; b++) {
            if (b < fromModel) m.copyRow(bufferRng.nextInt(m.size()), batch, b);
            else real.copyRow(bufferRng.nextInt(real.size()), batch, b);
        }
    }

    @Override
    public double evaluate(int episodes) {
        return PolicyEvaluation.meanReturn(evalEnv, sac, seed, episodes);
    }

    @Override public boolean atEpisodeBoundary() { return !inEpisode; }

    @Override
    public void writeState(ArchiveWriter w) throws IOException {
        if (inEpisode) throw new IllegalStateException(algorithm + ": state can only be written between episodes");
        sac.write(w, "sac.");
        real.write(w, "real.");
        modelBuffer.write(w, "model_buffer.");
        model.write(w, "model.");
        modelTrainer.write(w, "model_trainer.");
        w.longs("rng", envRng.state(), actRng.state(), updateRng.state(), bufferRng.state(), modelRng.state(), rolloutRng.state());
        w.longs("counters", step, episode);
        w.doubles("pending_eval", new double[] {pendingEval});
    }

    @Override
    public void readState(ArchiveReader r) {
        long[] rng = r.longs("rng", 6);
        long[] c = r.longs("counters", 2);
        double[] pe = r.doubles("pending_eval", 1);
        sac.read(r, "sac.");
        real.read(r, "real.");
        modelBuffer.read(r, "model_buffer.");
        model.read(r, "model.");
        modelTrainer.read(r, "model_trainer.");
        Rng[] streams = {envRng, actRng, updateRng, bufferRng, modelRng, rolloutRng};
        for (int i = 0; i < streams.length; i++) streams[i].setState(rng[i]);
        step = c[0];
        episode = c[1];
        pendingEval = pe[0];
        inEpisode = false;
        metrics.meansAndReset();
    }

    @Override
    public void writeAgent(ArchiveWriter w) throws IOException {
        sac.actorParams().write(w, "actor.");
        sac.criticParams().write(w, "critic.");
        sac.targetCriticParams().write(w, "critic_target.");
        model.write(w, "model.");
    }

    /** Means of the SAC statistics, and of the model-training reports, since the last episode end. */
    private static final class Metrics {
        static final List<String> NAMES;

        static {
            List<String> n = new ArrayList<>(SacStats.NAMES);
            n.addAll(ModelTrainingReport.NAMES);
            n.addAll(List.of("refresh_critic_loss", "rollout_length", "rollout_transitions", "rollout_diverged"));
            NAMES = List.copyOf(n);
        }

        private final double[] sum = new double[NAMES.size()];
        private final int[] count = new int[NAMES.size()];

        void addSac(SacStats s) {
            add(0, s.toArray());
        }

        void addModel(ModelTrainingReport r, double refreshLoss, int length, ModelRollouts.Stats s) {
            int off = SacStats.NAMES.size();
            add(off, r.toArray());
            add(off + ModelTrainingReport.NAMES.size(), new double[] {refreshLoss, length, s.transitions(), s.diverged()});
        }

        private void add(int off, double[] v) {
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    sum[off + i] += v[i];
                    count[off + i]++;
                }
            }
        }

        double[] meansAndReset() {
            double[] m = new double[sum.length];
            for (int i = 0; i < m.length; i++) m[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            return m;
        }
    }
}
