package org.vaml4j.mbrl.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.Graph;
import org.vaml4j.nn.device.DeviceMlp;

/**
 * The hold-out of one training call on the device ({@code ModelTrainer}'s {@code Validation}):
 * every member predicts the same V held-out transitions with one shared-input forward.
 * {@link #load} gathers, once per call, their normalized inputs (V x in) and standardized targets
 * (V x out) from the uploaded data, and the targets repeated per member (E x V x out) for the NLL.
 * {@link #memberMse} (every epoch) replays a captured graph and downloads E floats.
 */
final class DeviceValidation implements AutoCloseable {

    private final DeviceDynamics model;
    private final Device device;
    private int capacity;              // rows the buffers hold
    private int rows;                  // V of the current call
    private DeviceMlp.Pass pass;       // shared input, no grad
    private DeviceBuffer index;        // (V) INT rows of the held-out transitions
    private DeviceBuffer x;            // (V x in)
    private DeviceBuffer y;            // (V x out)
    private DeviceBuffer yMembers;     // (E x V x out)
    private DeviceBuffer nll;          // (E x V x out)
    private DeviceBuffer dRaw;         // (E x V x 2 out) unused gradient of the NLL kernel
    private final DeviceBuffer mse;    // (E)
    private final DeviceBuffer sums;   // (E) NLL sums
    private Graph mseGraph;

    DeviceValidation(DeviceDynamics model) {
        this.model = model;
        this.device = model.device();
        this.mse = device.allocate(DeviceBuffer.Kind.FLOAT, model.members());
        this.sums = device.allocate(DeviceBuffer.Kind.FLOAT, model.members());
    }

    /** Rows {@code heldOut} of {@code inputs} (n x in) and {@code targets} (n x out) become the hold-out. */
    void load(DeviceBuffer inputs, DeviceBuffer targets, int[] heldOut) {
        if (heldOut.length < 1) throw new IllegalArgumentException("device validation: the hold-out is empty");
        int e = model.members(), in = model.inputWidth(), out = model.outputWidth();
        rows = heldOut.length;
        reserve(rows);
        device.upload(heldOut, 0, index, 0, rows);
        device.gatherRows(rows, in, index, 0, inputs, 0, x, 0);
        device.gatherRows(rows, out, index, 0, targets, 0, y, 0);
        if (model.gaussian()) for (int m = 0; m < e; m++) device.copy(y, 0, yMembers, m * rows * out, rows * out);
        if (mseGraph != null) mseGraph.close();
        mseGraph = device.capture(() -> {
            forward();
            device.memberMse(e, rows, out, pass.out(), model.networkOutputWidth(), y, model.targetStd(), mse);
        });
    }

    /** (E) each member's mean over rows and outputs of (mean - [s' - s, r])^2, raw units. */
    double[] memberMse() {
        mseGraph.replay();
        return download(mse, 1);
    }

    /** (E) each member's mean over rows and outputs of the NLL {@code d^2 exp(-lv) + lv}, standardized units; Gaussian heads only. */
    double[] memberNll() {
        if (!model.gaussian()) throw new IllegalStateException("device validation: a deterministic model has no NLL");
        int e = model.members(), out = model.outputWidth();
        forward();
        device.gaussianNll(e * rows, out, pass.out(), yMembers, model.params().data(), model.maxLogVarOffset(),
                model.minLogVarOffset(), 0f, nll, dRaw);
        for (int m = 0; m < e; m++) device.sum(rows * out, nll, m * rows * out, 1f, sums, m);
        return download(sums, (double) rows * out);
    }

    private void forward() {
        model.mlp().forward(pass, model.params().data(), x, 0, rows);
    }

    private double[] download(DeviceBuffer b, double divisor) {
        float[] v = new float[model.members()];
        device.download(b, 0, v, 0, v.length);
        double[] d = new double[v.length];
        for (int m = 0; m < v.length; m++) d[m] = v[m] / divisor;
        return d;
    }

    private void reserve(int needed) {
        int grown = Capacity.rows(capacity, needed);
        if (grown == capacity) return;
        closeRows();
        capacity = grown;
        int e = model.members(), in = model.inputWidth(), out = model.outputWidth();
        pass = model.mlp().pass(capacity, true, false);
        index = device.allocate(DeviceBuffer.Kind.INT, capacity);
        x = device.allocate(DeviceBuffer.Kind.FLOAT, capacity * in);
        y = device.allocate(DeviceBuffer.Kind.FLOAT, capacity * out);
        boolean nllBuffers = model.gaussian();   // the NLL's workspace, Gaussian heads only
        yMembers = device.allocate(DeviceBuffer.Kind.FLOAT, nllBuffers ? e * capacity * out : 1);
        nll = device.allocate(DeviceBuffer.Kind.FLOAT, nllBuffers ? e * capacity * out : 1);
        dRaw = device.allocate(DeviceBuffer.Kind.FLOAT, nllBuffers ? e * capacity * 2 * out : 1);
    }

    private void closeRows() {
        if (pass == null) return;
        pass.close();
        index.close();
        x.close();
        y.close();
        yMembers.close();
        nll.close();
        dRaw.close();
    }

    @Override
    public void close() {
        if (mseGraph != null) mseGraph.close();
        closeRows();
        mse.close();
        sums.close();
    }
}
