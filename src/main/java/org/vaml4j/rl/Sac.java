package org.vaml4j.rl;

import java.io.IOException;
import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Mean;
import org.vaml4j.autodiff.ops.Min;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Reshape;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.nn.Adam;
import org.vaml4j.nn.AdamConfig;
import org.vaml4j.nn.AdamState;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.nn.Mlp;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.Polyak;
import org.vaml4j.nn.SoftValueFunctions;
import org.vaml4j.nn.WeightInit;
import org.vaml4j.random.Gaussian;

/**
 * Soft Actor-Critic (Haarnoja et al. 2018, "SAC: Algorithms and Applications", arXiv:1812.05905)
 * with automatic entropy temperature. {@link #update} reads top to bottom like the paper's
 * Algorithm 1 and CleanRL's {@code sac_continuous_action.py}.
 *
 * <p>Implementation details:
 * <ol>
 *   <li>Actor: {@link TanhGaussianPolicy}, MLP (ReLU) → (μ, log σ), log σ bounded to
 *       [logStdMin, logStdMax] by a scaled tanh; a = tanh(μ + σ ε) in (-1, 1)^A with the exact
 *       log-det correction. Evaluation uses tanh(μ).</li>
 *   <li>Critics: {@link TwinQ}, two MLPs (ReLU) on concat(s, a) batched as a 2-member ensemble;
 *       target critics are their Polyak averages (τ).</li>
 *   <li>Critic target (Eq. 3/5 of arXiv:1812.05905): y = r + γ (1 - terminated) (min_k Q̄_k(s', a') -
 *       α log π(a'|s')), a' ~ π(·|s'), computed without gradient. Truncated episodes bootstrap.</li>
 *   <li>Critic loss: mse(Q_1, y) + mse(Q_2, y). Actor loss (Eq. 7): mean(α log π(a|s) - min_k Q_k(s, a))
 *       with the critics frozen (constant views, no parameter gradient is even computed).</li>
 *   <li>Temperature (Eq. 18): minimise mean(-α (log π(a|s) + H̄)) over log α with H̄ = -|A|; its
 *       gradient α·mean(-(log π + H̄)) is a scalar, computed directly.</li>
 *   <li>Update frequencies: critic every {@code criticUpdateEvery} updates, actor and α every
 *       {@code actorUpdateEvery}, Polyak every {@code targetUpdateEvery}.</li>
 *   <li>Weights initialised by {@code weightInit} (default orthogonal, as pytorch_sac, the SAC
 *       MBPO ran), biases 0. Separate Adam optimizers for actor, critics and log α.</li>
 *   <li>Memory: one {@link Tape} per pass (target, critic, actor, acting), reset on
 *       each use, so an update allocates only a small constant (op records, views).</li>
 * </ol>
 */
public final class Sac {

    private final SacConfig config;
    private final int obsDim;
    private final int actDim;
    private final double targetEntropy;

    private final TanhGaussianPolicy policy;
    private final TwinQ critics;
    private final Params actor;          // policy network
    private final Params critic;         // both critics
    private final Params criticTarget;   // Polyak average of critic, same layout
    private final Params logAlpha;       // (1) log α
    private final Adam actorOpt;
    private final Adam criticOpt;
    private final Adam alphaOpt;

    private final Tape targetTape;       // no-grad: y
    private final Tape criticTape;
    private final Tape actorTape;
    private final Tape actTape;          // no-grad: acting in the env, model rollouts
    private float[] y = new float[0];    // (B) critic targets
    private double lastQMean;            // mean Q(s, a) of the last critic step
    private long updates;
    private long criticOnlyUpdates;      // updateCritic calls (their own Polyak schedule)

