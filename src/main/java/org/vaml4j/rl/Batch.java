package org.vaml4j.rl;

/**
 * A reusable batch of transitions, filled by {@link ReplayBuffer#sample}: flat row-major arrays
 * allocated once for {@code size} rows, so sampling in a training loop allocates nothing.
 */
public final class Batch {

    public final int size;
    public final int obsDim;
    public final int actDim;
    /** (size x obsDim) observations s. */
    public final float[] obs;
    /** (size x actDim) actions a. */
    public final float[] act;
    /** (size) rewards r. */
    public final float[] reward;
    /** (size x obsDim) next observations s'. */
    public final float[] nextObs;
    /** (size) 1 - terminated: 0 where s' is terminal (no bootstrap), 1 otherwise (also on time-limit truncation). */
    public final float[] notDone;

    public Batch(int size, int obsDim, int actDim) {
        if (size < 1 || obsDim < 1 || actDim < 1) {
            throw new IllegalArgumentException("batch: size, obsDim and actDim must be >= 1, got " + size + ", " + obsDim + ", " + actDim);
        }
        this.size = size;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.obs = new float[size * obsDim];
        this.act = new float[size * actDim];
        this.reward = new float[size];
        this.nextObs = new float[size * obsDim];
        this.notDone = new float[size];
    }
}
