package org.vaml4j.mbrl;

/**
 * No stale-value correction: the critics only learn in the agent's own updates. This is MBPO,
 * and with a value-aware loss the "naive" substitution that Modhe et al. found to work only on
 * the easy tasks (papers/001 §5, research.md §E.4).
 */
public final class NoCorrection implements StaleValueCorrection {

    @Override public String id() { return "naive"; }

    @Override
    public ModelTrainer.UpdateListener during(Training t) {
        return ModelTrainer.UpdateListener.none();
    }

    @Override public double lastCriticLoss() { return Double.NaN; }
}
