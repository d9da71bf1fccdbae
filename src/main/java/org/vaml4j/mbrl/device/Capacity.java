package org.vaml4j.mbrl.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;

/** Device buffers that grow with the data (by half at least, so a growing buffer is re-allocated rarely) and are reused. */
final class Capacity {

    private Capacity() {}

    /** {@code b} when it holds at least {@code length} elements, else a new zero-filled buffer (and {@code b} is freed). */
    static DeviceBuffer ensure(Device device, DeviceBuffer b, DeviceBuffer.Kind kind, long length) {
        if (b != null && b.length() >= length) return b;
        long grown = b == null ? length : Math.max(length, b.length() + b.length() / 2L);
        if (grown > Integer.MAX_VALUE) throw new IllegalArgumentException("device buffer of " + grown + " elements is too large");
        if (b != null) b.close();
        return device.allocate(kind, (int) grown);
    }

    /** Grown capacity in rows for {@code rows}, given the current {@code capacity} (0: none yet). */
    static int rows(int capacity, int rows) {
        if (rows <= capacity) return capacity;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(rows, capacity + capacity / 2L));
    }
}
