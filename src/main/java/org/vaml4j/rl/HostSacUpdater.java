package org.vaml4j.rl;

import java.io.IOException;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * SAC updates on the host: a minibatch drawn with the {@code buffer} stream, then
 * {@link Sac#update} with the {@code update} stream (both split from the run seed).
 */
public final class HostSacUpdater implements SacUpdater {

    private final Sac sac;
    private final Batch batch;
    private final Rng updateRng;
    private final Rng bufferRng;

    public HostSacUpdater(Sac sac, long seed) {
        this.sac = sac;
        this.batch = new Batch(sac.config().batchSize(), sac.obsDim(), sac.actDim());
        this.updateRng = Rng.stream(seed, "update");
        this.bufferRng = Rng.stream(seed, "buffer");
    }

    @Override
    public void update(ReplayBuffer buffer, int n, MetricMeans metrics) {
        for (int u = 0; u < n; u++) {
            buffer.sample(bufferRng, batch);
            metrics.add(0, sac.update(batch, updateRng).toArray());
        }
    }

    @Override public void flush(MetricMeans metrics) {}

    @Override public void syncActor() {}

    @Override public void syncAll() {}

    @Override public void restored() {}

    @Override
    public void write(ArchiveWriter w, String prefix) throws IOException {
        w.longs(prefix + "rng", updateRng.state(), bufferRng.state());
    }

    @Override
    public void read(ArchiveReader r, String prefix) {
        long[] rng = r.longs(prefix + "rng", 2);
        updateRng.setState(rng[0]);
        bufferRng.setState(rng[1]);
    }

    @Override public void close() {}
}
