package org.vaml4j.mbrl;

/**
 * Architecture of a {@link DynamicsEnsemble}. Defaults ({@link #defaults()}) are MBPO's
 * probabilistic ensemble (research.md §A.3: mbrl-lib {@code gaussian_mlp_ensemble.yaml}).
 *
 * @param members           ensemble members E (7)
 * @param elites            members used for rollouts, the lowest validation MSE (5)
 * @param hiddenLayers      hidden layers per member (4)
 * @param hiddenWidth       units per hidden layer (200); activation SiLU
 * @param head              {@link ModelHead#GAUSSIAN} (MBPO) or {@link ModelHead#DETERMINISTIC} (VaGraM)
 * @param learnLogVarBounds train the log-variance bounds (false, mbrl-lib's default: "works better")
 * @param targets           {@link TargetNormalization#STANDARDIZE} (default, with the Gaussian head;
 *                          {@link TargetNormalization#defaultFor}): the network predicts
 *                          standardized {@code [s' - s, r]}, predictions are returned in raw units.
 *                          A deviation from mbrl-lib and MBPO ({@link TargetNormalization#NONE}):
 *                          with raw targets the Gaussian NLL does not learn Pendulum's reward,
 *                          whose variance is 1000 times the state deltas' (bench/RESULTS.md)
 */
public record DynamicsConfig(int members, int elites, int hiddenLayers, int hiddenWidth, ModelHead head,
                             boolean learnLogVarBounds, TargetNormalization targets) {

    public DynamicsConfig {
        if (members < 1) throw new IllegalArgumentException("dynamics model: members must be >= 1, got " + members);
        if (elites < 1 || elites > members) {
            throw new IllegalArgumentException("dynamics model: elites must be in [1, members = " + members + "], got " + elites);
        }
        if (hiddenLayers < 1) throw new IllegalArgumentException("dynamics model: hiddenLayers must be >= 1, got " + hiddenLayers);
        if (hiddenWidth < 1) throw new IllegalArgumentException("dynamics model: hiddenWidth must be >= 1, got " + hiddenWidth);
        if (head == null) throw new IllegalArgumentException("dynamics model: head must not be null");
        if (targets == null) throw new IllegalArgumentException("dynamics model: target normalization must not be null");
    }

    /** With the head's default target normalization, {@link TargetNormalization#defaultFor}. */
    public DynamicsConfig(int members, int elites, int hiddenLayers, int hiddenWidth, ModelHead head, boolean learnLogVarBounds) {
        this(members, elites, hiddenLayers, hiddenWidth, head, learnLogVarBounds, TargetNormalization.defaultFor(head));
    }

    public static DynamicsConfig defaults() {
        return new DynamicsConfig(7, 5, 4, 200, ModelHead.GAUSSIAN, false, TargetNormalization.STANDARDIZE);
    }

    public DynamicsConfig withMembers(int members, int elites) {
        return new DynamicsConfig(members, elites, hiddenLayers, hiddenWidth, head, learnLogVarBounds, targets);
    }

    public DynamicsConfig withHead(ModelHead h) {
        return new DynamicsConfig(members, elites, hiddenLayers, hiddenWidth, h, learnLogVarBounds, targets);
    }

    public DynamicsConfig withTargets(TargetNormalization t) {
        return new DynamicsConfig(members, elites, hiddenLayers, hiddenWidth, head, learnLogVarBounds, t);
    }

    public DynamicsConfig withHidden(int layers, int width) {
        return new DynamicsConfig(members, elites, layers, width, head, learnLogVarBounds, targets);
    }
}
