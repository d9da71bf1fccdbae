package org.vaml4j.mbrl;

import java.util.random.RandomGenerator;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Sac;

/**
 * What happens to the agent's critics while a value-aware model trains against them (Modhe et
 * al., Algorithm 2): a model update moves the target the value function should estimate, so the
 * value function goes stale. Variants: {@link ValueAwareMbrl} (refit the critics on fresh model
 * rollouts every K_interval model updates) and {@link NoCorrection} (MBPO, and the "naive"
 * ablation of value-aware MBRL).
 */
public interface StaleValueCorrection {

    /** The name of the variant in settings ({@code va.correction}). */
    String id();

    /** The state one model training offers: what the correction may read and update. */
    record Training(DynamicsEnsemble model, ReplayBuffer real, Sac agent, TaskFunctions task, int rolloutLength,
                    RandomGenerator rng) {}

    /** The listener for the model trainer during one training. */
    ModelTrainer.UpdateListener during(Training t);

    /** Mean critic loss of the corrections during the last training (NaN when none ran). */
    double lastCriticLoss();
}
