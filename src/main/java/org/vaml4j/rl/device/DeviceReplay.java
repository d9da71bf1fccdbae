package org.vaml4j.rl.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.rl.ReplayBuffer;

/**
 * The device mirror of a host {@link ReplayBuffer}: the same ring rows, each packed as one row
 * {@code [s (O), a (A), s' (O), r, notDone]} of width {@code 2O + A + 2}, so that
 * {@link #sync} moves the transitions added since the last call in one upload (two when the ring
 * wraps) and a minibatch is one gather. The stored-row count lives in a device counter
 * ({@link #size()}) that sampling kernels read, so a captured update needs no host value.
 */
public final class DeviceReplay implements AutoCloseable {

    private final Device device;
    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private final int width;
    private final DeviceBuffer rows;    // (capacity x width)
    private final DeviceBuffer size;    // (1) INT: rows holding data
    private float[] staging = new float[0];
    private long synced;                // host transitions added at the last sync

    public DeviceReplay(Device device, int capacity, int obsDim, int actDim) {
        if ((long) capacity * (2L * obsDim + actDim + 2) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("device replay: capacity " + capacity + " too large for obsDim " + obsDim);
        }
        this.device = device;
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.width = 2 * obsDim + actDim + 2;
        this.rows = device.allocate(DeviceBuffer.Kind.FLOAT, capacity * width);
        this.size = device.allocate(DeviceBuffer.Kind.INT, 1);
    }

    /** Row width: {@code 2 obsDim + actDim + 2}. Columns: s at 0, a at O, s' at O + A, r at 2O + A, notDone after. */
    public int width() { return width; }

    public DeviceBuffer rows() { return rows; }

    /** (1) INT buffer holding the number of stored rows. */
    public DeviceBuffer size() { return size; }

    /** Uploads what {@code host} gained since the last call (everything after a restore, see {@link #reset}). */
    public void sync(ReplayBuffer host) {
        if (host.capacity() != capacity || host.obsDim() != obsDim || host.actDim() != actDim) {
            throw new IllegalArgumentException("device replay: host buffer has capacity " + host.capacity() + ", dims ("
                    + host.obsDim() + ", " + host.actDim() + "); the mirror " + capacity + ", (" + obsDim + ", " + actDim + ")");
        }
        long fresh = host.added() - synced;
        if (fresh == 0) return;
        int n = (int) Math.min(fresh, host.size());
        int first = host.chronologicalRow(host.size() - n);   // storage rows first .. first + n - 1 (mod capacity)
        int head = Math.min(n, capacity - first);
        upload(host, first, head);
        if (head < n) upload(host, 0, n - head);
        device.upload(new int[] {host.size()}, 0, size, 0, 1);
        synced = host.added();
    }

    /** Forgets what was synced: the next {@link #sync} uploads every stored row (after the host buffer was read from a checkpoint). */
    public void reset() {
        synced = 0;
    }

    private void upload(ReplayBuffer host, int from, int n) {
        if (staging.length < n * width) staging = new float[Math.max(n, 64) * width];
        float[] s = host.obsArray(), a = host.actArray(), s2 = host.nextObsArray(), r = host.rewardArray(), nd = host.notDoneArray();
        for (int i = 0; i < n; i++) {
            int row = from + i, o = i * width;
            System.arraycopy(s, row * obsDim, staging, o, obsDim);
            System.arraycopy(a, row * actDim, staging, o + obsDim, actDim);
            System.arraycopy(s2, row * obsDim, staging, o + obsDim + actDim, obsDim);
            staging[o + 2 * obsDim + actDim] = r[row];
            staging[o + 2 * obsDim + actDim + 1] = nd[row];
        }
        device.upload(staging, 0, rows, from * width, n * width);
    }

    @Override
    public void close() {
        rows.close();
        size.close();
    }
}
