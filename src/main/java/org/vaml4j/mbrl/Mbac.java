package org.vaml4j.mbrl;

import java.io.IOException;
import java.util.ArrayList;
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
import org.vaml4j.rl.EnvLoop;
import org.vaml4j.rl.MetricMeans;
import org.vaml4j.rl.PolicyEvaluation;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacStats;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.TrainingListener;

/**
 * Value-aware model-based actor-critic (Lovatto et al. 2020, Algorithm 1; research.md §D.2): SAC
 * whose critic targets come from fresh one-step model samples, "MBPO with 1-step rollouts" that
 * stores no virtual experience.
 *
 * <pre>
 *   explore warmupSteps env steps with uniform random actions, then fit the model (up to warmupEpochs)
 *   every env step after that:
 *     act a ~ pi(s), step, store
 *     every modelEvery steps: fit the model (line 7: eq. 9 / any model loss)
 *     updatesPerStep times (lines 8-9):
 *       real batch s_1..s_B; a_i ~ pi(s_i); s'_ik ~ p(s_i, a_i), k = 1..K (no gradient)
 *       critic: y_i = mean_k [ r(s_i, a_i, s'_ik) + gamma (1 - done_ik) V_target(s'_ik) ]
 *       actor and temperature: SAC's on the real states s_i
 * </pre>
 *
 * <p>Implementation details:
 * <ol>
 *   <li>Reward and termination are the task's known functions of {@code (s, a, s')} when it has
 *       them ({@link TaskFunctions#rewardFromObservations()}); otherwise the model's predicted
 *       reward (e.g. locomotion, whose reward needs the unobserved x position).</li>
 *   <li>The critic step sees the K samples as K x B rows {@code (s_i, a_i, r_ik, s'_ik)} of one SAC
 *       batch: the gradient of {@code mean_ik (Q(s_i, a_i) - y_ik)^2} equals that of
 *       {@code mean_i (Q(s_i, a_i) - mean_k y_ik)^2} (the losses differ by the constant variance of
 *       y_ik); the soft target value uses one fresh a' ~ pi(s'_ik) per sample.</li>
 *   <li>The action a_i is drawn anew from the current policy (raylab {@code old_actions: False}),
 *       not the stored one. Model samples pick a random elite per row ({@link ModelRollouts#sample});
 *       a sample with a non-finite prediction is replaced by a terminal self-transition (counted).</li>
 *   <li>Lovatto's model: one member, (128, 128) SiLU, Gaussian head with fixed log-variance bounds,
 *       lr 1e-4, weight decay 1e-5, patience 5, at most 20 epochs per training (presets).</li>
 *   <li>Evaluation and checkpoints as {@link Mbpo}: at episode ends, everything in the state.</li>
 * </ol>
 */
public final class Mbac implements Trainer {

    private final Env evalEnv;
    private final Box box;
    private final EnvLoop envLoop;
    private final TaskFunctions task;
    private final MbacConfig config;
    private final long seed;
    private final Sac sac;
    private final ReplayBuffer real;
    private final DynamicsEnsemble model;
    private final ModelTrainer modelTrainer;
    private final ModelRollouts sampler;
    private final Batch actorBatch;     // B real transitions
    private final Batch criticBatch;    // K x B virtual transitions
    private final Rng updateRng, bufferRng, modelRng, sampleRng;
    private final int obsDim, actDim;
    private final float[] reward;       // (K B) model rewards
    private final boolean[] finite;     // (K B)
    private final boolean[] done;       // (K B)
    private final float[] envActs;      // (K B x A) actions on the env's box, for the known reward

    private final MetricMeans metrics;
    private long nextEval;
    private static final List<String> NAMES;

    static {
        List<String> n = new ArrayList<>(SacStats.NAMES);
        n.addAll(ModelTrainingReport.NAMES);
        n.add("virtual_diverged");
        NAMES = List.copyOf(n);
    }

    public Mbac(Env env, Env evalEnv, MbacConfig config, SacConfig sacConfig, DynamicsConfig dynamics,
                ModelTrainerConfig trainerConfig, ModelLoss loss, long seed, Kernels kernels) {
        this.envLoop = new EnvLoop("mbac", env, evalEnv, config.realCapacity(), seed);
        this.real = envLoop.buffer();
        this.evalEnv = evalEnv;
        this.box = envLoop.box();
        this.task = env.functions();
        this.config = config;
        this.seed = seed;
        this.obsDim = real.obsDim();
        this.actDim = real.actDim();
        this.sac = new Sac(obsDim, actDim, sacConfig, kernels, Rng.stream(seed, "init"));
        this.model = new DynamicsEnsemble(obsDim, actDim, dynamics, Rng.stream(seed, "model-init"));
        this.modelTrainer = new ModelTrainer(model, loss, trainerConfig, kernels);
        int rows = config.samples() * sacConfig.batchSize();
        this.sampler = new ModelRollouts(model, rows, kernels);
        this.actorBatch = new Batch(sacConfig.batchSize(), obsDim, actDim);
        this.criticBatch = new Batch(rows, obsDim, actDim);
        this.updateRng = Rng.stream(seed, "update");
        this.bufferRng = Rng.stream(seed, "buffer");
        this.modelRng = Rng.stream(seed, "model");
        this.sampleRng = Rng.stream(seed, "virtual");
        this.reward = new float[rows];
        this.finite = new boolean[rows];
        this.done = new boolean[rows];
        this.envActs = new float[rows * actDim];
        this.metrics = new MetricMeans(NAMES);
        this.nextEval = config.evalEvery();
    }

    @Override public String algorithm() { return "mbac"; }

    @Override public long step() { return envLoop.step(); }

