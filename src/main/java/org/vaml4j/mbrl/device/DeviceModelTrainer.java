package org.vaml4j.mbrl.device;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.mbrl.BootstrapSplit;
import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.EarlyStopping;
import org.vaml4j.mbrl.ModelStatistics;
import org.vaml4j.mbrl.ModelFitter;
import org.vaml4j.mbrl.ModelTrainer;
import org.vaml4j.mbrl.ModelTrainerConfig;
import org.vaml4j.mbrl.ModelTrainingReport;
import org.vaml4j.mbrl.TransitionTable;
import org.vaml4j.mbrl.loss.GaussianNllLoss;
import org.vaml4j.mbrl.loss.LossContext;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.mbrl.loss.Vagram;
import org.vaml4j.mbrl.loss.ValueAwareError;
import org.vaml4j.mbrl.loss.ValueGradientCache;
import org.vaml4j.nn.Adam;
import org.vaml4j.nn.AdamConfig;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.ValueFunctions;
import org.vaml4j.nn.WeightDecay;
import org.vaml4j.nn.device.DeviceAdam;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.device.DeviceValueFunctions;

/**
 * {@link ModelTrainer#train} for the {@code mle} loss (Gaussian head) or {@code vagram}
 * (deterministic head) with the model on a {@link Device}: the same
 * algorithm, the same host logic ({@link TransitionTable}, {@link BootstrapSplit},
 * {@link EarlyStopping}) and the same random draws, so on {@code HostDevice} a call consumes the
 * generator exactly as the CPU trainer does and ends at the same model up to float rounding.
 *
 * <p>What crosses between host and device:
 * <ul>
 *   <li>per call: the refit statistics (a few floats), the normalized inputs (n x (ds + da)), the
 *       standardized targets (n x (ds + 1)) and the held-out rows (V ints), up; the parameters,
 *       down into the host model at the end (so the host model is current after every call);</li>
 *   <li>per epoch: each member's reshuffled bootstrap draw (E x nTrain ints) and the batch number
 *       0, up; the epoch's step losses (one float per batch) and the members' validation MSE
 *       (E floats), down;</li>
 *   <li>per step: nothing: a step is one captured graph ({@link DeviceTrainStep}) replayed.</li>
 * </ul>
 * For {@code vagram}, per call also: the real next states (n x ds) up; the value gradients
 * (n x 4 x ds, unclipped) are then computed on the device from the agent's device parameters
 * ({@link DeviceValueFunctions}, on the same device: the critics are fixed during a call) and
 * each step gathers its batch's rows, clips them and forms the loss inside the graph. Nothing
 * else crosses.
 * Per-member best snapshots are device copies; the elites are picked on the host. The Adam state
 * lives on the device and persists across calls, as on the CPU ({@link #write} / {@link #read}
 * move it to and from a checkpoint in the CPU trainer's format).
 *
 * <p>Losses: the device works in standardized units; reported losses are the CPU's definition,
 * {@code sum_e mean (d^2 exp(-lv) + lv) + penalty (sum max - sum min)} in raw units, the host
 * adding the constant {@code E mean_j 2 log sigma_j + penalty (sum max - sum min)} (the bounds
 * are fixed). A non-finite step loss is detected when the epoch ends: the call throws naming the
 * epoch and batch, and the device parameters are then not usable (upload the host model again).
 * For {@code mle} the value-aware error is not computed (NaN): the loss needs no value functions.
 *
 * <p>{@code vagram}: the device's step loss is the CPU's raw-unit loss itself (the kernel scales
 * the errors by sigma_y). The hold-out figures the CPU reports with the value functions, the
 * validation loss (vagram on the E x V hold-out, its norms clipped over all E x V rows: more than
 * one device block sorts) and the value-aware error, are computed on the host once per call,
 * after the parameters came down, with the CPU's code and the host value functions passed to
 * {@link #train} (the caller syncs the agent first, as for the CPU trainer); the per-epoch
 * validation MSE stays on the device. Non-finite value gradients are not checked on the device
 * (the CPU trainer throws naming the row): HostDevice's clip throws on a NaN norm, on CUDA they
 * show as a non-finite step loss.
 * Not thread-safe.
 */
