package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.nn.ValueFunctions;

/**
 * The value-aware error of a model under the current value functions, the quantity VaGraM Fig. 2
 * and Lovatto Fig. 2 plot (Lovatto eq. 8 estimated as eq. 9):
 * <pre>
 *   VAE = (1/E) sum_e mean_b (1/K) sum_k ( V_k(s') - (1/n) sum_i V_k(s_hat_i) )^2
 * </pre>
 * the IterVAML value term ({@link IterVaml}) averaged (not summed) over members, evaluated in
 * no-grad mode. A diagnostic for model-training logs; it never changes the model.
 */
public final class ValueAwareError {

    private ValueAwareError() {}

    /**
     * The error on {@code batch} (step 0 transitions). Uses {@code tape} with recording turned off
     * for the duration (restored after); the tape's buffers are not reset.
     *
     * @param samples model samples per transition, >= 1 (a deterministic model uses its mean)
     */
    public static double evaluate(Tape tape, ModelFn model, ModelBatch batch, ValueFunctions values,
                                  RandomGenerator rng, int samples) {
        ModelAdvantage.checkSamples("value-aware error", samples);
        if (model == null || batch == null || values == null || rng == null) {
            throw new IllegalArgumentException("value-aware error: model, batch, values and rng must not be null");
        }
        LossTerms.checkFits("value-aware error", model, batch);
        if (values.stateDim() != model.stateDim()) {
            throw new IllegalArgumentException("value-aware error: value functions take states of " + values.stateDim()
                    + " values, the model " + model.stateDim());
        }
        boolean grad = tape.gradEnabled();
        tape.setGradEnabled(false);
        try {
            ModelPrediction p = model.predict(tape, batch.states(0), batch.actions(0));
            return IterVaml.valueTerm(tape, values, model, p, batch, rng, samples).item() / (double) batch.members();
        } finally {
            tape.setGradEnabled(grad);
        }
    }
}
