package org.vaml4j.nn.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.nn.AdamConfig;
import org.vaml4j.nn.AdamState;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.WeightDecay;

/**
 * {@code org.vaml4j.nn.Adam} on the device: moments in device buffers, the step count in a
 * device counter (so a captured step needs no host value), coupled weight decay per element.
 * {@link #step} launches two kernels; {@link #upload}/{@link #download} move the state to and
 * from a host optimizer for checkpoints.
 */
public final class DeviceAdam implements AutoCloseable {

    private final Device device;
    private final DeviceParams params;
    private final AdamConfig config;
    private final DeviceBuffer m;
    private final DeviceBuffer v;
    private final DeviceBuffer decay;      // per element, null without decay
    private final DeviceBuffer steps;      // (1) INT step count

    public DeviceAdam(DeviceParams params, Params layout, AdamConfig config, WeightDecay decay) {
        this.device = params.device();
        this.params = params;
        this.config = config;
        int n = params.size();
        this.m = device.allocate(DeviceBuffer.Kind.FLOAT, n);
        this.v = device.allocate(DeviceBuffer.Kind.FLOAT, n);
        this.steps = device.allocate(DeviceBuffer.Kind.INT, 1);
        float[] perEntry = decay.coefficients(layout);
        boolean any = false;
        for (float c : perEntry) any |= c != 0f;
        if (any) {
            float[] perElement = new float[n];
            for (int i = 0; i < perEntry.length; i++) {
                Params.Entry e = layout.entries().get(i);
                java.util.Arrays.fill(perElement, e.offset(), e.offset() + e.size(), perEntry[i]);
            }
            this.decay = device.allocate(DeviceBuffer.Kind.FLOAT, n);
            device.upload(perElement, 0, this.decay, 0, n);
        } else {
            this.decay = null;
        }
    }

    /** One step on the gradients in {@code params.grad()} (launches only: capturable). */
    public void step() {
        device.increment(steps, 0);
        device.adam(params.size(), params.data(), 0, params.grad(), 0, m, v, 0, decay, (float) config.lr(),
                (float) config.beta1(), (float) config.beta2(), (float) config.eps(), steps, 0);
    }

    /** The host optimizer's moments and step count to the device. */
    public void upload(AdamState host) {
        device.upload(host.moment1(), 0, m, 0, params.size());
        device.upload(host.moment2(), 0, v, 0, params.size());
        device.upload(new int[] {Math.toIntExact(host.steps())}, 0, steps, 0, 1);
    }

    /** The device moments and step count into the host optimizer. */
    public void download(AdamState host) {
        device.download(m, 0, host.moment1(), 0, params.size());
        device.download(v, 0, host.moment2(), 0, params.size());
        int[] t = new int[1];
        device.download(steps, 0, t, 0, 1);
        host.restoreSteps(t[0]);
    }

    @Override
    public void close() {
        m.close();
        v.close();
        steps.close();
        if (decay != null) decay.close();
    }
}
