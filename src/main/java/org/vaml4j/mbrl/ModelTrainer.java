package org.vaml4j.mbrl;

import java.io.IOException;
import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.loss.LossContext;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.mbrl.loss.ValueAwareError;
import org.vaml4j.mbrl.loss.ValueGradientCache;
import org.vaml4j.nn.Adam;
import org.vaml4j.nn.AdamConfig;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.ValueFunctions;
import org.vaml4j.rl.ReplayBuffer;

/**
 * Fits a {@link DynamicsEnsemble} to the whole real replay buffer with any {@link ModelLoss}:
 * MBPO's model training (research.md §A.3), called before every round of model rollouts.
 *
 * <p>Implementation details:
 * <ol>
 *   <li>Input statistics, and the target statistics of a model that standardizes its targets,
 *       are refit from every stored transition before training.</li>
 *   <li>Split: a random permutation of the transitions; the last {@code validationRatio} of it,
 *       at most {@code maxValidation}, is the hold-out (original MBPO's 5000 cap).</li>
 *   <li>Bootstrap: each member draws its own {@code nTrain} training transitions with replacement,
 *       once per call (re-drawing every batch would make members alike, mbrl-lib PR #61); each epoch
 *       reshuffles every member's draw. An epoch is {@code ceil(nTrain / batchSize)} steps; the last
 *       batch wraps around to the start of the shuffled draw so every batch has the full size.</li>
 *   <li>A batch gives member e its own rows (E x B). Losses reading H consecutive transitions
 *       get segments starting at the drawn transitions ({@link SegmentBatcher}).</li>
 *   <li>Early stopping on the per-member validation MSE of the mean prediction of
 *       {@code [s' - s, r]}, not on the loss (mbrl-lib). A member improves when its MSE drops by
 *       more than 1% relative to its best; each member's best parameters are snapshot and
 *       restored individually at the end (original MBPO). Training stops after {@code patience}
 *       epochs in which no member improved, or after {@code maxEpochs}. The starting point counts
 *       as the first best, so a training that only makes things worse changes nothing.</li>
 *   <li>Elites: the {@code elites} members with the lowest best validation MSE.</li>
 *   <li>Adam with coupled per-layer weight decay on the weights; the optimizer state persists
 *       across calls (as mbrl-lib) and is part of {@link #write}.</li>
 *   <li>Value-aware losses get a {@link ValueGradientCache} keyed by transition id, invalidated at
 *       the start of every call (the critics may have changed since the last one).</li>
 *   <li>A listener is told after every gradient step (the stale-value correction of value-aware
 *       MBRL refits the critics every K_interval model updates).</li>
 * </ol>
 * The host logic of 1-6 lives in {@link TransitionTable}, {@link BootstrapSplit} and
 * {@link EarlyStopping}, shared with the device-resident trainer ({@code mbrl.device}), which
 * therefore draws the same random numbers in the same order. Not thread-safe.
 */
public final class ModelTrainer implements ModelFitter {

    /** Called after every gradient step of the model, with the total number of steps so far. */
    @FunctionalInterface
    public interface UpdateListener {
        void afterModelUpdate(long modelUpdates);

        static UpdateListener none() {
            return u -> {};
        }
    }

    private final DynamicsEnsemble model;
    private final ModelLoss loss;
    private final ModelTrainerConfig config;
    private final Adam optimizer;
    private final Params best;                 // per-member best snapshot, layout of the model's parameters
    private final Tape tape;
    private final Tape evalTape;               // no-grad: validation
    private final ValueGradientCache gradients;
    private final SegmentBatcher trainBatcher;
    private long updates;

    private final TransitionTable table;       // the real buffer by age, for the statistics
    private final BootstrapSplit split;        // hold-out and per-member bootstrap draws
    private final int[] batchAges;             // (E x B)