public final class DeviceModelTrainer implements ModelFitter, AutoCloseable {

    private final DeviceDynamics model;
    private final Device device;
    private final ModelLoss loss;
    private final Vagram vagram;               // null: mle
    private final Supplier<DeviceValueFunctions> valueSource;   // vagram: the agent's value functions on this device
    private final Kernels kernels;             // vagram: the host report's tape
    private final float boundPenalty;
    private final ModelTrainerConfig config;
    private final Adam hostOptimizer;          // host mirror of the Adam state, for checkpoints
    private final DeviceAdam optimizer;
    private final DeviceTrainStep step;
    private final DeviceValidation validation;
    private final DeviceBuffer best;           // per-member best snapshot, layout of the parameters
    private final TransitionTable table;
    private final BootstrapSplit split;
    private long updates;

    // per call, grown as the real buffer grows
    private DeviceBuffer inputs;               // (n x (ds + da)) normalized inputs by age
    private DeviceBuffer targets;              // (n x (ds + 1)) standardized targets by age
    private DeviceBuffer order;                // (E x nTrain) INT this epoch's bootstrap draws
    private DeviceBuffer stepLosses;           // (batches) the epoch's step losses
    private DeviceBuffer nextStates;           // vagram: (n x ds) real next states by age
    private DeviceBuffer valueGrads;           // vagram: (n x 4 x ds) their value gradients
    private float[] scratch = new float[0];    // host staging of the normalized data

    /**
     * @param loss the {@code mle} loss ({@link GaussianNllLoss}); vagram needs the constructor with value functions
     * @throws IllegalArgumentException for another loss or a model the device does not support
     */
    public DeviceModelTrainer(DeviceDynamics model, ModelLoss loss, ModelTrainerConfig config) {
        this(model, loss, config, null, null);
    }

    /**
     * @param loss    {@code mle} ({@link GaussianNllLoss}, Gaussian head) or {@code vagram} ({@link Vagram}, deterministic head)
     * @param values  vagram: gives the agent's value functions on {@code model}'s device, asked at the
     *                first training call (the agent's updater may be made after this trainer); null for mle
     * @param kernels vagram: the kernels of the host tape the hold-out report uses; null for mle
     * @throws IllegalArgumentException for another loss, a head that does not suit it, a missing value source
     */
    public DeviceModelTrainer(DeviceDynamics model, ModelLoss loss, ModelTrainerConfig config, Supplier<DeviceValueFunctions> values,
                              Kernels kernels) {
        requireSupported(loss, model.host().config());
        if (loss instanceof Vagram && (values == null || kernels == null)) {
            throw new IllegalArgumentException("device model training: vagram needs the agent's device value functions and host kernels");
        }
        this.model = model;
        this.device = model.device();
        this.loss = loss;
        this.vagram = loss instanceof Vagram v ? v : null;
        this.valueSource = values;
        this.kernels = kernels;
        this.boundPenalty = loss instanceof GaussianNllLoss nll ? nll.boundPenalty() : 0f;
        this.config = config;
        DynamicsEnsemble host = model.host();
        WeightDecay decay = host.weightDecay(config.weightDecay());
        this.hostOptimizer = new Adam(host.params(), AdamConfig.of(config.lr()), decay);
        this.optimizer = new DeviceAdam(model.params(), host.params(), AdamConfig.of(config.lr()), decay);
        this.step = new DeviceTrainStep(model, optimizer, config.batchSize(), vagram);
        this.validation = new DeviceValidation(model);
        this.best = device.allocate(DeviceBuffer.Kind.FLOAT, host.params().size());
        this.table = new TransitionTable(host.stateDim(), host.actionDim());
        this.split = new BootstrapSplit(host.members(), config);
    }

