package org.vaml4j.mbrl;

import org.vaml4j.kernel.Kernels;
import org.vaml4j.rl.Batch;
import org.vaml4j.rl.ReplayBuffer;

/**
 * Value-aware MBRL's stale-value correction (Modhe et al., Algorithm 2, papers/001 §4.3;
 * research.md §C.1): {@code va-mbrl} is {@link Mbpo} with a value-aware model loss and this
 * correction.
 *
 * <pre>
 *   for each model update (inside every model training):
 *     if modelUpdates % kInterval == 0:
 *       D'' = rollouts of the current model from `rollouts` real start states (current rollout length)
 *       criticUpdates critic-only SAC updates on batches from D''        // policy fixed
 * </pre>
 *
 * <p>Implementation details:
 * <ol>
 *   <li>K_interval = 5 for MBPO (the paper; 20 for SLBO).</li>
 *   <li>D'' is its own buffer, emptied before each refill (Algorithm 2); the agent's model buffer
 *       is left alone (VAMBPO's code clears it instead — we follow the paper).</li>
 *   <li>The rollouts use every member of the model as it is at that moment (the elites of this
 *       training are not chosen yet), a random member per sample, the agent's sampled actions and
 *       the task's termination predicate.</li>
 *   <li>Critic-only updates: critic step and the target critics' Polyak step on their own
 *       schedule ({@link org.vaml4j.rl.Sac#updateCritic}); actor and temperature untouched.</li>
 *   <li>Sizes: VAMBPO's code uses 50 000 rollouts and 5 critic updates per correction; we default
 *       to {@code 10 * batch} rollouts (2 560) and 5 updates so the correction costs about as much
 *       as the model update it follows on 2 CPU cores (a documented deviation, set {@code va.rollouts}).</li>
 * </ol>
 */
public final class ValueAwareMbrl implements StaleValueCorrection {

    /**
     * @param kInterval     model updates between corrections (5)
     * @param rollouts      model rollouts per correction (2 560)
     * @param criticUpdates critic-only updates per correction (5)
     */
    public record Config(int kInterval, int rollouts, int criticUpdates) {
        public Config {
            if (kInterval < 1 || rollouts < 1 || criticUpdates < 1) {
                throw new IllegalArgumentException("va-mbrl: kInterval, rollouts and criticUpdates must be >= 1, got "
                        + kInterval + ", " + rollouts + ", " + criticUpdates);
            }
        }

        public static Config defaults() {
            return new Config(5, 2560, 5);
        }
    }

    private final Config config;
    private final Kernels kernels;
    private final int chunk;
    private ModelRollouts fresh;       // every member of the model being trained
    private ReplayBuffer staged;       // D''
    private Batch batch;
    private int[] all;
    private double lossSum;
    private long lossCount;

    /** @param chunk rollouts stepped together (memory bound) */
    public ValueAwareMbrl(Config config, int chunk, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
        this.chunk = chunk;
    }

    @Override public String id() { return "refresh"; }

    @Override
    public ModelTrainer.UpdateListener during(Training t) {
        lossSum = 0;
        lossCount = 0;
        if (fresh == null) {
            fresh = new ModelRollouts(t.model(), chunk, kernels);
            all = new int[t.model().members()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            staged = new ReplayBuffer(config.rollouts() * t.rolloutLength(), t.model().stateDim(), t.model().actionDim());
            batch = new Batch(t.agent().config().batchSize(), t.model().stateDim(), t.model().actionDim());
        }
        if (staged.capacity() < config.rollouts() * t.rolloutLength()) {
            staged = new ReplayBuffer(config.rollouts() * t.rolloutLength(), t.model().stateDim(), t.model().actionDim());
        }
        return updates -> {
            if (updates % config.kInterval() != 0) return;
            // ---- D'' <- fresh rollouts of the current model ----
            fresh.useMembers(all);
            staged.clear();
            fresh.rollout(t.real(), (o, n, a, rng) -> t.agent().act(o, n, a, false, rng), t.task(), config.rollouts(),
                    t.rolloutLength(), staged, t.rng());
            if (staged.size() == 0) return;
            // ---- critic-only updates on D'' (the policy stays fixed) ----
            for (int u = 0; u < config.criticUpdates(); u++) {
                staged.sample(t.rng(), batch);
                lossSum += t.agent().updateCritic(batch, t.rng());
                lossCount++;
            }
        };
    }

    @Override
    public double lastCriticLoss() {
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }
}