    /**
     * A fresh agent for observations of {@code obsDim} and actions in (-1, 1)^actDim; networks
     * initialised from {@code initRng}.
     */
    public Sac(int obsDim, int actDim, SacConfig config, Kernels kernels, RandomGenerator initRng) {
        if (obsDim < 1 || actDim < 1) throw new IllegalArgumentException("sac: obsDim and actDim must be >= 1, got " + obsDim + ", " + actDim);
        this.config = config;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.targetEntropy = config.targetEntropyFor(actDim);
        int[] hidden = Mlp.hidden(config.hiddenLayers(), config.hiddenWidth());
        WeightInit init = WeightInit.byName(config.weightInit());

        Params.Builder ab = Params.builder();
        this.policy = new TanhGaussianPolicy(ab, "pi", obsDim, actDim, hidden, config.logStdMin(), config.logStdMax());
        this.actor = ab.build();
        policy.init(actor, init, initRng);

        Params.Builder cb = Params.builder();
        this.critics = new TwinQ(cb, "q", obsDim, actDim, hidden);
        this.critic = cb.build();
        critics.init(critic, init, initRng);
        this.criticTarget = critic.copy();

        this.logAlpha = Params.builder().add("log_alpha", 1).build();
        logAlpha.data()[0] = (float) StrictMath.log(config.initAlpha());

        this.actorOpt = new Adam(actor, AdamConfig.of(config.actorLr()));
        this.criticOpt = new Adam(critic, AdamConfig.of(config.criticLr()));
        this.alphaOpt = new Adam(logAlpha, AdamConfig.of(config.alphaLr()));

        this.targetTape = new Tape(kernels, false);
        this.criticTape = new Tape(kernels);
        this.actorTape = new Tape(kernels);
        this.actTape = new Tape(kernels, false);
    }

    /** One SAC update from {@code batch}; {@code rng} draws the policy noise. */
    public SacStats update(Batch batch, RandomGenerator rng) {
        return update(batch, batch, rng);
    }

    /**
     * One SAC update whose critics learn from {@code criticBatch} and whose actor and temperature
     * learn from the states of {@code actorBatch} (model-based actor-critic: critic targets from
     * model samples, actor on real states). The two batches may differ in size.
     */
    public SacStats update(Batch criticBatch, Batch actorBatch, RandomGenerator rng) {
        checkDims(criticBatch);
        checkDims(actorBatch);
        updates++;
        float alpha = alpha();
        double criticLoss = Double.NaN, actorLoss = Double.NaN, alphaLoss = Double.NaN, entropy = Double.NaN, qMean = Double.NaN;

        if (updates % config.criticUpdateEvery() == 0) {
            criticLoss = criticStep(criticBatch, rng, alpha);
            qMean = lastQMean;
        }

        if (updates % config.actorUpdateEvery() == 0) {
            Batch batch = actorBatch;
            int n = batch.size;
            // ---- actor loss: mean(α log π(a|s) - min_k Q_k(s, a)), a = tanh(μ + σ ε), critics frozen ----
            actorTape.reset();
            Tensor s = actorTape.input(batch.obs, 0, false, n, obsDim);
            TanhGaussianPolicy.Sample pi = policy.sample(actorTape, actor, s, noise(actorTape, rng, n), true);
            Tensor qPi = critics.forward(actorTape, critic, s, pi.action(), false);              // (2 x B x 1)
            Tensor minQ = Reshape.apply(actorTape, Min.apply(actorTape,
                    Slice.apply(actorTape, qPi, 0, 0, 1), Slice.apply(actorTape, qPi, 0, 1, 2)), n, 1);   // (B x 1)
            Tensor loss = Mean.apply(actorTape, Sub.apply(actorTape, Mul.apply(actorTape, pi.logProb(), alpha), minQ));
            actor.zeroGrad();
            actorTape.backward(loss);
            actorOpt.step();
            actorLoss = requireFinite("actor loss", loss.item());
            double meanLogProb = mean(pi.logProb());
            entropy = -meanLogProb;

            // ---- temperature: minimise mean(-α (log π(a|s) + H̄)) over log α; d/d log α = -α (mean log π + H̄) ----
            alphaLoss = -alpha * (meanLogProb + targetEntropy);
            if (config.learnAlpha()) {
                logAlpha.grad()[0] = (float) alphaLoss;
                alphaOpt.step();
            }
        }

        if (updates % config.targetUpdateEvery() == 0) {
            // ---- target critics: θ̄ ← τ θ + (1 - τ) θ̄ ----
            Polyak.update(criticTarget, critic, config.tau());
        }
        return new SacStats(criticLoss, actorLoss, alphaLoss, alpha, entropy, qMean);
    }

