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

    private final Env env;
    private final Env evalEnv;
    private final Box box;
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
    private final Rng envRng, actRng, updateRng, bufferRng, modelRng, sampleRng;
    private final int obsDim, actDim;
    private final float[] reward;       // (K B) model rewards
    private final boolean[] finite;     // (K B)
    private final boolean[] done;       // (K B)
    private final float[] envActs;      // (K B x A) actions on the env's box, for the known reward

    // ---- loop state ----
    private long step, episode, nextEval;
    private boolean inEpisode;
    private double[] obs;
    private double episodeReturn;
    private int episodeLength;
    private final float[] obsF, actF;
    private final double[] envAct, actD;
    private final double[] sum, count;
    private static final List<String> NAMES;

    static {
        List<String> n = new ArrayList<>(SacStats.NAMES);
        n.addAll(ModelTrainingReport.NAMES);
        n.add("virtual_diverged");
        NAMES = List.copyOf(n);
    }

    public Mbac(Env env, Env evalEnv, MbacConfig config, SacConfig sacConfig, DynamicsConfig dynamics,
                ModelTrainerConfig trainerConfig, ModelLoss loss, long seed, Kernels kernels) {
        if (!(env.actionSpace() instanceof Box b)) {
            throw new IllegalArgumentException("mbac needs a continuous (Box) action space; " + env.id() + " has " + env.actionSpace());
        }
        if (evalEnv.maxEpisodeSteps() <= 0) {
            throw new IllegalArgumentException("evaluation env " + evalEnv.id() + " needs a time limit (time_limit=N)");
        }
        this.env = env;
        this.evalEnv = evalEnv;
        this.box = b;
        this.task = env.functions();
        this.config = config;
        this.seed = seed;
        this.obsDim = env.observationSpace().flatDim();
        this.actDim = b.flatDim();
        this.sac = new Sac(obsDim, actDim, sacConfig, kernels, Rng.stream(seed, "init"));
        this.model = new DynamicsEnsemble(obsDim, actDim, dynamics, Rng.stream(seed, "model-init"));
        this.modelTrainer = new ModelTrainer(model, loss, trainerConfig, kernels);
        int rows = config.samples() * sacConfig.batchSize();
        this.sampler = new ModelRollouts(model, rows, kernels);
        this.real = new ReplayBuffer(config.realCapacity(), obsDim, actDim);
        this.actorBatch = new Batch(sacConfig.batchSize(), obsDim, actDim);
        this.criticBatch = new Batch(rows, obsDim, actDim);
        this.envRng = Rng.stream(seed, "env");
        this.actRng = Rng.stream(seed, "act");
        this.updateRng = Rng.stream(seed, "update");
        this.bufferRng = Rng.stream(seed, "buffer");
        this.modelRng = Rng.stream(seed, "model");
        this.sampleRng = Rng.stream(seed, "virtual");
        this.reward = new float[rows];
        this.finite = new boolean[rows];
        this.done = new boolean[rows];
        this.envActs = new float[rows * actDim];
        this.obsF = new float[obsDim];
        this.actF = new float[actDim];
        this.envAct = new double[actDim];
        this.actD = new double[actDim];
        this.sum = new double[NAMES.size()];
        this.count = new double[NAMES.size()];
        this.nextEval = config.evalEvery();
    }

    @Override public String algorithm() { return "mbac"; }

    @Override public long step() { return step; }

    @Override public long episode() { return episode; }

    @Override public List<String> metricNames() { return NAMES; }

    public Sac agent() { return sac; }

    public DynamicsEnsemble model() { return model; }

    @Override
    public void train(long totalSteps, TrainingListener listener) {
        while (step < totalSteps) {
            if (!inEpisode) {
                obs = env.reset(envRng.nextSeed());
                inEpisode = true;
                episodeReturn = 0;
                episodeLength = 0;
            }
            long t = step - config.warmupSteps();   // env steps after the warm-up

            // ---- model learning (line 7): after the warm-up, then every modelEvery steps ----
            if (t >= 0 && t % config.modelEvery() == 0) {
                ModelTrainingReport r = t == 0
                        ? modelTrainer.train(real, sac.valueFunctions(), step, modelRng, ModelTrainer.UpdateListener.none(),
                                config.warmupEpochs())
                        : modelTrainer.train(real, sac.valueFunctions(), step, modelRng, ModelTrainer.UpdateListener.none());
                sampler.useMembers(model.elites());
                add(SacStats.NAMES.size(), r.toArray());
            }

            // ---- act (line 3): uniform random during the warm-up, then a ~ pi(.|s) ----
            if (t < 0) {
                for (int j = 0; j < actDim; j++) actF[j] = (float) (2 * actRng.nextDouble() - 1);
            } else {
                for (int j = 0; j < obsDim; j++) obsF[j] = (float) obs[j];
                sac.act(obsF, 1, actF, false, actRng);
            }
            PolicyEvaluation.toBox(box, actF, envAct);
            Transition tr = env.step(envAct);
            for (int j = 0; j < actDim; j++) actD[j] = actF[j];
            real.add(obs, actD, tr.reward(), tr.obs(), tr.terminated());
            obs = tr.obs();
            step++;
            episodeReturn += tr.reward();
            episodeLength++;

            // ---- critic on fresh virtual samples, actor on real states (lines 8-9) ----
            if (t >= 0) {
                for (int u = 0; u < config.updatesPerStep(); u++) {
                    fillVirtualBatch();
                    try {
                        add(0, sac.update(criticBatch, actorBatch, updateRng).toArray());
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("at env step " + step + ": " + e.getMessage(), e);
                    }
                }
            }
            listener.onStep(step);

            if (tr.done()) {
                inEpisode = false;
                episode++;
                double evalReturn = Double.NaN;
                if (step >= nextEval) {
                    evalReturn = evaluate(config.evalEpisodes());
                    while (nextEval <= step) nextEval += config.evalEvery();
                }
                listener.onEpisodeEnd(new EpisodeEnd(step, episode, episodeReturn, episodeLength, evalReturn, meansAndReset()));
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
        add(NAMES.size() - 1, new double[] {diverged});
    }

    private void add(int off, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                sum[off + i] += v[i];
                count[off + i]++;
            }
        }
    }

    private double[] meansAndReset() {
        double[] m = new double[sum.length];
        for (int i = 0; i < m.length; i++) m[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
        return m;
    }

    @Override
    public double evaluate(int episodes) {
        return PolicyEvaluation.meanReturn(evalEnv, sac, seed, episodes);
    }

    @Override public boolean atEpisodeBoundary() { return !inEpisode; }

    @Override
    public void writeState(ArchiveWriter w) throws IOException {
        if (inEpisode) throw new IllegalStateException("mbac: state can only be written between episodes");
        sac.write(w, "sac.");
        real.write(w, "real.");
        model.write(w, "model.");
        modelTrainer.write(w, "model_trainer.");
        w.longs("rng", envRng.state(), actRng.state(), updateRng.state(), bufferRng.state(), modelRng.state(), sampleRng.state());
        w.longs("counters", step, episode, nextEval);
    }

    @Override
    public void readState(ArchiveReader r) {
        long[] rng = r.longs("rng", 6);
        long[] c = r.longs("counters", 3);
        sac.read(r, "sac.");
        real.read(r, "real.");
        model.read(r, "model.");
        modelTrainer.read(r, "model_trainer.");
        Rng[] streams = {envRng, actRng, updateRng, bufferRng, modelRng, sampleRng};
        for (int i = 0; i < streams.length; i++) streams[i].setState(rng[i]);
        step = c[0];
        episode = c[1];
        nextEval = c[2];
        inEpisode = false;
        sampler.useMembers(model.elites());
        meansAndReset();
    }

    @Override
    public void writeAgent(ArchiveWriter w) throws IOException {
        sac.actorParams().write(w, "actor.");
        sac.criticParams().write(w, "critic.");
        sac.targetCriticParams().write(w, "critic_target.");
        model.write(w, "model.");
    }
}
