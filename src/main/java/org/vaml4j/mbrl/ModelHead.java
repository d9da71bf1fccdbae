package org.vaml4j.mbrl;

import java.util.Locale;

/**
 * The output head of a {@link DynamicsEnsemble}.
 * <ul>
 *   <li>{@link #GAUSSIAN}: mean and softly bounded log-variance of {@code [s' - s, r]} (MBPO's
 *       probabilistic ensemble, research.md §A.3); rollouts sample from it.</li>
 *   <li>{@link #DETERMINISTIC}: the mean only (VaGraM's model, research.md §B.1); rollouts use it
 *       as the prediction.</li>
 * </ul>
 */
public enum ModelHead {
    GAUSSIAN, DETERMINISTIC;

    /** {@code gaussian} or {@code deterministic}. */
    public static ModelHead byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "gaussian" -> GAUSSIAN;
            case "deterministic" -> DETERMINISTIC;
            default -> throw new IllegalArgumentException("unknown model head '" + name + "'; accepted: gaussian, deterministic");
        };
    }

    /** The name {@link #byName} accepts. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
