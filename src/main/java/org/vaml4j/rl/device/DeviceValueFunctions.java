package org.vaml4j.rl.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.nn.device.DeviceMlp;
import org.vaml4j.nn.device.DeviceParams;

/**
 * SAC's four value functions on the device, as the model losses see them on the host
 * ({@code org.vaml4j.rl.SacValueFunctions}): {@code V_k(s) = Q_k(s, tanh(mu(s)))} with the action
 * a constant, k = 0, 1 the critics and 2, 3 the target critics. Reads the agent's device
 * parameters ({@link DeviceSac}'s actor, critics, target critics) and never changes them, so it
 * lives on the agent's {@link Device}; {@link DeviceSac} makes it and closes it.
 *
 * <p>{@link #gradients} computes {@code g_k(s) = dV_k/ds} (unclipped) in chunks of at most
 * {@value #CHUNK} rows: the actor's mean action ({@link Device#tanhGaussian} with zero noise is
 * {@code tanh(mu)}), the critic input {@code [s, a]} repeated for both members of a critic pair (a
 * per-member-input pass, so each value function's input gradient stays its own; a shared-input
 * pass would sum them), and a backward from {@code dQ = 1} with no parameter gradients, of which
 * the first ds columns of dx are the state gradient. Rows are independent, so a last short chunk
 * is computed as the last full chunk, overlapping the one before (the same bits for the same rows).
 */
public final class DeviceValueFunctions implements AutoCloseable {

    /** Value functions: two critics, two target critics. */
    public static final int COUNT = 4;

    /** Rows per gradient pass. */
    static final int CHUNK = 4096;

    private final Device device;
    private final DeviceMlp actorNet, criticNet;
    private final DeviceParams actor, critic, target;
    private final int obsDim, actDim;
    private final float logStdMin, logStdMax;
    private int rows;                                    // rows of the passes below (0: none yet)
    private DeviceMlp.Pass actorPass, criticPass;
    private DeviceBuffer zeros, action, logProb, x, ones, dx, pair, pairTarget;

    DeviceValueFunctions(Device device, DeviceMlp actorNet, DeviceParams actor, DeviceMlp criticNet, DeviceParams critic,
                         DeviceParams target, int obsDim, int actDim, float logStdMin, float logStdMax) {
        this.device = device;
        this.actorNet = actorNet;
        this.criticNet = criticNet;
        this.actor = actor;
        this.critic = critic;
        this.target = target;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.logStdMin = logStdMin;
        this.logStdMax = logStdMax;
    }

    public Device device() { return device; }

    public int count() { return COUNT; }

    public int stateDim() { return obsDim; }

    /**
     * {@code out[(i COUNT + k) ds + j] = dV_k/ds_j} at row i of {@code states} ((n x ds) from
     * offset 0): each row's four gradients side by side, (n x COUNT x ds). Only launches kernels.
     */
    public void gradients(DeviceBuffer states, int n, DeviceBuffer out) {
        if (n < 1) throw new IllegalArgumentException("device value gradients: n must be >= 1, got " + n);
        if (states.length() < (long) n * obsDim || out.length() < (long) n * COUNT * obsDim) {
            throw new IllegalArgumentException("device value gradients: " + n + " rows need " + (long) n * obsDim + " states and "
                    + (long) n * COUNT * obsDim + " outputs, got " + states.length() + " and " + out.length());
        }
        reserve(Math.min(n, CHUNK));
        for (int start = 0; start < n; start += rows) {
            chunk(states, Math.min(start, n - rows), out);
        }
    }

    /** The gradients of rows [r0, r0 + rows) of states. */
    private void chunk(DeviceBuffer states, int r0, DeviceBuffer out) {
        int c = rows, ds = obsDim, a = actDim, w = ds + a;
        actorNet.forward(actorPass, actor.data(), states, r0 * ds);
        device.tanhGaussian(c, a, actorPass.out(), 0, zeros, 0, logStdMin, logStdMax, action, 0, logProb, 0);
        for (int m = 0; m < 2; m++) device.concatColumns(c, states, r0 * ds, ds, ds, action, 0, a, a, x, m * c * w);
        DeviceBuffer[] pairs = {pair, pairTarget};
        DeviceParams[] nets = {critic, target};
        for (int t = 0; t < 2; t++) {
            criticNet.forward(criticPass, nets[t].data(), x, 0);
            criticNet.backward(criticPass, nets[t].data(), x, 0, ones, 0, null, dx, 0);
            // [dQ_0/ds, dQ_1/ds] per row (c x 2 ds): member m's dx rows are (c x w) at m c w
            device.concatColumns(c, dx, 0, ds, w, dx, c * w, ds, w, pairs[t], 0);
        }
        device.concatColumns(c, pair, 0, 2 * ds, 2 * ds, pairTarget, 0, 2 * ds, 2 * ds, out, r0 * COUNT * ds);
    }

    private void reserve(int needed) {
        if (needed == rows) return;
        closePasses();
        rows = needed;
        int ds = obsDim, a = actDim, w = ds + a;
        actorPass = actorNet.pass(rows, true, false);
        criticPass = criticNet.pass(rows, false, true);
        zeros = f(rows * a);
        action = f(rows * a);
        logProb = f(rows);
        x = f(2 * rows * w);
        ones = f(2 * rows);
        device.fill(ones, 0, 2 * rows, 1f);
        dx = f(2 * rows * w);
        pair = f(rows * 2 * ds);
        pairTarget = f(rows * 2 * ds);
    }

    private DeviceBuffer f(int n) {
        return device.allocate(DeviceBuffer.Kind.FLOAT, n);
    }

    private void closePasses() {
        if (rows == 0) return;
        actorPass.close();
        criticPass.close();
        for (DeviceBuffer b : new DeviceBuffer[] {zeros, action, logProb, x, ones, dx, pair, pairTarget}) b.close();
        rows = 0;
    }

    @Override
    public void close() {
        closePasses();
    }
}
