package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Reshape;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Square;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;
import org.vaml4j.mbrl.ModelPrediction;
import org.vaml4j.nn.ValueFunctions;
import org.vaml4j.random.Gaussian;

/** Pieces shared by the model losses: checks, targets, the reward term, noise, values of (E x B x ds) states. */
final class LossTerms {

    private LossTerms() {}

    /** Batch and model agree (members, dims), the batch is long enough, and values are present when needed. */
    static void check(ModelLoss loss, ModelFn model, ModelBatch batch, LossContext ctx) {
        if (model == null || batch == null || ctx == null) {
            throw new IllegalArgumentException("model loss '" + loss.id() + "': model, batch and context must not be null");
        }
        checkFits("model loss '" + loss.id() + "'", model, batch);
        if (batch.horizon() < loss.horizon()) {
            throw new IllegalArgumentException("model loss '" + loss.id() + "' needs segments of " + loss.horizon()
                    + " transitions, the batch has " + batch.horizon());
        }
        if (loss.needsValues()) {
            ValueFunctions vf = ctx.requireValues(loss.id());
            if (vf.stateDim() != model.stateDim()) {
                throw new IllegalArgumentException("model loss '" + loss.id() + "': value functions take states of "
                        + vf.stateDim() + " values, the model " + model.stateDim());
            }
        }
    }

    /** The batch's members and dims are the model's. */
    static void checkFits(String what, ModelFn model, ModelBatch batch) {
        if (batch.members() != model.members() || batch.stateDim() != model.stateDim()
                || batch.actionDim() != model.actionDim()) {
            throw new IllegalArgumentException(what + ": batch (members " + batch.members()
                    + ", stateDim " + batch.stateDim() + ", actionDim " + batch.actionDim() + ") does not fit the model (members "
                    + model.members() + ", stateDim " + model.stateDim() + ", actionDim " + model.actionDim() + ")");
        }
    }

    /** {@code [s_{t+1} - s_t, r_t]} (E x B x (ds + 1)), a constant. */
    static Tensor target(Tape tape, ModelBatch batch, int t) {
        int e = batch.members(), b = batch.batch(), ds = batch.stateDim(), rows = e * b;
        Tensor y = tape.output(false, e, b, ds + 1);
        Tensor s = batch.states(t), s1 = batch.states(t + 1), r = batch.rewards(t);
        float[] yd = y.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < ds; j++) {
                yd[y.offset() + i * (ds + 1) + j] = s1.data()[s1.offset() + i * ds + j] - s.data()[s.offset() + i * ds + j];
            }
            yd[y.offset() + i * (ds + 1) + ds] = r.data()[r.offset() + i];
        }
        return y;
    }

    /**
     * The state error of a step-0 prediction, {@code f(s, a) - s' = mu_delta - (s' - s)}
     * (E x B x ds): the predicted mean, for a probabilistic model too.
     */
    static Tensor stateError(Tape tape, ModelPrediction p, ModelBatch batch) {
        int ds = batch.stateDim();
        Tensor delta = tape.output(false, batch.members(), batch.batch(), ds);          // s' - s, a constant
        Tensor s = batch.states(0), s1 = batch.states(1);
        for (int i = 0; i < delta.size(); i++) {
            delta.data()[delta.offset() + i] = s1.data()[s1.offset() + i] - s.data()[s.offset() + i];
        }
        return Sub.apply(tape, Slice.apply(tape, p.mean(), 0, ds), delta);
    }

    /** {@code sum_e mean_b sum_(rest) x}: the sum of all values of x (E x B x ...) divided by B. */
    static Tensor memberSumOfMeans(Tape tape, Tensor x, int batch) {
        return Mul.apply(tape, Sum.apply(tape, x), 1f / batch);
    }

    /** Reward term {@code sum_e mean_b (r_hat - r_0)^2} on the predicted mean reward of step 0. */
    static Tensor rewardMse(Tape tape, ModelPrediction p, ModelBatch batch) {
        int ds = batch.stateDim();
        Tensor rHat = Slice.apply(tape, p.mean(), ds, ds + 1);                        // (E x B x 1)
        return memberSumOfMeans(tape, Square.apply(tape, Sub.apply(tape, rHat, batch.rewards(0))), batch.batch());
    }

    /** Standard normal draws (E x B x ds) for a pathwise sample, or null for a deterministic model. */
    static Tensor noise(Tape tape, RandomGenerator rng, ModelFn model, int members, int batch) {
        if (!model.probabilistic()) return null;
        Tensor z = tape.output(false, members, batch, model.stateDim());
        float[] d = z.data();
        for (int i = 0; i < z.size(); i++) d[z.offset() + i] = (float) Gaussian.next(rng);
        return z;
    }

    /** {@code V_k} of states (E x B x ds) -> (E x B x 1). */
    static Tensor values(Tape tape, ValueFunctions vf, int k, Tensor states) {
        int e = states.dim(0), b = states.dim(1);
        Tensor flat = Reshape.apply(tape, states, e * b, states.dim(2));              // (E*B x ds)
        return Reshape.apply(tape, vf.value(tape, k, flat), e, b, 1);
    }
}
