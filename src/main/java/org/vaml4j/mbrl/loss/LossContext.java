package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.nn.ValueFunctions;

/**
 * What a loss gets besides the model and the batch; owned by the caller (the model trainer).
 *
 * @param values    read-only view of the agent's value functions; null for losses that do not
 *                  need values ({@link ModelLoss#needsValues()} false)
 * @param gradients cache of value gradients dV_k/ds at the batch's next states, keyed by
 *                  transition id; the caller invalidates it whenever the critics change. Null:
 *                  the value-gradient losses compute the gradients afresh on a temporary tape
 * @param rng       source of the pathwise model samples (and of the soft values' action noise)
 * @param step      the caller's schedule clock (environment steps so far), read by losses with a
 *                  schedule such as {@code reg-vaml}; the loss never changes it
 */
public record LossContext(ValueFunctions values, ValueGradientCache gradients, RandomGenerator rng, long step) {

    public LossContext {
        if (rng == null) throw new IllegalArgumentException("loss context: rng must not be null");
        if (step < 0) throw new IllegalArgumentException("loss context: step must be >= 0, got " + step);
    }

    /** For losses without values (mle, mse, slbo): no values, no cache, step 0. */
    public static LossContext of(RandomGenerator rng) {
        return new LossContext(null, null, rng, 0);
    }

    /** With values, no gradient cache, step 0. */
    public static LossContext of(ValueFunctions values, RandomGenerator rng) {
        return new LossContext(values, null, rng, 0);
    }

    /** The values, or a clear error naming the loss that needs them. */
    public ValueFunctions requireValues(String lossId) {
        if (values == null) {
            throw new IllegalArgumentException("model loss '" + lossId + "' needs the agent's value functions; "
                    + "the loss context has none");
        }
        return values;
    }
}
