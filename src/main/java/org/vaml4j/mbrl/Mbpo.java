package org.vaml4j.mbrl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vaml4j.env.Env;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.EnvLoop;
import org.vaml4j.rl.HostSacUpdater;
import org.vaml4j.rl.MetricMeans;
import org.vaml4j.rl.PolicyEvaluation;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacStats;
import org.vaml4j.rl.SacUpdater;
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

    /** SAC statistics, then the model-training report and the rollouts' counts (means since the last episode end). */
    private static final List<String> METRICS;

    static {
        List<String> n = new ArrayList<>(SacStats.NAMES);
        n.addAll(ModelTrainingReport.NAMES);
        n.addAll(List.of("refresh_critic_loss", "rollout_length", "rollout_transitions", "rollout_diverged"));
        METRICS = List.copyOf(n);
    }

    private final String algorithm;
    private final Env evalEnv;
    private final TaskFunctions task;
    private final MbpoConfig config;
    private final long seed;
    private final Sac sac;
    private final ReplayBuffer real;
    private final ModelBuffer modelBuffer;
    private final EnvLoop envLoop;
    private final DynamicsEnsemble model;
    private final ModelFitter modelTrainer;
    private final ModelRollouts rollouts;
    private final StaleValueCorrection correction;
    private final SacUpdater updater;
    private final int batchSize;
    private final Rng modelRng, rolloutRng;
    private double pendingEval = Double.NaN;   // the last epoch-end evaluation, reported at the next episode end
    private final MetricMeans metrics = new MetricMeans(METRICS);
    private final Timings timings = new Timings();

    /** Wall time spent per phase since construction (for benchmarks; not part of the state). */
    public static final class Timings {
        long modelNanos, rolloutNanos, sacNanos;
        int modelTrainings, modelEpochs;

        public double modelTrainingSeconds() { return modelNanos / 1e9; }

        /** Model trainings run so far. */
        public int modelTrainings() { return modelTrainings; }

        /** Epochs (passes over the training split) of all model trainings so far. */
        public int modelEpochs() { return modelEpochs; }

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
        this(algorithm, env, evalEnv, config, sacConfig, dynamics, trainerConfig, loss, correction, seed, kernels, HostSacUpdater::new,
                ModelTrainer::new);
    }

    /**
     * As above, with the SAC updates run by {@code updaters} and the model fitted by {@code fitters}
     * (e.g. both device-resident on a GPU).
     */
    public Mbpo(String algorithm, Env env, Env evalEnv, MbpoConfig config, SacConfig sacConfig, DynamicsConfig dynamics,
                ModelTrainerConfig trainerConfig, ModelLoss loss, StaleValueCorrection correction, long seed, Kernels kernels,
                SacUpdater.Factory updaters, ModelFitter.Factory fitters) {
        this.envLoop = new EnvLoop(algorithm, env, evalEnv, config.realCapacity(), seed);
        this.real = envLoop.buffer();
        int obsDim = real.obsDim(), actDim = real.actDim();
        this.algorithm = algorithm;
        this.evalEnv = evalEnv;
        this.task = env.functions();
        this.config = config;
        this.seed = seed;
        this.correction = correction;
        this.sac = new Sac(obsDim, actDim, sacConfig, kernels, Rng.stream(seed, "init"));
        this.model = new DynamicsEnsemble(obsDim, actDim, dynamics, Rng.stream(seed, "model-init"));
        this.modelTrainer = fitters.create(model, loss, trainerConfig, kernels);
        this.rollouts = new ModelRollouts(model, config.rolloutChunk(), kernels);
        this.modelBuffer = new ModelBuffer(obsDim, actDim, config.rolloutBatch(), config.epochLength(), config.trainEvery(),
                config.retainEpochs());
        this.updater = updaters.create(sac, seed);
        this.batchSize = sacConfig.batchSize();
        this.modelRng = Rng.stream(seed, "model");
        this.rolloutRng = Rng.stream(seed, "rollout");
    }

    @Override public String algorithm() { return algorithm; }

    @Override public long step() { return envLoop.step(); }

    @Override public long episode() { return envLoop.episode(); }

    @Override public List<String> metricNames() { return METRICS; }

    public Sac agent() { return sac; }

    public DynamicsEnsemble model() { return model; }

    public ReplayBuffer realBuffer() { return real; }

    public ModelBuffer modelBuffer() { return modelBuffer; }

    public Timings timings() { return timings; }

    @Override
    public void train(long totalSteps, TrainingListener listener) {
        while (envLoop.step() < totalSteps) {
            long t = envLoop.step() - config.startSteps();   // env steps after the exploration
            long epoch = t / config.epochLength();

            // ---- model training and rollouts every trainEvery steps ----
            if (t >= 0 && t % config.trainEvery() == 0) trainModelAndRollOut(epoch);

            // ---- act (uniform random while exploring, then a ~ pi(.|s)), step the env, store ----
            Transition tr = envLoop.step(sac, t < 0);
            long step = envLoop.step();

            // ---- SAC updates on real + model data ----
            if (t >= 0) {
                // batch mix: round(share * B) rows from the model buffer, the rest from the real buffer
                ReplayBuffer m = modelBuffer.buffer();
                int fromModel = m.size() == 0 ? 0 : (int) Math.round(config.modelShare().at(epoch + 1) * batchSize);
                long t0 = System.nanoTime();
                try {
                    updater.update(real, m, fromModel, config.updatesPerStep(), metrics);
                    updater.syncActor();   // the host acts next; a GPU's updates are finished (and timed) here
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("at env step " + step + ": " + e.getMessage(), e);
                }
                timings.sacNanos += System.nanoTime() - t0;
                // ---- epoch end: evaluate the deterministic policy ----
                if ((t + 1) % config.epochLength() == 0) pendingEval = evaluate(config.evalEpisodes());
            }
            listener.onStep(step);

            // ---- episode end: report ----
            if (tr.done()) {
                updater.flush(metrics);
                listener.onEpisodeEnd(envLoop.endEpisode(pendingEval, metrics.meansAndReset()));
                pendingEval = Double.NaN;
            }
        }
    }

    /** Fits the model to the real buffer, then refills the model buffer with fresh rollouts. */
    private void trainModelAndRollOut(long epoch) {
        int length = (int) config.rolloutLength().at(epoch + 1);
        if (modelTrainer.loss().needsValues() || !(correction instanceof NoCorrection)) updater.syncAll();   // critics read on the host
        StaleValueCorrection.Training training = new StaleValueCorrection.Training(model, real, sac, task, length, rolloutRng);
        long t0 = System.nanoTime();
        ModelTrainer.UpdateListener listener = correction.during(training);
        boolean first = envLoop.step() == config.startSteps();   // from random weights
        ModelTrainingReport report = first && config.firstTrainingMaxEpochs() > 0
                ? modelTrainer.train(real, sac.valueFunctions(), envLoop.step(), modelRng, listener, config.firstTrainingMaxEpochs())
                : modelTrainer.train(real, sac.valueFunctions(), envLoop.step(), modelRng, listener);
        long t1 = System.nanoTime();
        modelBuffer.setRolloutLength(length);
        updater.syncActor();
        rollouts.useMembers(model.elites());
        ModelRollouts.Stats s = rollouts.rollout(real, (o, n, a, rng) -> sac.act(o, n, a, false, rng), task,
                config.rolloutBatch(), length, modelBuffer.buffer(), rolloutRng);
        timings.modelNanos += t1 - t0;
        timings.modelTrainings++;
        timings.modelEpochs += report.epochs();
        timings.rolloutNanos += System.nanoTime() - t1;
        int off = SacStats.NAMES.size();
        metrics.add(off, report.toArray());
        metrics.add(off + ModelTrainingReport.NAMES.size(), correction.lastCriticLoss(), length, s.transitions(), s.diverged());
    }

    @Override
    public double evaluate(int episodes) {
        updater.syncActor();
        return PolicyEvaluation.meanReturn(evalEnv, sac, seed, episodes);
    }

    @Override public boolean atEpisodeBoundary() { return envLoop.atEpisodeBoundary(); }

    @Override
    public void writeState(ArchiveWriter w) throws IOException {
        updater.syncAll();
        envLoop.write(w, "loop.");
        sac.write(w, "sac.");
        real.write(w, "real.");
        modelBuffer.write(w, "model_buffer.");
        model.write(w, "model.");
        modelTrainer.write(w, "model_trainer.");
        updater.write(w, "sac_updates.");
        w.longs("rng", modelRng.state(), rolloutRng.state());
        w.doubles("pending_eval", new double[] {pendingEval});
    }

    @Override
    public void readState(ArchiveReader r) {
        long[] rng = r.longs("rng", 2);
        double[] pe = r.doubles("pending_eval", 1);
        sac.read(r, "sac.");
        real.read(r, "real.");
        modelBuffer.read(r, "model_buffer.");
        model.read(r, "model.");
        modelTrainer.read(r, "model_trainer.");
        envLoop.read(r, "loop.");
        modelRng.setState(rng[0]);
        rolloutRng.setState(rng[1]);
        updater.read(r, "sac_updates.");
        updater.restored();
        pendingEval = pe[0];
        metrics.meansAndReset();
    }

    @Override
    public void writeAgent(ArchiveWriter w) throws IOException {
        updater.syncAll();
        sac.actorParams().write(w, "actor.");
        sac.criticParams().write(w, "critic.");
        sac.targetCriticParams().write(w, "critic_target.");
        model.write(w, "model.");
    }
}
