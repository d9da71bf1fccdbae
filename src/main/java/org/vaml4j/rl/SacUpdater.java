package org.vaml4j.rl;

import java.io.IOException;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * Where an off-policy loop's SAC updates run: {@link HostSacUpdater} samples on the host and calls
 * {@link Sac#update}; {@code org.vaml4j.rl.device.DeviceSac} keeps the agent's training state on a
 * GPU. The host {@link Sac} acts, evaluates and is checkpointed either way; the sync methods say
 * when it must be up to date.
 */
public interface SacUpdater extends AutoCloseable {

    /** Makes the updater of an agent; {@code seed} keys its random streams. */
    @FunctionalInterface
    interface Factory {
        SacUpdater create(Sac sac, long seed);
    }

    /** {@code n} updates on minibatches of {@code buffer}; their statistics go into {@code metrics} (now or at {@link #flush}). */
    default void update(ReplayBuffer buffer, int n, MetricMeans metrics) {
        update(buffer, null, 0, n, metrics);
    }

    /**
     * {@code n} updates on minibatches whose first {@code fromModel} rows come from {@code model}
     * (model rollouts; null when fromModel is 0) and the rest from {@code real}, each row drawn
     * uniformly (MBPO's batch mix).
     */
    void update(ReplayBuffer real, ReplayBuffer model, int fromModel, int n, MetricMeans metrics);

    /** Adds statistics still held elsewhere to {@code metrics} (before an episode's report). */
    void flush(MetricMeans metrics);

    /** Brings the host agent's actor up to date (before it acts or is evaluated). */
    void syncActor();

    /** Brings the whole host agent up to date (before a checkpoint or the final agent is written). */
    void syncAll();

    /** After the host agent and buffer were read from a checkpoint. */
    void restored();

    /** This updater's own state (random streams), part of the trainer's checkpoint. */
    void write(ArchiveWriter w, String prefix) throws IOException;

    /** Reads what {@link #write} wrote. */
    void read(ArchiveReader r, String prefix);

    @Override
    void close();
}