    /**
     * Checks that {@code loss} on a model of {@code config} has a device path: mle with a Gaussian
     * head (fixed bounds), or vagram with a deterministic head.
     *
     * @throws IllegalArgumentException naming what is not supported
     */
    public static void requireSupported(ModelLoss loss, DynamicsConfig config) {
        String id = loss == null ? "null" : loss.id();
        if (!(loss instanceof GaussianNllLoss) && !(loss instanceof Vagram)) {
            throw new IllegalArgumentException("device model training supports the mle and vagram losses only, got '" + id + "'");
        }
        DeviceDynamics.requireSupported(config);
        ModelHead head = loss instanceof Vagram ? ModelHead.DETERMINISTIC : ModelHead.GAUSSIAN;
        if (config.head() != head) {
            throw new IllegalArgumentException("device model training: the " + id + " loss needs a " + head.id() + " head, got "
                    + config.head().id());
        }
    }

    public DeviceDynamics model() { return model; }

    @Override public ModelLoss loss() { return loss; }

    /** Gradient steps taken over all calls. */
    public long updates() { return updates; }

    /**
     * {@link ModelFitter}: {@code values} (the host agent's, current) are read by vagram's hold-out
     * report only (its training reads the device value functions); the mle loss does not read them.
     */
    @Override
    public ModelTrainingReport train(ReplayBuffer real, ValueFunctions values, long step, RandomGenerator rng,
                                     ModelTrainer.UpdateListener listener) {
        return train(real, values, step, rng, listener, config.maxEpochs());
    }

    @Override
    public ModelTrainingReport train(ReplayBuffer real, ValueFunctions values, long step, RandomGenerator rng,
                                     ModelTrainer.UpdateListener listener, int maxEpochs) {
        if (vagram != null && values == null) {
            throw new IllegalArgumentException("model loss 'vagram' needs the agent's value functions");
        }
        return run(real, values, step, rng, listener, maxEpochs);
    }

    /** {@link ModelTrainer#train} with the configured epoch cap (mle). */
    public ModelTrainingReport train(ReplayBuffer real, long envStep, RandomGenerator rng, ModelTrainer.UpdateListener listener) {
        return train(real, envStep, rng, listener, config.maxEpochs());
    }

    /**
     * Trains on every transition of {@code real}, as {@link ModelTrainer#train} with epoch cap
     * {@code maxEpochs} for this call (0 = none).
     *
     * @param envStep  the caller's clock, for messages
     * @param rng      split, bootstrap and shuffling (drawn exactly as the CPU trainer draws)
     * @param listener told after every gradient step (between replays: it must not touch the device model)
     * @throws IllegalArgumentException when the buffer holds fewer than 2 transitions
     * @throws IllegalStateException    when the loss becomes non-finite
     */
    public ModelTrainingReport train(ReplayBuffer real, long envStep, RandomGenerator rng, ModelTrainer.UpdateListener listener,
                                     int maxEpochs) {
        if (vagram != null) throw new IllegalArgumentException("model loss 'vagram' needs the agent's value functions");
        return run(real, null, envStep, rng, listener, maxEpochs);
    }

