package org.vaml4j.mbrl.device;

import java.util.Arrays;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelStatistics;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.device.DeviceMlp;

/**
 * Predictions of M chosen members of a {@link DeviceDynamics} (the elites, for MBPO's rollouts; or
 * all members) for N rows of (s, a) already on the device, every member seeing every row: the
 * mean and the bounded log-variance of {@code [s' - s, r]} in raw units, as
 * {@link DynamicsEnsemble#predict}. With in = ds + da, out = ds + 1:
 * <pre>
 *   x    = (concat(s, a) - mean) * invStd         concat, then two dense layers ({@link DeviceDynamics#inputAffine})
 *   raw  = mlp(x)                                 one shared-input forward of the M members    (M x N x 2 out)
 *   mean = m_y + sigma_y raw[:, :out]             a dense layer with weights [diag(sigma_y); 0]
 *   t    = softplus(hi - raw[:, out:])            weights [0; -I], bias hi
 *   u    = softplus((hi - lo) - t)                weights -I, bias hi - lo
 *   lv   = u + lo + 2 log sigma_y                 weights I, bias lo + 2 log sigma_y
 * </pre>
 * (the bounded log-variance {@code lo + softplus(hi - softplus(hi - raw) - lo)} plus the shift of
 * standardized targets). The affine steps are dense layers with diagonal or selecting weights
 * because the instruction set's dense layer is its fused affine-plus-activation.
 *
 * <p>{@link #predict} only launches kernels, so it can be captured in a rollout graph. The
 * members' parameters and the output statistics are copies made by {@link #useMembers}: call it
 * again after every training (as {@code ModelRollouts.useMembers}); the input statistics are read
 * from the model's device buffer at every prediction.
 */
public final class DevicePredictor implements AutoCloseable {

    private final DeviceDynamics model;
    private final Device device;
    private final int members;
    private final int maxRows;
    private final int in;
    private final int out;
    private final Params layout;           // an M-member model's parameter layout
    private final DeviceBuffer params;     // the chosen members' parameters in that layout
    private final DeviceMlp mlp;
    private final DeviceMlp.Pass pass;     // shared input, no grad
    private final DeviceBuffer x;          // (maxRows x in) concat(s, a), then the normalized inputs
    private final DeviceBuffer centred;    // (maxRows x in) concat(s, a) - mean
    private final DeviceBuffer head;       // the output layers' weights and biases, see HeadLayout
    private final DeviceBuffer mean;       // (M x rows x out)
    private final DeviceBuffer logVar;     // (M x rows x out)
    private final HeadLayout hl;

    /** Predicts with the members {@code which} of {@code model} (copied now), for up to {@code maxRows} rows per call. */
    public DevicePredictor(DeviceDynamics model, int[] which, int maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("device predictor: maxRows must be >= 1, got " + maxRows);
        if (which == null || which.length < 1) throw new IllegalArgumentException("device predictor: choose at least one member");
        if (!model.gaussian()) {
            throw new IllegalArgumentException("device predictor: the model must have a gaussian head (deterministic models roll out on the host)");
        }
        this.model = model;
        this.device = model.device();
        this.members = which.length;
        this.maxRows = maxRows;
        this.in = model.inputWidth();
        this.out = model.outputWidth();
        this.layout = model.host().withMembers(members).params();
        this.params = device.allocate(DeviceBuffer.Kind.FLOAT, layout.size());
        this.mlp = model.network(layout, members);
        this.pass = mlp.pass(maxRows, true, false);
        this.x = device.allocate(DeviceBuffer.Kind.FLOAT, maxRows * in);
        this.centred = device.allocate(DeviceBuffer.Kind.FLOAT, maxRows * in);
        this.hl = new HeadLayout(members, out);
        this.head = device.allocate(DeviceBuffer.Kind.FLOAT, hl.size);
        this.mean = device.allocate(DeviceBuffer.Kind.FLOAT, members * maxRows * out);
        this.logVar = device.allocate(DeviceBuffer.Kind.FLOAT, members * maxRows * out);
        useMembers(which);
    }

    /** Members predicted by each call (M). */
    public int members() { return members; }

    /** Most rows per call. */
    public int maxRows() { return maxRows; }

    /**
     * Copies members {@code which} (M distinct members of the model) and the model's current
     * output statistics; device-to-device copies and one small upload (not capturable).
     */
    public void useMembers(int[] which) {
        if (which.length != members) {
            throw new IllegalArgumentException("device predictor: made for " + members + " members, got " + which.length);
        }
        boolean[] seen = new boolean[model.members()];
        for (int m : which) {
            if (m < 0 || m >= model.members() || seen[m]) {
                throw new IllegalArgumentException("device predictor: members must be distinct in [0, " + model.members() + "), got "
                        + Arrays.toString(which));
            }
            seen[m] = true;
        }
        for (int i = 0; i < members; i++) model.copyMember(model.params().data(), which[i], layout, params, i);
        device.upload(hl.values(model.host()), 0, head, 0, hl.size);
    }

