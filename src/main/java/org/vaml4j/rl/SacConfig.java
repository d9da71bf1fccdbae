package org.vaml4j.rl;

/**
 * Hyper-parameters of {@link Sac}. Defaults ({@link #defaults()}) are MBPO's SAC
 * (research.md §A.5: pytorch_sac as run by mbrl-lib / MBPO, with 256-wide networks).
 *
 * @param hiddenLayers      hidden layers of actor and each critic (2)
 * @param hiddenWidth       units per hidden layer (256)
 * @param actorLr           Adam learning rate of the actor (3e-4)
 * @param criticLr          Adam learning rate of the twin critics (3e-4)
 * @param alphaLr           Adam learning rate of log α (3e-4)
 * @param batchSize         transitions per update (256)
 * @param gamma             discount γ (0.99)
 * @param tau               Polyak rate of the target critics τ (0.005)
 * @param initAlpha         initial entropy temperature α (0.1, pytorch_sac's init_temperature)
 * @param targetEntropy     target entropy H̄ of the temperature loss; NaN means −|A| (the usual choice)
 * @param learnAlpha        adjust α automatically (true) or keep it at initAlpha
 * @param logStdMin         lower bound of the actor's log-std (−5)
 * @param logStdMax         upper bound of the actor's log-std (2)
 * @param criticUpdateEvery critic step every n-th update (1)
 * @param actorUpdateEvery  actor and temperature step every n-th update (1)
 * @param targetUpdateEvery Polyak step every n-th update (1)
 * @param weightInit        weight initialisation: {@code orthogonal} (pytorch_sac), {@code xavier-uniform} or
 *                          {@code truncated-normal}; biases start at 0
 */
public record SacConfig(int hiddenLayers, int hiddenWidth, double actorLr, double criticLr, double alphaLr,
                        int batchSize, double gamma, double tau, double initAlpha, double targetEntropy,
                        boolean learnAlpha, double logStdMin, double logStdMax, int criticUpdateEvery,
                        int actorUpdateEvery, int targetUpdateEvery, String weightInit) {

    public SacConfig {
        positive("hiddenLayers", hiddenLayers);
        positive("hiddenWidth", hiddenWidth);
        rate("actorLr", actorLr);
        rate("criticLr", criticLr);
        rate("alphaLr", alphaLr);
        positive("batchSize", batchSize);
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("sac: gamma must be in [0, 1], got " + gamma);
        if (!(tau > 0 && tau <= 1)) throw new IllegalArgumentException("sac: tau must be in (0, 1], got " + tau);
        rate("initAlpha", initAlpha);
        if (Double.isInfinite(targetEntropy)) throw new IllegalArgumentException("sac: targetEntropy must be finite or NaN (auto)");
        if (!(logStdMin < logStdMax) || !Double.isFinite(logStdMin) || !Double.isFinite(logStdMax)) {
            throw new IllegalArgumentException("sac: need finite logStdMin < logStdMax, got " + logStdMin + ", " + logStdMax);
        }
        positive("criticUpdateEvery", criticUpdateEvery);
        positive("actorUpdateEvery", actorUpdateEvery);
        positive("targetUpdateEvery", targetUpdateEvery);
        org.vaml4j.nn.WeightInit.byName(weightInit);   // validates the name
    }

    /** MBPO's SAC: 2x256, lr 3e-4, batch 256, γ 0.99, τ 0.005, α0 0.1 learned towards −|A|. */
    public static SacConfig defaults() {
        return new SacConfig(2, 256, 3e-4, 3e-4, 3e-4, 256, 0.99, 0.005, 0.1, Double.NaN, true, -5, 2, 1, 1, 1,
                "orthogonal");
    }

    /** The target entropy for {@code actDim} action dimensions (−|A| when NaN). */
    public double targetEntropyFor(int actDim) {
        return Double.isNaN(targetEntropy) ? -actDim : targetEntropy;
    }

    public SacConfig withHidden(int layers, int width) {
        return new SacConfig(layers, width, actorLr, criticLr, alphaLr, batchSize, gamma, tau, initAlpha, targetEntropy,
                learnAlpha, logStdMin, logStdMax, criticUpdateEvery, actorUpdateEvery, targetUpdateEvery, weightInit);
    }

    public SacConfig withBatchSize(int b) {
        return new SacConfig(hiddenLayers, hiddenWidth, actorLr, criticLr, alphaLr, b, gamma, tau, initAlpha, targetEntropy,
                learnAlpha, logStdMin, logStdMax, criticUpdateEvery, actorUpdateEvery, targetUpdateEvery, weightInit);
    }

    private static void positive(String name, int v) {
        if (v < 1) throw new IllegalArgumentException("sac: " + name + " must be >= 1, got " + v);
    }

    private static void rate(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("sac: " + name + " must be > 0, got " + v);
    }
}