    @Override public long episode() { return envLoop.episode(); }

    @Override public List<String> metricNames() { return NAMES; }

    public Sac agent() { return sac; }

    public DynamicsEnsemble model() { return model; }

    @Override
    public void train(long totalSteps, TrainingListener listener) {
        while (envLoop.step() < totalSteps) {
            long t = envLoop.step() - config.warmupSteps();   // env steps after the warm-up

            // ---- model learning (line 7): after the warm-up, then every modelEvery steps ----
            if (t >= 0 && t % config.modelEvery() == 0) {
                long step = envLoop.step();
                ModelTrainingReport r = t == 0
                        ? modelTrainer.train(real, sac.valueFunctions(), step, modelRng, ModelTrainer.UpdateListener.none(),
                                config.warmupEpochs())
                        : modelTrainer.train(real, sac.valueFunctions(), step, modelRng, ModelTrainer.UpdateListener.none());
                sampler.useMembers(model.elites());
                metrics.add(SacStats.NAMES.size(), r.toArray());
            }

            // ---- act (line 3): uniform random during the warm-up, then a ~ pi(.|s); step, store ----
            Transition tr = envLoop.step(sac, t < 0);
            long step = envLoop.step();

            // ---- critic on fresh virtual samples, actor on real states (lines 8-9) ----
            if (t >= 0) {
                for (int u = 0; u < config.updatesPerStep(); u++) {
                    fillVirtualBatch();
                    try {
                        metrics.add(0, sac.update(criticBatch, actorBatch, updateRng).toArray());
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("at env step " + step + ": " + e.getMessage(), e);
                    }
                }
            }
            listener.onStep(step);

            if (tr.done()) {
                double evalReturn = Double.NaN;
                if (step >= nextEval) {
                    evalReturn = evaluate(config.evalEpisodes());
                    while (nextEval <= step) nextEval += config.evalEvery();
                }
                listener.onEpisodeEnd(envLoop.endEpisode(evalReturn, metrics.meansAndReset()));
            }
        }
    }

    /** actorBatch: B real transitions; criticBatch: K x B rows (s_i, a_i ~ pi(s_i), r_ik, s'_ik ~ p(s_i, a_i)). */
    private void fillVirtualBatch() {
        real.sample(bufferRng, actorBatch);
        int b = actorBatch.size, k = config.samples(), n = b * k;
        float[] actions = criticBatch.act;
        sac.act(actorBatch.obs, b, actions, false, updateRng);     // a_i ~ pi(s_i) into the first B rows
        for (int s = 1; s < k; s++) {
            System.arraycopy(actorBatch.obs, 0, criticBatch.obs, s * b * obsDim, b * obsDim);
            System.arraycopy(actions, 0, actions, s * b * actDim, b * actDim);
        }
        System.arraycopy(actorBatch.obs, 0, criticBatch.obs, 0, b * obsDim);
        sampler.sample(criticBatch.obs, actions, n, criticBatch.nextObs, reward, finite, sampleRng);
        int diverged = 0;
        for (int i = 0; i < n; i++) {
            if (!finite[i]) {
                // a diverged sample: a terminal self-transition
                System.arraycopy(criticBatch.obs, i * obsDim, criticBatch.nextObs, i * obsDim, obsDim);
                reward[i] = 0f;
                diverged++;
            }
        }
        task.terminations(n, criticBatch.nextObs, done);
        if (task.rewardFromObservations()) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < actDim; j++) {   // the policy's (-1, 1) onto the env's box
                    envActs[i * actDim + j] = (float) (box.low(j) + 0.5 * (actions[i * actDim + j] + 1.0) * (box.high(j) - box.low(j)));
                }
            }
            task.rewards(n, criticBatch.obs, envActs, criticBatch.nextObs, criticBatch.reward);
        } else {
            System.arraycopy(reward, 0, criticBatch.reward, 0, n);
        }
        for (int i = 0; i < n; i++) {
            boolean terminal = done[i] || !finite[i];
            criticBatch.notDone[i] = terminal ? 0f : 1f;
            if (!finite[i]) criticBatch.reward[i] = 0f;
        }
        metrics.add(NAMES.size() - 1, diverged);
    }

    @Override
    public double evaluate(int episodes) {
        return PolicyEvaluation.meanReturn(evalEnv, sac, seed, episodes);
    }

    @Override public boolean atEpisodeBoundary() { return envLoop.atEpisodeBoundary(); }

    @Override
    public void writeState(ArchiveWriter w) throws IOException {
        envLoop.write(w, "loop.");
        sac.write(w, "sac.");
        real.write(w, "real.");
        model.write(w, "model.");
        modelTrainer.write(w, "model_trainer.");
        w.longs("rng", updateRng.state(), bufferRng.state(), modelRng.state(), sampleRng.state());
        w.longs("next_eval", nextEval);
    }

    @Override
    public void readState(ArchiveReader r) {
        long[] rng = r.longs("rng", 4);
        nextEval = r.longs("next_eval", 1)[0];
        envLoop.read(r, "loop.");
        sac.read(r, "sac.");
        real.read(r, "real.");
        model.read(r, "model.");
        modelTrainer.read(r, "model_trainer.");
        Rng[] streams = {updateRng, bufferRng, modelRng, sampleRng};
        for (int i = 0; i < streams.length; i++) streams[i].setState(rng[i]);
        sampler.useMembers(model.elites());
        metrics.meansAndReset();
    }

    @Override
    public void writeAgent(ArchiveWriter w) throws IOException {
        sac.actorParams().write(w, "actor.");
        sac.criticParams().write(w, "critic.");
        sac.targetCriticParams().write(w, "critic_target.");
        model.write(w, "model.");
    }
}
