package org.vaml4j.mbrl.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.Graph;
import org.vaml4j.mbrl.loss.Vagram;
import org.vaml4j.nn.device.DeviceAdam;
import org.vaml4j.nn.device.DeviceMlp;

/**
 * One gradient step of the {@code mle} loss ({@code GaussianNllLoss}, Gaussian head) or of
 * {@code vagram} ({@link Vagram}, deterministic head) on the device, captured once as a
 * {@link Graph} and replayed once per batch: {@code ModelTrainer}'s inner loop.
 * <pre>
 *   c = counters[0]                                   the batch number within the epoch
 *   X, Y = rows order[e nTrain + (c B + i) mod nTrain] of the inputs and targets, per member   (E x B x .)
 *   raw = mlp(X)                                      (E x B x 2 (ds + 1))
 *   nll, dRaw = gaussianNll(raw, Y, bounds, w)        w = 1 / (B (ds + 1)): the loss's mean over rows and outputs
 *   loss = w sum(nll)                                 members summed, as the loss
 *   grads = backward(dRaw); Adam step                 per-layer coupled weight decay
 *   counters[0] += 1; losses[c] = loss
 * </pre>
 * For {@code vagram} the loss part reads the value gradients G (n x 4 x ds, by transition, see
 * {@code DeviceValueFunctions}) instead of the bounds:
 * <pre>
 *   X, Y, Gb = rows order[...] of the inputs, targets and G     (E x B x .), the same bootstrap rows
 *   mean = mlp(X)                                               (E x B x (ds + 1))
 *   Gb = clipRowNorms(Gb, p)                                    per value function over the E x B rows (if p &lt; 1)
 *   l, dMean = vagramLoss(Gb, mean, Y, sigma_y, lambda, scale, 1/B)
 *   loss = (1/B) sum(l)                                         raw units: scale sum_e mean_b sum_j w_j e_j^2 + reward MSE
 * </pre>
 * (E x B at most {@link Device#MAX_CLIP_ROWS}). The errors are scaled by sigma_y inside the
 * kernel, so the vagram loss is already the CPU's raw-unit loss.
 *
 * <p>The inputs are normalized and the targets standardized already, so the mle step's loss and its
 * gradient are in standardized units: the raw-unit loss differs by a constant the caller adds, and the
 * bounds are constants (their gradients stay 0, so Adam leaves them unchanged). Everything a step
 * reads that changes (the batch number, Adam's step count, the order) lives on the device.
 */
public final class DeviceTrainStep implements AutoCloseable {

    private static final int BATCH_COUNTER = 0;
    /** Value functions per transition in the vagram gradients (SAC: two critics, two target critics). */
    static final int GRADIENTS = 4;

    private final DeviceDynamics model;
    private final DeviceAdam optimizer;
    private final Device device;
    private final int batch;
    private final DeviceMlp.Pass pass;
    private final DeviceBuffer x;          // (E x B x in) the batch's normalized inputs
    private final DeviceBuffer y;          // (E x B x out) its standardized targets
    private final Vagram vagram;           // null: the mle loss
    private final DeviceBuffer nll;        // (E x B x out) per-element loss (NLL or vagram)
    private final DeviceBuffer dRaw;       // (E x B x network out) its gradient in the network output
    private final DeviceBuffer g;          // vagram: (E x B x 4 x ds) the batch's value gradients, else null
    private final DeviceBuffer loss;       // (1) the step's loss
    private final DeviceBuffer counters;   // (1) INT: the batch number
    private Graph graph;

    /** The mle step: workspace for batches of {@code batch} rows per member of {@code model} (Gaussian head), stepped by {@code optimizer}. */
    public DeviceTrainStep(DeviceDynamics model, DeviceAdam optimizer, int batch) {
        this(model, optimizer, batch, null);
    }

    /**
     * The step of {@code vagram} (null: mle). A vagram step needs a deterministic head and
     * E x batch at most {@link Device#MAX_CLIP_ROWS}; an mle step a Gaussian head.
     */
    public DeviceTrainStep(DeviceDynamics model, DeviceAdam optimizer, int batch, Vagram vagram) {
        if (batch < 1) throw new IllegalArgumentException("device train step: batch must be >= 1, got " + batch);
        if (vagram == null && !model.gaussian()) {
            throw new IllegalArgumentException("device train step: the mle loss needs a gaussian head, got deterministic");
        }
        if (vagram != null && model.gaussian()) {
            throw new IllegalArgumentException("device train step: the device vagram loss needs a deterministic head, got gaussian");
        }
        if (vagram != null && (long) model.members() * batch > Device.MAX_CLIP_ROWS) {
            throw new IllegalArgumentException("device train step: vagram clips the norms of members x batch = " + model.members() + " x "
                    + batch + " = " + (long) model.members() * batch + " rows, at most " + Device.MAX_CLIP_ROWS + " on the device");
        }
        this.vagram = vagram;
        this.model = model;
        this.optimizer = optimizer;
        this.device = model.device();
        this.batch = batch;
        int rows = model.members() * batch, out = model.outputWidth();
        this.pass = model.mlp().pass(batch, false, true);
        this.x = device.allocate(DeviceBuffer.Kind.FLOAT, rows * model.inputWidth());
        this.y = device.allocate(DeviceBuffer.Kind.FLOAT, rows * out);
        this.nll = device.allocate(DeviceBuffer.Kind.FLOAT, rows * out);
        this.dRaw = device.allocate(DeviceBuffer.Kind.FLOAT, rows * model.networkOutputWidth());
        this.g = vagram == null ? null : device.allocate(DeviceBuffer.Kind.FLOAT, rows * GRADIENTS * model.stateWidth());
        this.loss = device.allocate(DeviceBuffer.Kind.FLOAT, 1);
        this.counters = device.allocate(DeviceBuffer.Kind.INT, 1);
    }

