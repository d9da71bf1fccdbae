package org.vaml4j.nn.device;

import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.nn.Params;

/**
 * An E-member MLP (E = 1 for a plain {@code Mlp}) on device buffers, with the layout of
 * {@code org.vaml4j.nn.Mlp} / {@code EnsembleMlp}: layer i has weights {@code <name>.l<i>.w}
 * ((E x) in x out) and biases {@code <name>.l<i>.b} ((E x) out) in one parameter buffer.
 *
 * <p>The autodiff tape's job is done here by hand for this one graph shape: {@link #forward} keeps,
 * per layer, the output y and (when training, for a non-identity activation) the pre-activation z
 * in the {@link Pass}; {@link #backward} runs, from the top, {@code dz = dy act'(z)},
 * {@code dW[e] = y_prev[e]^T dz[e]}, {@code db[e] = colsum(dz[e])}, {@code dy_prev[e] = dz[e] W[e]^T}
 * (the same rules as {@code autodiff.ops.Dense}), gradients overwritten, not accumulated.
 * Every call only launches kernels, so it can be captured.
 */
public final class DeviceMlp {

    private final Device device;
    private final int members;
    private final int[] sizes;          // in, hidden..., out
    private final Activation[] acts;    // per layer
    private final int[] wOff;           // per layer, offset of the weights in the parameter buffer
    private final int[] bOff;           // per layer, offset of the biases

    /**
     * The network {@code name} of {@code layout} with {@code members} members and layer widths
     * {@code sizes} (in, hidden..., out): hidden layers use {@code hidden}, the last {@code output}.
     */
    public DeviceMlp(Device device, Params layout, String name, int members, int[] sizes, Activation hidden, Activation output) {
        if (members < 1 || sizes.length < 2) throw new IllegalArgumentException("device mlp: need members >= 1 and >= 2 sizes");
        this.device = device;
        this.members = members;
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        this.acts = new Activation[layers];
        this.wOff = new int[layers];
        this.bOff = new int[layers];
        for (int i = 0; i < layers; i++) {
            acts[i] = i == layers - 1 ? output : hidden;
            Params.Entry w = layout.entry(name + ".l" + i + ".w"), b = layout.entry(name + ".l" + i + ".b");
            if (w.size() != members * sizes[i] * sizes[i + 1] || b.size() != members * sizes[i + 1]) {
                throw new IllegalArgumentException("device mlp '" + name + "': layer " + i + " is " + w + ", " + b + ", expected "
                        + members + " x " + sizes[i] + " x " + sizes[i + 1]);
            }
            wOff[i] = w.offset();
            bOff[i] = b.offset();
        }
    }

    public int members() { return members; }

    public int in() { return sizes[0]; }

    public int out() { return sizes[sizes.length - 1]; }

    /**
     * Workspace for up to {@code rows} rows per member. {@code sharedInput}: every member reads the
     * same (rows x in) input, else each its own (E x rows x in). {@code training}: keeps what
     * {@link #backward} needs; without it the hidden layers share two ping-pong buffers.
     */
    public Pass pass(int rows, boolean sharedInput, boolean training) {
        return new Pass(rows, sharedInput, training);
    }

    /** Activations of one forward pass (and the scratch of its backward pass). */
    public final class Pass implements AutoCloseable {
        private final int rows;
        private final boolean shared;
        private final boolean training;
        private final DeviceBuffer[] y;     // per layer (E x rows x out_i)
        private final DeviceBuffer[] z;     // per layer when training and act != IDENTITY, else null
        private final DeviceBuffer[] grad;  // two ping-pong (E x rows x maxWidth) buffers for dz / dy, training only

        private Pass(int rows, boolean shared, boolean training) {
            if (rows < 1) throw new IllegalArgumentException("device mlp pass: rows must be >= 1, got " + rows);
            this.rows = rows;
            this.shared = shared;
            this.training = training;
            int layers = acts.length;
            this.y = new DeviceBuffer[layers];
            this.z = new DeviceBuffer[layers];
            int maxWidth = 0;
            for (int i = 1; i < sizes.length; i++) maxWidth = Math.max(maxWidth, sizes[i]);
            DeviceBuffer[] pingPong = training ? null : new DeviceBuffer[2];
            for (int i = 0; i < layers; i++) {
                int n = members * rows * sizes[i + 1];
                if (training || i == layers - 1) {
                    y[i] = device.allocate(DeviceBuffer.Kind.FLOAT, n);
                } else {
                    if (pingPong[i % 2] == null) pingPong[i % 2] = device.allocate(DeviceBuffer.Kind.FLOAT, members * rows * maxWidth);
                    y[i] = pingPong[i % 2];
                }
                if (training && acts[i] != Activation.IDENTITY) z[i] = device.allocate(DeviceBuffer.Kind.FLOAT, n);
            }
            this.grad = training ? new DeviceBuffer[] {
                device.allocate(DeviceBuffer.Kind.FLOAT, members * rows * maxWidth),
                device.allocate(DeviceBuffer.Kind.FLOAT, members * rows * maxWidth)} : null;
        }

