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
 */
public record DynamicsConfig(int members, int elites, int hiddenLayers, int hiddenWidth, ModelHead head,
                             boolean learnLogVarBounds) {

    public DynamicsConfig {
        if (members < 1) throw new IllegalArgumentException("dynamics model: members must be >= 1, got " + members);
        if (elites < 1 || elites > members) {
            throw new IllegalArgumentException("dynamics model: elites must be in [1, members = " + members + "], got " + elites);
        }
        if (hiddenLayers < 1) throw new IllegalArgumentException("dynamics model: hiddenLayers must be >= 1, got " + hiddenLayers);
        if (hiddenWidth < 1) throw new IllegalArgumentException("dynamics model: hiddenWidth must be >= 1, got " + hiddenWidth);
        if (head == null) throw new IllegalArgumentException("dynamics model: head must not be null");
    }

    public static DynamicsConfig defaults() {
        return new DynamicsConfig(7, 5, 4, 200, ModelHead.GAUSSIAN, false);
    }

    public DynamicsConfig withMembers(int members, int elites) {
        return new DynamicsConfig(members, elites, hiddenLayers, hiddenWidth, head, learnLogVarBounds);
    }

    public DynamicsConfig withHead(ModelHead h) {
        return new DynamicsConfig(members, elites, hiddenLayers, hiddenWidth, h, learnLogVarBounds);
    }

    public DynamicsConfig withHidden(int layers, int width) {
        return new DynamicsConfig(members, elites, layers, width, head, learnLogVarBounds);
    }
}