    /**
     * Predicts rows {@code [0, rows)} of {@code states} (rows x ds, at {@code sOff}) and
     * {@code actions} (rows x da, at {@code aOff}) into {@link #mean()} and {@link #logVar()}
     * ((M x rows x (ds + 1)), packed for this {@code rows}). Launches only.
     */
    public void predict(DeviceBuffer states, int sOff, DeviceBuffer actions, int aOff, int rows) {
        if (rows < 1 || rows > maxRows) {
            throw new IllegalArgumentException("device predictor: rows must be in [1, " + maxRows + "], got " + rows);
        }
        int ds = model.host().stateDim(), da = model.host().actionDim(), m = members;
        DeviceBuffer affine = model.inputAffine();
        int scaleOff = in * in + in;
        device.concatColumns(rows, states, sOff, ds, ds, actions, aOff, da, da, x, 0);
        device.dense(1, rows, in, in, x, 0, 0, affine, 0, affine, in * in, Activation.IDENTITY, null, 0, centred, 0);
        device.dense(1, rows, in, in, centred, 0, 0, affine, scaleOff, affine, scaleOff + in * in, Activation.IDENTITY, null, 0, x, 0);
        mlp.forward(pass, params, x, 0, rows);
        DeviceBuffer raw = pass.out();
        int rawStride = rows * 2 * out, outStride = rows * out;
        // the mean buffer is scratch for u until the mean is written last
        device.dense(m, rows, out, 2 * out, raw, 0, rawStride, head, hl.tW, head, hl.tB, Activation.SOFTPLUS, null, 0, logVar, 0);
        device.dense(m, rows, out, out, logVar, 0, outStride, head, hl.uW, head, hl.uB, Activation.SOFTPLUS, null, 0, mean, 0);
        device.dense(m, rows, out, out, mean, 0, outStride, head, hl.lvW, head, hl.lvB, Activation.IDENTITY, null, 0, logVar, 0);
        device.dense(m, rows, out, 2 * out, raw, 0, rawStride, head, hl.meanW, head, hl.meanB, Activation.IDENTITY, null, 0, mean, 0);
    }

    /** (M x rows x (ds + 1)) the predicted mean of {@code [s' - s, r]} of the last {@link #predict}, raw units. */
    public DeviceBuffer mean() { return mean; }

    /** (M x rows x (ds + 1)) its bounded log-variance, raw units. */
    public DeviceBuffer logVar() { return logVar; }

    @Override
    public void close() {
        pass.close();
        params.close();
        x.close();
        centred.close();
        head.close();
        mean.close();
        logVar.close();
    }

    /** Offsets of the four output layers' weights (M x k x out) and biases (M x out) in one buffer, and their values. */
    private static final class HeadLayout {
        final int members, out;
        final int meanW, meanB, tW, tB, uW, uB, lvW, lvB, size;

        HeadLayout(int members, int out) {
            this.members = members;
            this.out = out;
            int wide = members * 2 * out * out, square = members * out * out, bias = members * out;
            meanW = 0;
            meanB = meanW + wide;
            tW = meanB + bias;
            tB = tW + wide;
            uW = tB + bias;
            uB = uW + square;
            lvW = uB + bias;
            lvB = lvW + square;
            size = lvB + bias;
        }

        /** The values for the host model's statistics and log-variance bounds, each member's block the same. */
        float[] values(DynamicsEnsemble host) {
            ModelStatistics s = host.statistics();
            float[] my = s.targetMean(), sy = s.targetStd(), shift = s.logVarShift();
            Params p = host.params();
            int hiOff = p.entry(host.maxLogVarName()).offset(), loOff = p.entry(host.minLogVarName()).offset();
            float[] v = new float[size];
            for (int e = 0; e < members; e++) {
                for (int j = 0; j < out; j++) {
                    float hi = p.data()[hiOff + j], lo = p.data()[loOff + j];
                    v[meanW + e * 2 * out * out + j * out + j] = sy[j];              // rows 0..out-1 of [diag(sigma); 0]
                    v[meanB + e * out + j] = my[j];
                    v[tW + e * 2 * out * out + (out + j) * out + j] = -1f;          // rows out..2out-1 of [0; -I]
                    v[tB + e * out + j] = hi;
                    v[uW + e * out * out + j * out + j] = -1f;
                    v[uB + e * out + j] = hi - lo;
                    v[lvW + e * out * out + j * out + j] = 1f;
                    v[lvB + e * out + j] = lo + shift[j];
                }
            }
            return v;
        }
    }
}
