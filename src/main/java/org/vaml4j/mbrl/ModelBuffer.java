package org.vaml4j.mbrl;

import java.io.IOException;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.ReplayBuffer;

/**
 * MBPO's buffer of model rollouts for the agent (research.md §A.1): it holds the rollouts of
 * {@code retainEpochs} epochs, i.e.
 * <pre>
 *   capacity = L * rolloutBatch * ceil(epochLength / trainEvery) * retainEpochs
 * </pre>
 * with L the current rollout length, and is re-allocated, keeping its newest contents, whenever L
 * changes. Rollouts therefore stay usable for at least one epoch (mbrl-lib PR #61).
 */
public final class ModelBuffer {

    private final int obsDim;
    private final int actDim;
    private final long perLength;   // rolloutBatch * ceil(epochLength / trainEvery) * retainEpochs
    private int rolloutLength;
    private ReplayBuffer buffer;

    public ModelBuffer(int obsDim, int actDim, int rolloutBatch, int epochLength, int trainEvery, int retainEpochs) {
        if (rolloutBatch < 1 || epochLength < 1 || trainEvery < 1 || retainEpochs < 1) {
            throw new IllegalArgumentException("model buffer: rolloutBatch, epochLength, trainEvery and retainEpochs must be >= 1, got "
                    + rolloutBatch + ", " + epochLength + ", " + trainEvery + ", " + retainEpochs);
        }
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.perLength = (long) rolloutBatch * ((epochLength + trainEvery - 1) / trainEvery) * retainEpochs;
        this.rolloutLength = 1;
        this.buffer = new ReplayBuffer(capacityFor(1), obsDim, actDim);
    }

    /** Capacity for rollout length {@code length}. */
    public int capacityFor(int length) {
        long c = perLength * length;
        if (c > Integer.MAX_VALUE / Math.max(obsDim, actDim)) {
            throw new IllegalArgumentException("model buffer: " + c + " rows for rollout length " + length + " are too many");
        }
        return (int) c;
    }

    /** Re-allocates (keeping the newest rows) when {@code length} differs from the current rollout length. */
    public void setRolloutLength(int length) {
        if (length < 1) throw new IllegalArgumentException("rollout length must be >= 1, got " + length);
        if (length == rolloutLength) return;
        buffer = buffer.resized(capacityFor(length));
        rolloutLength = length;
    }

    public int rolloutLength() { return rolloutLength; }

    /** The current buffer (replaced when the rollout length changes: do not keep it). */
    public ReplayBuffer buffer() { return buffer; }

    public void write(ArchiveWriter w, String prefix) throws IOException {
        w.longs(prefix + "rollout_length", rolloutLength);
        buffer.write(w, prefix + "rows.");
    }

    public void read(ArchiveReader r, String prefix) {
        int length = (int) r.longValue(prefix + "rollout_length");
        ReplayBuffer b = new ReplayBuffer(capacityFor(length), obsDim, actDim);
        b.read(r, prefix + "rows.");
        buffer = b;
        rolloutLength = length;
    }
}
