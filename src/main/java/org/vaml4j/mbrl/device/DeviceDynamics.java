package org.vaml4j.mbrl.device;

import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.ModelStatistics;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.device.DeviceMlp;
import org.vaml4j.nn.device.DeviceParams;

/**
 * The device copy of a {@link DynamicsEnsemble}: its parameters in the host layout
 * ({@link DeviceParams}, a Gaussian head's log-variance bounds included), its E-member network as a
 * {@link DeviceMlp}, and its statistics as small device buffers:
 * <ul>
 *   <li>{@link #inputAffine()}: the input normalization {@code (x - mean) * invStd} as two dense
 *       layers, [I (in x in), -mean (in), diag(invStd) (in x in), 0 (in)], so a prediction
 *       normalizes its inputs on the device with the same float operations as the host model;</li>
 *   <li>{@link #targetStd()} (ds + 1): sigma_y, the scale of the validation error in raw units.</li>
 * </ul>
 * Supported: {@link ModelHead#GAUSSIAN} with fixed bounds ({@code learnLogVarBounds} false, the
 * default; the network outputs mean and raw log-variance, 2 (ds + 1)) and
 * {@link ModelHead#DETERMINISTIC} (the network outputs the mean, ds + 1), either
 * {@link org.vaml4j.mbrl.TargetNormalization}. The host model keeps the
 * statistics (fitted on the host) and the elites; the device copy is authoritative for the
 * parameters while a device trainer runs, {@link #download} brings them back to the host and
 * {@link #upload} sends a changed host model (a loaded checkpoint) to the device.
 */
public final class DeviceDynamics implements AutoCloseable {

    private final Device device;
    private final DynamicsEnsemble host;
    private final DeviceParams params;
    private final DeviceMlp mlp;
    private final int in;
    private final int out;
    private final DeviceBuffer inputAffine;
    private final DeviceBuffer targetStd;

    /** Allocates the device copy of {@code host} on {@code device} and uploads its parameters and statistics. */
    public DeviceDynamics(Device device, DynamicsEnsemble host) {
        if (device == null || host == null) throw new IllegalArgumentException("device dynamics: device and model must not be null");
        requireSupported(host.config());
        this.device = device;
        this.host = host;
        this.in = host.stateDim() + host.actionDim();
        this.out = host.stateDim() + 1;
        this.params = new DeviceParams(device, host.params());
        this.mlp = network(host.params(), host.members());
        this.inputAffine = device.allocate(DeviceBuffer.Kind.FLOAT, 2 * (in * in + in));
        this.targetStd = device.allocate(DeviceBuffer.Kind.FLOAT, out);
        uploadStatistics();
    }

    /**
     * Checks that a model of {@code config} has a device copy.
     *
     * @throws IllegalArgumentException naming the unsupported setting
     */
    public static void requireSupported(DynamicsConfig config) {
        if (config.head() != ModelHead.GAUSSIAN && config.head() != ModelHead.DETERMINISTIC) {
            throw new IllegalArgumentException("device dynamics: head must be gaussian or deterministic, got " + config.head().id());
        }
        if (config.head() == ModelHead.GAUSSIAN && config.learnLogVarBounds()) {
            throw new IllegalArgumentException("device dynamics: learnLogVarBounds must be false (fixed log-variance bounds), got true");
        }
    }

    public Device device() { return device; }

    /** The host model: statistics, elites, and the host copy of the parameters. */
    public DynamicsEnsemble host() { return host; }

    public DeviceParams params() { return params; }

    /** The E-member network on {@link #params()}. */
    public DeviceMlp mlp() { return mlp; }

    public int members() { return host.members(); }

    /** Input width ds + da. */
    public int inputWidth() { return in; }

    /** State width ds. */
    public int stateWidth() { return out - 1; }

    /** Outputs ds + 1 (a Gaussian head's network has twice as many: mean and raw log-variance). */
    public int outputWidth() { return out; }

    /** True for a Gaussian head (mean and log-variance), false for a deterministic one (the mean). */
    public boolean gaussian() { return host.probabilistic(); }

    /** Columns of the network's output: 2 (ds + 1) for a Gaussian head, ds + 1 for a deterministic one; the mean comes first. */
    public int networkOutputWidth() { return gaussian() ? 2 * out : out; }

    /** Offset of the upper log-variance bounds (ds + 1) in {@link #params()}; Gaussian heads only. */
    public int maxLogVarOffset() { return params.offset(host.maxLogVarName()); }

    /** Offset of the lower log-variance bounds in {@link #params()}. */
    public int minLogVarOffset() { return params.offset(host.minLogVarName()); }

    /** (2 (in x in + in)) the input normalization as two dense layers: [I, -mean, diag(invStd), 0]. */
    public DeviceBuffer inputAffine() { return inputAffine; }

    /** (ds + 1) sigma_y (1 when the targets are not standardized). */
    public DeviceBuffer targetStd() { return targetStd; }

    /**
     * A network of this architecture with {@code members} members on parameters of {@code layout}
     * (this model's, or one of {@link DynamicsEnsemble#withMembers}): SiLU hidden layers, linear output.
     */
    DeviceMlp network(Params layout, int members) {
        int layers = host.config().hiddenLayers();
        int[] sizes = new int[layers + 2];
        sizes[0] = in;
        for (int i = 1; i <= layers; i++) sizes[i] = host.config().hiddenWidth();
        sizes[layers + 1] = networkOutputWidth();
        return new DeviceMlp(device, layout, host.networkName(), members, sizes, Activation.SILU, Activation.IDENTITY);
    }

    /** Host parameters and statistics to the device. */
    public void upload() {
        params.upload(host.params());
        uploadStatistics();
    }

    /** The host model's current statistics to the device (after they were refit). */
    public void uploadStatistics() {
        ModelStatistics s = host.statistics();
        float[] mean = s.inputMean(), invStd = s.inputInvStd();
        float[] affine = new float[2 * (in * in + in)];
        int scaleOff = in * in + in;
        for (int j = 0; j < in; j++) {
            affine[j * in + j] = 1f;
            affine[in * in + j] = -mean[j];
            affine[scaleOff + j * in + j] = invStd[j];
        }
        device.upload(affine, 0, inputAffine, 0, affine.length);
        device.upload(s.targetStd(), 0, targetStd, 0, out);
    }

    /** Device parameters to the host model. */
    public void download() {
        params.download(host.params());
    }

    /**
     * Device-to-device copy of member {@code from} of {@code src} (this model's layout) into member
     * {@code to} of {@code dst}, whose layout {@code dstLayout} has the same architecture and any
     * number of members (a snapshot, or the elites of a {@link DevicePredictor}).
     */
    public void copyMember(DeviceBuffer src, int from, Params dstLayout, DeviceBuffer dst, int to) {
        Params layout = host.params();
        for (String name : host.memberEntries()) {
            Params.Entry a = layout.entry(name), b = dstLayout.entry(name);
            int per = a.size() / a.shape()[0];
            if (per != b.size() / b.shape()[0]) throw new IllegalArgumentException("device copyMember: layouts differ at " + name);
            if (from < 0 || from >= a.shape()[0] || to < 0 || to >= b.shape()[0]) {
                throw new IllegalArgumentException("device copyMember: member " + from + " of " + a.shape()[0] + " to " + to + " of "
                        + b.shape()[0]);
            }
            device.copy(src, a.offset() + from * per, dst, b.offset() + to * per, per);
        }
    }

    /** Frees the device buffers (the host model stays). */
    @Override
    public void close() {
        params.close();
        inputAffine.close();
        targetStd.close();
    }
}
