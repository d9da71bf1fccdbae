package org.vaml4j.rl;

import java.io.IOException;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * SAC updates on the host: a minibatch drawn row by row with the {@code buffer} stream (the first
 * rows from the model buffer when mixing), then {@link Sac#update} with the {@code update}
 * stream (both split from the run seed).
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
    public void update(ReplayBuffer real, ReplayBuffer model, int fromModel, int n, MetricMeans metrics) {
        if (fromModel < 0 || fromModel > batch.size || (fromModel > 0 && (model == null || model.size() == 0))) {
            throw new IllegalArgumentException("sac updates: " + fromModel + " model rows of a batch of " + batch.size
                    + (model == null || model.size() == 0 ? " from an empty model buffer" : ""));
        }
        for (int u = 0; u < n; u++) {
            for (int b = 0; b < batch.size; b++) {
                if (b < fromModel) model.copyRow(bufferRng.nextInt(model.size()), batch, b);
                else real.copyRow(bufferRng.nextInt(real.size()), batch, b);
            }
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