    /**
     * A critic-only update (the actor and α stay as they are): one critic step on {@code batch} and
     * a Polyak step every {@code targetUpdateEvery} such updates. Used by the stale-value
     * correction of value-aware MBRL (critic refits on fresh model rollouts). Returns the critic loss.
     */
    public double updateCritic(Batch batch, RandomGenerator rng) {
        checkDims(batch);
        criticOnlyUpdates++;
        double loss = criticStep(batch, rng, alpha());
        if (criticOnlyUpdates % config.targetUpdateEvery() == 0) Polyak.update(criticTarget, critic, config.tau());
        return loss;
    }

    /** One critic step on {@code batch}; returns the loss, leaves the mean Q in {@link #lastQMean}. */
    private double criticStep(Batch batch, RandomGenerator rng, float alpha) {
        int n = batch.size;
        // ---- critic target: y = r + γ (1 - d) (min_k Q̄_k(s', a') - α log π(a'|s')), a' ~ π(·|s') ----
        targetTape.reset();
        Tensor s2 = targetTape.input(batch.nextObs, 0, false, n, obsDim);
        TanhGaussianPolicy.Sample next = policy.sample(targetTape, actor, s2, noise(targetTape, rng, n), false);
        Tensor qNext = critics.forward(targetTape, criticTarget, s2, next.action(), false);   // (2 x B x 1)
        if (y.length < n) y = new float[n];
        for (int i = 0; i < n; i++) {
            float minQ = Math.min(qNext.get(i), qNext.get(n + i));
            y[i] = batch.reward[i] + (float) config.gamma() * batch.notDone[i] * (minQ - alpha * next.logProb().get(i));
        }

        // ---- critic loss: mse(Q_1(s, a), y) + mse(Q_2(s, a), y) ----
        criticTape.reset();
        Tensor s = criticTape.input(batch.obs, 0, false, n, obsDim);
        Tensor a = criticTape.input(batch.act, 0, false, n, actDim);
        Tensor q = critics.forward(criticTape, critic, s, a, true);                          // (2 x B x 1)
        Tensor target = criticTape.input(y, 0, false, n, 1);                                 // (B x 1)
        Tensor loss = Mul.apply(criticTape, Mean.apply(criticTape, Square.apply(criticTape, Sub.apply(criticTape, q, target))), 2f);
        critic.zeroGrad();
        criticTape.backward(loss);
        criticOpt.step();
        lastQMean = mean(q);
        return requireFinite("critic loss", loss.item());
    }

    private void checkDims(Batch batch) {
        if (batch.obsDim != obsDim || batch.actDim != actDim) {
            throw new IllegalArgumentException("sac: batch dims (" + batch.obsDim + ", " + batch.actDim + ") != agent ("
                    + obsDim + ", " + actDim + ")");
        }
    }

    /**
     * Actions for {@code rows} observations (rows x obsDim) into {@code actions} (rows x actDim), in
     * (-1, 1): sampled from π with {@code rng}, or tanh(μ) when {@code deterministic} (rng unused).
     */
    public void act(float[] obs, int rows, float[] actions, boolean deterministic, RandomGenerator rng) {
        if (obs.length < rows * obsDim || actions.length < rows * actDim) {
            throw new IllegalArgumentException("sac.act: need " + rows + " x " + obsDim + " observations and room for "
                    + rows + " x " + actDim + " actions");
        }
        actTape.reset();
        Tensor s = actTape.input(obs, 0, false, rows, obsDim);
        Tensor a = deterministic ? policy.mean(actTape, actor, s, false)
                : policy.sample(actTape, actor, s, noise(actTape, rng, rows), false).action();
        System.arraycopy(a.data(), a.offset(), actions, 0, rows * actDim);
    }