        public int rows() { return rows; }

        /** The network output (E x rows x out) of the last forward. */
        public DeviceBuffer out() { return y[y.length - 1]; }

        @Override
        public void close() {
            java.util.Set<DeviceBuffer> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (DeviceBuffer b : y) all.add(b);
            for (DeviceBuffer b : z) if (b != null) all.add(b);
            if (grad != null) java.util.Collections.addAll(all, grad);
            for (DeviceBuffer b : all) b.close();
        }
    }

    /** Forward of all {@code p.rows()} rows of x (at {@code xOff}) with the parameters in {@code params}. */
    public void forward(Pass p, DeviceBuffer params, DeviceBuffer x, int xOff) {
        forward(p, params, x, xOff, p.rows);
    }

    /**
     * Forward of the first {@code rows} rows (at most the pass's): the output is then packed as
     * (E x rows x out). Only a non-training pass may use fewer rows than it was made for.
     */
    public void forward(Pass p, DeviceBuffer params, DeviceBuffer x, int xOff, int rows) {
        if (rows < 1 || rows > p.rows || (p.training && rows != p.rows)) {
            throw new IllegalArgumentException("device mlp forward: " + rows + " rows for a pass of " + p.rows
                    + (p.training ? " (training passes use all rows)" : ""));
        }
        for (int i = 0; i < acts.length; i++) {
            int in = sizes[i], out = sizes[i + 1];
            DeviceBuffer src = i == 0 ? x : p.y[i - 1];
            int off = i == 0 ? xOff : 0;
            int stride = i == 0 && p.shared ? 0 : rows * in;
            device.dense(members, rows, out, in, src, off, stride, params, wOff[i], params, bOff[i], acts[i], p.z[i], 0, p.y[i], 0);
        }
    }

    /**
     * Backward of the last training forward of {@code p}, from the output gradient {@code dOut}
     * (E x rows x out, at {@code dOutOff}; read only). Writes the parameter gradients into
     * {@code grads} (the parameter layout; null: none are computed) and the input gradient into
     * {@code dx} (null: none): (rows x in) summed over the members in member order for a shared input,
     * else (E x rows x in). {@code x} is the input of that forward.
     */
    public void backward(Pass p, DeviceBuffer params, DeviceBuffer x, int xOff, DeviceBuffer dOut, int dOutOff,
                         DeviceBuffer grads, DeviceBuffer dx, int dxOff) {
        if (!p.training) throw new IllegalArgumentException("device mlp backward: the pass was made without training");
        int rows = p.rows, last = acts.length - 1;
        DeviceBuffer dz = dOut;
        int dzOff = dOutOff;
        if (acts[last] != Activation.IDENTITY) {
            int n = members * rows * sizes[last + 1];
            device.activationBackward(acts[last], n, p.z[last], 0, p.y[last], 0, dOut, dOutOff, p.grad[0], 0);
            dz = p.grad[0];
            dzOff = 0;
        }
        int next = dz == p.grad[0] ? 1 : 0;   // scratch the next dy goes to
        for (int i = last; i >= 0; i--) {
            int in = sizes[i], out = sizes[i + 1];
            boolean input = i == 0;
            DeviceBuffer prev = input ? x : p.y[i - 1];
            int prevOff = input ? xOff : 0;
            int prevStride = input && p.shared ? 0 : rows * in;
            if (grads != null) {
                // dW[e] (in x out) = y_prev[e]^T dz[e];  db[e] = colsum(dz[e])
                device.gemm(members, true, false, in, out, rows, 1f, prev, prevOff, prevStride, dz, dzOff, rows * out,
                        0f, grads, wOff[i], in * out);
                device.columnSums(members, rows, out, dz, dzOff, grads, bOff[i], false);
            }
            if (!input) {
                // dy_prev[e] (rows x in) = dz[e] W[e]^T, then dz_prev = dy_prev act'(z_prev) in place
                DeviceBuffer dy = p.grad[next];
                device.gemm(members, false, true, rows, in, out, 1f, dz, dzOff, rows * out, params, wOff[i], in * out,
                        0f, dy, 0, rows * in);
                device.activationBackward(acts[i - 1], members * rows * in, p.z[i - 1], 0, p.y[i - 1], 0, dy, 0, dy, 0);
                dz = dy;
                dzOff = 0;
                next = 1 - next;
            } else if (dx != null) {
                if (p.shared) {
                    // dx = sum_e dz[e] W[e]^T, member after member (a fixed order)
                    for (int e = 0; e < members; e++) {
                        device.gemm(1, false, true, rows, in, out, 1f, dz, dzOff + e * rows * out, 0, params,
                                wOff[0] + e * in * out, 0, e == 0 ? 0f : 1f, dx, dxOff, 0);
                    }
                } else {
                    device.gemm(members, false, true, rows, in, out, 1f, dz, dzOff, rows * out, params, wOff[0], in * out,
                            0f, dx, dxOff, rows * in);
                }
            }
        }
    }
}
