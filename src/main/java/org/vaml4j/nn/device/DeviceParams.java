package org.vaml4j.nn.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.nn.Params;

/**
 * The device copy of a {@link Params}: values and gradients in two device buffers with the host
 * layout (entry offsets are the same), so every mechanism that works on the flat host buffer (the
 * optimizer step, the Polyak average, save and load) is one device call over one range.
 */
public final class DeviceParams implements AutoCloseable {

    private final Device device;
    private final Params layout;
    private final DeviceBuffer data;
    private final DeviceBuffer grad;

    /** Allocates the device buffers for {@code host}'s layout and uploads its values. */
    public DeviceParams(Device device, Params host) {
        this.device = device;
        this.layout = host;
        this.data = device.allocate(DeviceBuffer.Kind.FLOAT, host.size());
        this.grad = device.allocate(DeviceBuffer.Kind.FLOAT, host.size());
        upload(host);
    }

    public Device device() { return device; }

    public int size() { return layout.size(); }

    public DeviceBuffer data() { return data; }

    public DeviceBuffer grad() { return grad; }

    /** Offset of entry {@code name} (the host layout's). */
    public int offset(String name) {
        return layout.entry(name).offset();
    }

    /** Host values to the device (after a checkpoint is read, say). */
    public void upload(Params host) {
        host.requireSameLayout("device params upload", layout);
        device.upload(host.data(), 0, data, 0, host.size());
    }

    /** Device values to the host (before acting on the host, or a checkpoint). */
    public void download(Params host) {
        host.requireSameLayout("device params download", layout);
        device.download(data, 0, host.data(), 0, host.size());
    }

    @Override
    public void close() {
        data.close();
        grad.close();
    }
}