    public ModelTrainer(DynamicsEnsemble model, ModelLoss loss, ModelTrainerConfig config, Kernels kernels) {
        this.model = model;
        this.loss = loss;
        this.config = config;
        this.optimizer = new Adam(model.params(), AdamConfig.of(config.lr()), model.weightDecay(config.weightDecay()));
        this.best = model.params().copy();
        this.tape = new Tape(kernels);
        this.evalTape = new Tape(kernels, false);
        this.gradients = new ValueGradientCache(kernels, 1 << 20);
        this.trainBatcher = new SegmentBatcher(model.members(), config.batchSize(), loss.horizon(), model.stateDim(), model.actionDim());
        this.table = new TransitionTable(model.stateDim(), model.actionDim());
        this.split = new BootstrapSplit(model.members(), config);
        this.batchAges = new int[model.members() * config.batchSize()];
    }

    public ModelLoss loss() { return loss; }

    public DynamicsEnsemble model() { return model; }

    /** Gradient steps taken over all calls. */
    public long updates() { return updates; }

    /**
     * Trains on every transition of {@code real}.
     *
     * @param values   the agent's value functions for value-aware losses and the logged value-aware
     *                 error; null when the loss needs none (then the error is NaN)
     * @param step     the caller's clock (env steps), passed to losses with schedules
     * @param rng      split, bootstrap, shuffling and pathwise model samples
     * @param listener told after every gradient step
     * @throws IllegalArgumentException when the buffer holds fewer than 2 transitions
     * @throws IllegalStateException    when the loss becomes non-finite
     */
    public ModelTrainingReport train(ReplayBuffer real, ValueFunctions values, long step, RandomGenerator rng,
                                     UpdateListener listener) {
        return train(real, values, step, rng, listener, config.maxEpochs());
    }

    /** {@link #train} with another epoch cap for this call (0 = none), e.g. a long first training. */
    public ModelTrainingReport train(ReplayBuffer real, ValueFunctions values, long step, RandomGenerator rng,
                                     UpdateListener listener, int maxEpochs) {
        int n = real.size();
        split.requireTrainable(n, maxEpochs);
        if (loss.needsValues() && values == null) {
            throw new IllegalArgumentException("model loss '" + loss.id() + "' needs the agent's value functions");
        }
        gradients.invalidate();
        LossContext ctx = new LossContext(values, gradients, rng, step);

        // ---- input (and target) statistics from the whole real buffer ----
        table.fill(real);
        table.fitStatistics(model);

        // ---- hold-out split and per-member bootstrap draws ----
        split.draw(n, rng);
        Validation val = split.heldOutSize() > 0 ? new Validation(real, split.heldOut()) : null;

        // ---- epochs with early stopping on the per-member validation MSE ----
        EarlyStopping stopping = new EarlyStopping(val != null ? val.memberMse() : null, config.patience(), maxEpochs);
        System.arraycopy(model.params().data(), 0, best.data(), 0, best.size());
        int batches = split.batches();
        double trainLoss;
        do {
            split.reshuffle(rng);
            double sum = 0;
            for (int b = 0; b < batches; b++) {
                split.batchAges(b, batchAges);
                ModelBatch batch = trainBatcher.fill(real, batchAges);
                tape.reset();
                Tensor l = loss.loss(tape, model, batch, ctx);
                float v = l.item();
                if (!Float.isFinite(v)) {
                    throw new IllegalStateException("model training (loss " + loss.id() + ", env step " + step + ", epoch "
                            + stopping.epochs() + ", batch " + b + "): the loss is " + v);
                }
                model.params().zeroGrad();
                tape.backward(l);
                optimizer.step();
                updates++;
                sum += v;
                listener.afterModelUpdate(updates);
            }
            trainLoss = sum / batches;
            int[] improved = stopping.endEpoch(val != null ? val.memberMse() : null);
            for (int m : improved) model.copyMember(model.params(), m, best, m);
            if (improved.length > 0) model.copyShared(model.params(), best);
        } while (!stopping.stopped());

        // ---- restore each member's best snapshot, pick the elites ----
        if (val != null) {
            System.arraycopy(best.data(), 0, model.params().data(), 0, best.size());
            model.setElites(stopping.elites(model.config().elites()));
        }
        tape.reset();
        return val == null ? new ModelTrainingReport(stopping.epochs(), updates, trainLoss, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN) : val.report(stopping.epochs(), trainLoss, values, ctx, rng);
    }

