package org.vaml4j.mbrl;

import java.util.Locale;

/**
 * How a {@link DynamicsEnsemble} scales its regression targets {@code y = [s' - s, r]}.
 * <ul>
 *   <li>{@link #NONE}: the network predicts y in raw units (mbrl-lib and original MBPO normalize
 *       the inputs only, research.md §A.3).</li>
 *   <li>{@link #STANDARDIZE}: the network predicts {@code z = (y - m_y) / sigma_y} with per-output
 *       mean and std fitted, like the input statistics, to the whole real buffer before every
 *       model training; the model returns {@code mean = m_y + sigma_y mu_z} and
 *       {@code logVar = logVar_z + 2 log sigma_y}, so every loss, rollout and value gradient
 *       still sees raw units. The log-variance bounds (+0.5 / -10) and their initial values then
 *       mean the same for every output. Needed when the outputs' scales differ by orders of
 *       magnitude (Pendulum: reward variance 13, state-delta variance 0.013): the raw-unit NLL
 *       weights each output by exp(-logVar) with one absolute ceiling for all, so the shared
 *       layers follow the small outputs and the reward is never learned (bench/RESULTS.md).</li>
 * </ul>
 */
public enum TargetNormalization {
    NONE, STANDARDIZE;

    /** {@code none} or {@code standardize}. */
    public static TargetNormalization byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "standardize" -> STANDARDIZE;
            default -> throw new IllegalArgumentException("unknown target normalization '" + name
                    + "'; accepted: none, standardize");
        };
    }

    /**
     * The default for a head: {@link #STANDARDIZE} for {@link ModelHead#GAUSSIAN} (its NLL weights
     * the outputs by exp(-logVar) under absolute log-variance bounds, which need comparable output
     * scales), {@link #NONE} for {@link ModelHead#DETERMINISTIC} (its losses, mse and VaGraM's, are
     * defined in raw units; standardizing re-weights their gradients by sigma_y^2 per output, and
     * MBPO with {@code vagram} then did not learn Pendulum: bench/RESULTS.md).
     */
    public static TargetNormalization defaultFor(ModelHead head) {
        return head == ModelHead.GAUSSIAN ? STANDARDIZE : NONE;
    }

    /** The name {@link #byName} accepts. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