    private ModelTrainingReport run(ReplayBuffer real, ValueFunctions values, long envStep, RandomGenerator rng,
                                    ModelTrainer.UpdateListener listener, int maxEpochs) {
        int n = real.size(), e = model.members();
        split.requireTrainable(n, maxEpochs);
        DynamicsEnsemble host = model.host();

        // ---- input and target statistics from the whole real buffer (host), data up once ----
        table.fill(real);
        table.fitStatistics(host);
        model.uploadStatistics();
        uploadData(n, host.statistics());
        if (vagram != null) valueGradients(real, n);

        // ---- hold-out split and per-member bootstrap draws (host rng) ----
        split.draw(n, rng);
        int nTrain = split.trainSize(), batches = split.batches();
        order = Capacity.ensure(device, order, DeviceBuffer.Kind.INT, (long) e * nTrain);
        stepLosses = Capacity.ensure(device, stepLosses, DeviceBuffer.Kind.FLOAT, batches);
        step.capture(inputs, targets, valueGrads, order, nTrain, stepLosses, batches);
        boolean holdOut = split.heldOutSize() > 0;
        if (holdOut) validation.load(inputs, targets, split.heldOut());

        // ---- epochs with early stopping on the per-member validation MSE ----
        EarlyStopping stopping = new EarlyStopping(holdOut ? validation.memberMse() : null, config.patience(), maxEpochs);
        device.copy(model.params().data(), 0, best, 0, best.length());
        double lossShift = vagram != null ? 0 : lossShift(host);   // vagram's device loss is in raw units
        float[] losses = new float[batches];
        double trainLoss;
        do {
            split.reshuffle(rng);
            device.upload(split.draws(), 0, order, 0, e * nTrain);
            step.rewind();
            for (int b = 0; b < batches; b++) {
                step.replay();
                updates++;
                listener.afterModelUpdate(updates);
            }
            device.download(stepLosses, 0, losses, 0, batches);
            trainLoss = meanLoss(losses, lossShift, envStep, stopping.epochs());
            int[] improved = stopping.endEpoch(holdOut ? validation.memberMse() : null);
            for (int m : improved) model.copyMember(model.params().data(), m, host.params(), best, m);
        } while (!stopping.stopped());

        // ---- restore each member's best snapshot, pick the elites ----
        if (holdOut) {
            device.copy(best, 0, model.params().data(), 0, best.length());
            host.setElites(stopping.elites(host.config().elites()));
        }
        model.download();
        if (holdOut && vagram != null) return vagramReport(stopping.epochs(), trainLoss, real, values, envStep, rng);
        return holdOut ? report(stopping.epochs(), trainLoss, host) : new ModelTrainingReport(stopping.epochs(), updates, trainLoss,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Normalized inputs and standardized targets of the n rows of the table, up to the device. */
    private void uploadData(int n, ModelStatistics s) {
        int in = table.inputWidth(), out = table.targetWidth();
        inputs = Capacity.ensure(device, inputs, DeviceBuffer.Kind.FLOAT, (long) n * in);
        targets = Capacity.ensure(device, targets, DeviceBuffer.Kind.FLOAT, (long) n * out);
        if (scratch.length < n * Math.max(in, out)) scratch = new float[n * Math.max(in, out)];
        float[] x = table.inputs(), mean = s.inputMean(), invStd = s.inputInvStd();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < in; j++) scratch[r * in + j] = (x[r * in + j] - mean[j]) * invStd[j];
        }
        device.upload(scratch, 0, inputs, 0, n * in);
        float[] y = table.targets(), my = s.targetMean(), sy = s.targetStd();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < out; j++) scratch[r * out + j] = (y[r * out + j] - my[j]) / sy[j];
        }
        device.upload(scratch, 0, targets, 0, n * out);
    }

    /** vagram: the real next states up, and their value gradients computed from the agent's device parameters. */
    private void valueGradients(ReplayBuffer real, int n) {
        DeviceValueFunctions vf = valueSource.get();
        if (vf == null || vf.device() != device) {
            throw new IllegalStateException("device model training: vagram needs the agent's value functions on the model's device"
                    + (vf == null ? " (none yet)" : " (they are on another device)"));
        }
        int ds = model.stateWidth();
        if (vf.stateDim() != ds) {
            throw new IllegalArgumentException("device model training: value functions take states of " + vf.stateDim()
                    + " values, the model " + ds);
        }
        nextStates = Capacity.ensure(device, nextStates, DeviceBuffer.Kind.FLOAT, (long) n * ds);
        valueGrads = Capacity.ensure(device, valueGrads, DeviceBuffer.Kind.FLOAT, (long) n * DeviceValueFunctions.COUNT * ds);
        if (scratch.length < n * ds) scratch = new float[n * ds];
        float[] s2 = real.nextObsArray();
        for (int age = 0; age < n; age++) System.arraycopy(s2, real.chronologicalRow(age) * ds, scratch, age * ds, ds);
        device.upload(scratch, 0, nextStates, 0, n * ds);
        vf.gradients(nextStates, n, valueGrads);
    }

    /**
     * vagram's hold-out figures as the CPU trainer reports them: MSE from the device, then on the
     * host (the parameters are down) the loss on the E x V hold-out and the value-aware error.
     */
    private ModelTrainingReport vagramReport(int epochs, double trainLoss, ReplayBuffer real, ValueFunctions values, long envStep,
                                             RandomGenerator rng) {
        DynamicsEnsemble host = model.host();
        double[] mse = validation.memberMse();
        double eliteMse = 0;
        for (int m : host.elites()) eliteMse += mse[m];
        eliteMse /= host.elites().length;
        ModelBatch b = HoldOutBatch.of(real, split.heldOut(), host.members());
        Tape tape = new Tape(kernels, false);
        LossContext ctx = new LossContext(values, new ValueGradientCache(kernels, 0), rng, envStep);
        double valLoss = loss.loss(tape, host, b, ctx).item();
        tape.reset();
        double vae = ValueAwareError.evaluate(tape, host, b, values, rng, config.vaeSamples());
        return new ModelTrainingReport(epochs, updates, trainLoss, valLoss, mean(mse), Double.NaN, vae, eliteMse);
    }

    /**
     * The raw-unit loss minus the standardized one: per member and element the NLL gains the
     * log-variance shift 2 log sigma_j (the squared error term is unit-free), members summed; plus
     * the bound term, a constant with fixed bounds.
     */
    private double lossShift(DynamicsEnsemble host) {
        return host.members() * meanShift(host) + boundPenalty * boundGap(host);
    }

    /** mean_j 2 log sigma_j, with the floats the host model applies. */
    private static double meanShift(DynamicsEnsemble host) {
        float[] shift = host.statistics().logVarShift();
        double s = 0;
        for (float v : shift) s += v;
        return s / shift.length;
    }

    /** sum(maxLogVar) - sum(minLogVar). */
    private static double boundGap(DynamicsEnsemble host) {
        Params p = host.params();
        Params.Entry hi = p.entry(host.maxLogVarName()), lo = p.entry(host.minLogVarName());
        double g = 0;
        for (int j = 0; j < hi.size(); j++) g += p.data()[hi.offset() + j] - p.data()[lo.offset() + j];
        return g;
    }

    /** The epoch's mean raw-unit step loss; throws on the first non-finite one, as the CPU trainer. */
    private double meanLoss(float[] losses, double shift, long envStep, int epoch) {
        double sum = 0;
        for (int b = 0; b < losses.length; b++) {
            if (!Float.isFinite(losses[b])) {
                throw new IllegalStateException("model training (loss " + loss.id() + ", env step " + envStep + ", epoch " + epoch
                        + ", batch " + b + "): the loss is " + losses[b]);
            }
            sum += losses[b] + shift;
        }
        return sum / losses.length;
    }

    /** The hold-out figures after the restore, as the CPU trainer's report (no value-aware error). */
    private ModelTrainingReport report(int epochs, double trainLoss, DynamicsEnsemble host) {
        double[] mse = validation.memberMse(), nll = validation.memberNll();
        double shift = meanShift(host), valLoss = boundPenalty * boundGap(host);
        for (int m = 0; m < nll.length; m++) {
            nll[m] += shift;
            valLoss += nll[m];
        }
        int[] elites = host.elites();
        double eliteMse = 0;
        for (int m : elites) eliteMse += mse[m];
        eliteMse /= elites.length;
        return new ModelTrainingReport(epochs, updates, trainLoss, valLoss, mean(mse), mean(nll), Double.NaN, eliteMse);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Writes the optimizer state and the update count in {@link ModelTrainer#write}'s format. */
    @Override
    public void write(ArchiveWriter w, String prefix) throws IOException {
        optimizer.download(hostOptimizer);
        hostOptimizer.write(w, prefix + "adam.");
        w.longs(prefix + "updates", updates);
    }

    /** Restores what {@link #write} (or {@link ModelTrainer#write}) wrote, and uploads the host model (read just before). */
    @Override
    public void read(ArchiveReader r, String prefix) {
        hostOptimizer.read(r, prefix + "adam.");
        optimizer.upload(hostOptimizer);
        updates = r.longValue(prefix + "updates");
        model.upload();
    }

    /** Frees the trainer's device buffers (not the model's). */
    @Override
    public void close() {
        step.close();
        validation.close();
        optimizer.close();
        best.close();
        for (DeviceBuffer b : new DeviceBuffer[] {inputs, targets, order, stepLosses, nextStates, valueGrads}) if (b != null) b.close();
    }
}