    /** The hold-out: every member sees the same transitions (E x V). */
    private final class Validation {
        private final ReplayBuffer real;
        private final SegmentBatcher batcher;
        private final int[] ages;   // (E x V)
        private final int rows;

        Validation(ReplayBuffer real, int[] heldOut) {
            this.real = real;
            this.rows = heldOut.length;
            int e = model.members();
            this.batcher = new SegmentBatcher(e, rows, loss.horizon(), model.stateDim(), model.actionDim());
            this.ages = new int[e * rows];
            for (int m = 0; m < e; m++) System.arraycopy(heldOut, 0, ages, m * rows, rows);
        }

        /** (E) mean over rows and outputs of (mean prediction - [s' - s, r])^2. */
        double[] memberMse() {
            ModelBatch b = batcher.fill(real, ages);
            evalTape.reset();
            ModelPrediction p = model.predict(evalTape, b.states(0), b.actions(0));
            double[] mse = new double[model.members()];
            errors(b, p, mse, null);
            return mse;
        }

        ModelTrainingReport report(int epochs, double trainLoss, ValueFunctions values, LossContext ctx, RandomGenerator rng) {
            ModelBatch b = batcher.fill(real, ages);
            evalTape.reset();
            ModelPrediction p = model.predict(evalTape, b.states(0), b.actions(0));
            int e = model.members();
            double[] mse = new double[e], nll = p.probabilistic() ? new double[e] : null;
            errors(b, p, mse, nll);
            double eliteMse = 0;
            for (int m : model.elites()) eliteMse += mse[m];
            eliteMse /= model.config().elites();
            evalTape.reset();
            double valLoss = loss.loss(evalTape, model, b, ctx).item();
            double vae = Double.NaN;
            if (values != null) {
                evalTape.reset();
                vae = ValueAwareError.evaluate(evalTape, model, b, values, rng, config.vaeSamples());
            }
            evalTape.reset();
            return new ModelTrainingReport(epochs, updates, trainLoss, valLoss, mean(mse), nll == null ? Double.NaN : mean(nll),
                    vae, eliteMse);
        }

        /** Per member: MSE and (when nll != null) the NLL (d^2 e^-lv + lv), both means over rows and outputs. */
        private void errors(ModelBatch b, ModelPrediction p, double[] mse, double[] nll) {
            int e = model.members(), ds = model.stateDim(), out = ds + 1;
            Tensor s = b.states(0), s2 = b.states(1), r = b.rewards(0);
            float[] mu = p.mean().data();
            int mo = p.mean().offset();
            for (int m = 0; m < e; m++) {
                double se = 0, nl = 0;
                for (int i = 0; i < rows; i++) {
                    int row = m * rows + i;
                    for (int j = 0; j < out; j++) {
                        double y = j < ds ? s2.get(row * ds + j) - s.get(row * ds + j) : r.get(row);
                        double d = mu[mo + row * out + j] - y;
                        se += d * d;
                        if (nll != null) {
                            double lv = p.logVar().get(row * out + j);
                            nl += d * d * StrictMath.exp(-lv) + lv;
                        }
                    }
                }
                mse[m] = se / ((double) rows * out);
                if (nll != null) nll[m] = nl / ((double) rows * out);
            }
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Writes the optimizer state and the update count (the model itself is written by its owner). */
    public void write(ArchiveWriter w, String prefix) throws IOException {
        optimizer.write(w, prefix + "adam.");
        w.longs(prefix + "updates", updates);
    }

    public void read(ArchiveReader r, String prefix) {
        optimizer.read(r, prefix + "adam.");
        updates = r.longValue(prefix + "updates");
    }
}
