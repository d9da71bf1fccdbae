package org.vaml4j.kernel.device;

/**
 * One allocation in a {@link Device}'s memory: {@code length} elements of one {@link Kind}.
 * What backs it is the device's business (a host array for {@link HostDevice}, a device pointer
 * for {@link CudaDevice}); callers address it with element offsets. Freed by {@link #close()}
 * (or with its device).
 */
public final class DeviceBuffer implements AutoCloseable {

    /** Element type. */
    public enum Kind {
        FLOAT(4), INT(4), LONG(8);

        final int bytes;

        Kind(int bytes) { this.bytes = bytes; }
    }

    private final Device device;
    private final Kind kind;
    private final int length;
    final Object host;       // HostDevice: float[] / int[] / long[]
    final long address;      // CudaDevice: device pointer
    private boolean closed;

    DeviceBuffer(Device device, Kind kind, int length, Object host, long address) {
        this.device = device;
        this.kind = kind;
        this.length = length;
        this.host = host;
        this.address = address;
    }

    public Kind kind() { return kind; }

    public int length() { return length; }

    public Device device() { return device; }

    public boolean closed() { return closed; }

    /** Releases the memory; later use throws. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        device.release(this);
    }

    /**
     * Checks that {@code [off, off + n)} lies inside this buffer of the expected kind on {@code owner}.
     *
     * @throws IllegalArgumentException naming {@code what} otherwise
     */
    void check(Device owner, Kind expected, int off, long n, String what) {
        if (closed) throw new IllegalStateException(what + ": buffer already closed");
        if (device != owner) throw new IllegalArgumentException(what + ": buffer belongs to another device");
        if (kind != expected) throw new IllegalArgumentException(what + ": needs a " + expected + " buffer, got " + kind);
        if (off < 0 || n < 0 || off + n > length) {
            throw new IllegalArgumentException(what + ": elements [" + off + ", " + (off + n) + ") outside a buffer of " + length);
        }
    }

    @Override
    public String toString() {
        return kind + "[" + length + "]";
    }
}