    /** The current temperature α = exp(log α). */
    public float alpha() {
        return (float) StrictMath.exp(logAlpha.data()[0]);
    }

    /** Updates done so far. */
    public long updates() { return updates; }

    public SacConfig config() { return config; }

    public int obsDim() { return obsDim; }

    public int actDim() { return actDim; }

    /** The actor's parameters (read them; writing them changes the agent). */
    public Params actorParams() { return actor; }

    public Params criticParams() { return critic; }

    public Params targetCriticParams() { return criticTarget; }

    /**
     * Read-only value functions of the 2 critics and 2 target critics: V_k(s) = Q_k(s, tanh(μ(s)))
     * and the soft values Q_k(s, a) - α log π(a|s); see {@link SoftValueFunctions}.
     */
    public SoftValueFunctions valueFunctions() {
        return new SacValueFunctions(this, policy, critics, actor, critic, criticTarget);
    }

    // ---- state access for device-resident backends (org.vaml4j.rl.device) ----

    /** The parameter (1) holding log α. */
    public Params logAlphaParams() { return logAlpha; }

    /** The actor's optimizer state (moments and step count, shared). */
    public AdamState actorOptimizer() { return actorOpt; }

    public AdamState criticOptimizer() { return criticOpt; }

    public AdamState alphaOptimizer() { return alphaOpt; }

    /** Critic-only updates done so far ({@link #updateCritic}). */
    public long criticOnlyUpdates() { return criticOnlyUpdates; }

    /** Sets the update counts after a backend outside this object ran the updates. */
    public void restoreUpdateCounts(long updates, long criticOnlyUpdates) {
        if (updates < 0 || criticOnlyUpdates < 0) throw new IllegalArgumentException("sac: update counts must be >= 0");
        this.updates = updates;
        this.criticOnlyUpdates = criticOnlyUpdates;
    }

    /** Writes networks, optimizer states and the update count under {@code prefix}. */
    public void write(ArchiveWriter w, String prefix) throws IOException {
        actor.write(w, prefix + "actor.");
        critic.write(w, prefix + "critic.");
        criticTarget.write(w, prefix + "critic_target.");
        logAlpha.write(w, prefix + "alpha.");
        actorOpt.write(w, prefix + "actor_opt.");
        criticOpt.write(w, prefix + "critic_opt.");
        alphaOpt.write(w, prefix + "alpha_opt.");
        w.longs(prefix + "updates", updates);
        w.longs(prefix + "critic_only_updates", criticOnlyUpdates);
    }

    /** Restores what {@link #write} wrote; the architecture must match. */
    public void read(ArchiveReader r, String prefix) {
        actor.read(r, prefix + "actor.");
        critic.read(r, prefix + "critic.");
        criticTarget.read(r, prefix + "critic_target.");
        logAlpha.read(r, prefix + "alpha.");
        actorOpt.read(r, prefix + "actor_opt.");
        criticOpt.read(r, prefix + "critic_opt.");
        alphaOpt.read(r, prefix + "alpha_opt.");
        updates = r.longValue(prefix + "updates");
        criticOnlyUpdates = r.longValue(prefix + "critic_only_updates");
    }

    /** ε ~ N(0, I) as a constant (rows x A) tensor of {@code tape}. */
    private Tensor noise(Tape tape, RandomGenerator rng, int rows) {
        Tensor eps = tape.output(false, rows, actDim);
        float[] d = eps.data();
        for (int i = 0; i < rows * actDim; i++) d[eps.offset() + i] = (float) Gaussian.next(rng);
        return eps;
    }

    /** Stops training at the first non-finite loss, naming the update and the component. */
    private double requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("sac update " + updates + ": " + what + " is " + v + " (alpha " + alpha() + ")");
        }
        return v;
    }

    private static double mean(Tensor t) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) s += t.get(i);
        return s / t.size();
    }
}
