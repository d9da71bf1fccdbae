package org.vaml4j.mbrl.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.Graph;
import org.vaml4j.nn.device.DeviceAdam;
import org.vaml4j.nn.device.DeviceMlp;

/**
 * One gradient step of the {@code mle} loss ({@code GaussianNllLoss}) on the device, captured once
 * as a {@link Graph} and replayed once per batch: {@code ModelTrainer}'s inner loop.
 * <pre>
 *   c = counters[0]                                   the batch number within the epoch
 *   X, Y = rows order[e nTrain + (c B + i) mod nTrain] of the inputs and targets, per member   (E x B x .)
 *   raw = mlp(X)                                      (E x B x 2 (ds + 1))
 *   nll, dRaw = gaussianNll(raw, Y, bounds, w)        w = 1 / (B (ds + 1)): the loss's mean over rows and outputs
 *   loss = w sum(nll)                                 members summed, as the loss
 *   grads = backward(dRaw); Adam step                 per-layer coupled weight decay
 *   counters[0] += 1; losses[c] = loss
 * </pre>
 * The inputs are normalized and the targets standardized already, so this is the loss and its
 * gradient in standardized units: the raw-unit loss differs by a constant the caller adds, and the
 * bounds are constants (their gradients stay 0, so Adam leaves them unchanged). Everything a step
 * reads that changes (the batch number, Adam's step count, the order) lives on the device.
 */
public final class DeviceTrainStep implements AutoCloseable {

    private static final int BATCH_COUNTER = 0;

    private final DeviceDynamics model;
    private final DeviceAdam optimizer;
    private final Device device;
    private final int batch;
    private final DeviceMlp.Pass pass;
    private final DeviceBuffer x;          // (E x B x in) the batch's normalized inputs
    private final DeviceBuffer y;          // (E x B x out) its standardized targets
    private final DeviceBuffer nll;        // (E x B x out) per-element NLL
    private final DeviceBuffer dRaw;       // (E x B x 2 out) its gradient in the network output
    private final DeviceBuffer loss;       // (1) the step's loss
    private final DeviceBuffer counters;   // (1) INT: the batch number
    private Graph graph;

    /** Workspace for batches of {@code batch} rows per member of {@code model}, stepped by {@code optimizer}. */
    public DeviceTrainStep(DeviceDynamics model, DeviceAdam optimizer, int batch) {
        if (batch < 1) throw new IllegalArgumentException("device train step: batch must be >= 1, got " + batch);
        this.model = model;
        this.optimizer = optimizer;
        this.device = model.device();
        this.batch = batch;
        int rows = model.members() * batch, out = model.outputWidth();
        this.pass = model.mlp().pass(batch, false, true);
        this.x = device.allocate(DeviceBuffer.Kind.FLOAT, rows * model.inputWidth());
        this.y = device.allocate(DeviceBuffer.Kind.FLOAT, rows * out);
        this.nll = device.allocate(DeviceBuffer.Kind.FLOAT, rows * out);
        this.dRaw = device.allocate(DeviceBuffer.Kind.FLOAT, rows * 2 * out);
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
        if (nTrain < 1 || lossRows < 1) {
            throw new IllegalArgumentException("device train step: nTrain and lossRows must be >= 1, got " + nTrain + ", " + lossRows);
        }
        if (order.length() < (long) model.members() * nTrain || losses.length() < lossRows) {
            throw new IllegalArgumentException("device train step: order must hold E x nTrain = " + (long) model.members() * nTrain
                    + " and losses " + lossRows + " values, got " + order.length() + " and " + losses.length());
        }
        if (graph != null) graph.close();
        graph = device.capture(() -> launch(inputs, targets, order, nTrain, losses, lossRows));
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

    private void launch(DeviceBuffer inputs, DeviceBuffer targets, DeviceBuffer order, int nTrain, DeviceBuffer losses,
                        int lossRows) {
        int e = model.members(), out = model.outputWidth();
        float w = (1f / out) * (1f / batch);   // the loss's 1/B then 1/(ds + 1), as the tape's gradient
        DeviceBuffer p = model.params().data();
        device.gatherMemberRows(e, batch, model.inputWidth(), order, nTrain, counters, BATCH_COUNTER, inputs, x);
        device.gatherMemberRows(e, batch, out, order, nTrain, counters, BATCH_COUNTER, targets, y);
        model.mlp().forward(pass, p, x, 0);
        device.gaussianNll(e * batch, out, pass.out(), y, p, model.maxLogVarOffset(), model.minLogVarOffset(), w, nll, dRaw);
        device.sum(e * batch * out, nll, 0, w, loss, 0);
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
        loss.close();
        counters.close();
    }
}