    /** Rows per member of a batch. */
    public int batch() { return batch; }

    /**
     * Captures the step (replacing an earlier capture) on {@code inputs} (n x in) and {@code targets}
     * (n x out), batches drawn through {@code order} (E x nTrain row indices), each step's loss
     * written to row {@code c mod lossRows} of {@code losses}. The buffers' contents may change
     * between replays (a new order every epoch); their identity and {@code nTrain} may not.
     */
    public void capture(DeviceBuffer inputs, DeviceBuffer targets, DeviceBuffer order, int nTrain, DeviceBuffer losses, int lossRows) {
        capture(inputs, targets, null, order, nTrain, losses, lossRows);
    }

    /**
     * As above, for vagram with the value gradients {@code gradients} (n x 4 x ds, row i the
     * transition of input row i; null for mle).
     */
    public void capture(DeviceBuffer inputs, DeviceBuffer targets, DeviceBuffer gradients, DeviceBuffer order, int nTrain,
                        DeviceBuffer losses, int lossRows) {
        if ((gradients == null) != (vagram == null)) {
            throw new IllegalArgumentException("device train step: value gradients are " + (vagram == null ? "not read by the mle loss"
                    : "needed by vagram"));
        }
        if (nTrain < 1 || lossRows < 1) {
            throw new IllegalArgumentException("device train step: nTrain and lossRows must be >= 1, got " + nTrain + ", " + lossRows);
        }
        if (order.length() < (long) model.members() * nTrain || losses.length() < lossRows) {
            throw new IllegalArgumentException("device train step: order must hold E x nTrain = " + (long) model.members() * nTrain
                    + " and losses " + lossRows + " values, got " + order.length() + " and " + losses.length());
        }
        if (graph != null) graph.close();
        graph = device.capture(() -> launch(inputs, targets, gradients, order, nTrain, losses, lossRows));
        rewind();
    }

    /** Sets the batch number to 0: the start of an epoch (one small upload, not capturable). */
    public void rewind() {
        device.upload(new int[] {0}, 0, counters, 0, 1);
    }

    /** One gradient step on the next batch. */
    public void replay() {
        if (graph == null) throw new IllegalStateException("device train step: capture it first");
        graph.replay();
    }

    private void launch(DeviceBuffer inputs, DeviceBuffer targets, DeviceBuffer gradients, DeviceBuffer order, int nTrain,
                        DeviceBuffer losses, int lossRows) {
        int e = model.members(), out = model.outputWidth(), rows = e * batch;
        DeviceBuffer p = model.params().data();
        device.gatherMemberRows(e, batch, model.inputWidth(), order, nTrain, counters, BATCH_COUNTER, inputs, x);
        device.gatherMemberRows(e, batch, out, order, nTrain, counters, BATCH_COUNTER, targets, y);
        model.mlp().forward(pass, p, x, 0);
        if (vagram == null) {
            float w = (1f / out) * (1f / batch);   // the loss's 1/B then 1/(ds + 1), as the tape's gradient
            device.gaussianNll(rows, out, pass.out(), y, p, model.maxLogVarOffset(), model.minLogVarOffset(), w, nll, dRaw);
            device.sum(rows * out, nll, 0, w, loss, 0);
        } else {
            int ds = model.stateWidth();
            float w = 1f / batch;
            device.gatherMemberRows(e, batch, GRADIENTS * ds, order, nTrain, counters, BATCH_COUNTER, gradients, g);
            if (vagram.clipQuantile() < 1) device.clipRowNorms(rows, GRADIENTS, ds, vagram.clipQuantile(), g, 0);
            device.vagramLoss(rows, ds, GRADIENTS, g, pass.out(), y, model.targetStd(), vagram.lambda(), vagram.scale(), w, nll, dRaw);
            device.sum(rows * out, nll, 0, w, loss, 0);
        }
        model.mlp().backward(pass, p, x, 0, dRaw, 0, model.params().grad(), null, 0);
        optimizer.step();
        device.increment(counters, BATCH_COUNTER);
        device.copyToRing(1, loss, 0, losses, lossRows, counters, BATCH_COUNTER);
    }

    @Override
    public void close() {
        if (graph != null) graph.close();
        pass.close();
        x.close();
        y.close();
        nll.close();
        dRaw.close();
        if (g != null) g.close();
        loss.close();
        counters.close();
    }
}
