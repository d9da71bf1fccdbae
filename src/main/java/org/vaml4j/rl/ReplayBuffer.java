package org.vaml4j.rl;

import java.io.IOException;
import java.util.random.RandomGenerator;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * A ring buffer of transitions (s, a, r, s', terminated) in flat float arrays. When full, the
 * oldest transition is overwritten. {@link #sample} draws rows uniformly with replacement from
 * the stored ones with the caller's RNG. The buffer is part of a checkpoint ({@link #write} /
 * {@link #read}) so that a resumed run samples exactly what the uninterrupted one would.
 */
public final class ReplayBuffer {

    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private final float[] obs;       // (capacity x obsDim)
    private final float[] act;       // (capacity x actDim)
    private final float[] reward;    // (capacity)
    private final float[] nextObs;   // (capacity x obsDim)
    private final float[] notDone;   // (capacity) 1 - terminated
    private int next;                // row the next add writes
    private int size;                // rows holding data
    private long added;              // transitions added in total

    public ReplayBuffer(int capacity, int obsDim, int actDim) {
        if (capacity < 1 || obsDim < 1 || actDim < 1) {
            throw new IllegalArgumentException("replay buffer: capacity, obsDim and actDim must be >= 1, got "
                    + capacity + ", " + obsDim + ", " + actDim);
        }
        if ((long) capacity * Math.max(obsDim, actDim) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("replay buffer: capacity " + capacity + " too large for obsDim " + obsDim);
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.obs = new float[capacity * obsDim];
        this.act = new float[capacity * actDim];
        this.reward = new float[capacity];
        this.nextObs = new float[capacity * obsDim];
        this.notDone = new float[capacity];
    }

    public int capacity() { return capacity; }

    public int size() { return size; }

    public int obsDim() { return obsDim; }

    public int actDim() { return actDim; }

    /** Transitions added since creation (including overwritten ones). */
    public long added() { return added; }

    /** Stores one transition; arrays are copied (as floats), non-finite values rejected. */
    public void add(double[] s, double[] a, double r, double[] s2, boolean terminated) {
        check("obs", s, obsDim);
        check("action", a, actDim);
        check("next obs", s2, obsDim);
        if (!Double.isFinite(r)) throw new IllegalArgumentException("replay buffer: reward is " + r);
        int i = next;
        for (int j = 0; j < obsDim; j++) {
            obs[i * obsDim + j] = (float) s[j];
            nextObs[i * obsDim + j] = (float) s2[j];
        }
        for (int j = 0; j < actDim; j++) act[i * actDim + j] = (float) a[j];
        reward[i] = (float) r;
        notDone[i] = terminated ? 0f : 1f;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
    }

    /**
     * Stores one transition given as float rows read at offsets (model rollouts push many rows
     * without boxing them into double arrays); non-finite values are rejected.
     */
    public void add(float[] s, int sOff, float[] a, int aOff, float r, float[] s2, int s2Off, boolean terminated) {
        for (int j = 0; j < obsDim; j++) {
            if (!Float.isFinite(s[sOff + j]) || !Float.isFinite(s2[s2Off + j])) {
                throw new IllegalArgumentException("replay buffer: non-finite observation value in dimension " + j);
            }
        }
        for (int j = 0; j < actDim; j++) {
            if (!Float.isFinite(a[aOff + j])) throw new IllegalArgumentException("replay buffer: action[" + j + "] is " + a[aOff + j]);
        }
        if (!Float.isFinite(r)) throw new IllegalArgumentException("replay buffer: reward is " + r);
        int i = next;
        System.arraycopy(s, sOff, obs, i * obsDim, obsDim);
        System.arraycopy(s2, s2Off, nextObs, i * obsDim, obsDim);
        System.arraycopy(a, aOff, act, i * actDim, actDim);
        reward[i] = r;
        notDone[i] = terminated ? 0f : 1f;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
    }

    /**
     * The storage row of the {@code age}-th oldest stored transition ({@code age} in [0, size)):
     * rows in chronological order, whatever the ring position.
     */
    public int chronologicalRow(int age) {
        if (age < 0 || age >= size) throw new IndexOutOfBoundsException("age " + age + " of " + size);
        int oldest = size < capacity ? 0 : next;
        return (oldest + age) % capacity;
    }

    /** (capacity x obsDim) observations, shared for read-only bulk access (rows via {@link #chronologicalRow}). */
    public float[] obsArray() { return obs; }

    /** (capacity x actDim) actions, shared. */
    public float[] actArray() { return act; }

    /** (capacity) rewards, shared. */
    public float[] rewardArray() { return reward; }

    /** (capacity x obsDim) next observations, shared. */
    public float[] nextObsArray() { return nextObs; }

    /** (capacity) 1 - terminated, shared. */
    public float[] notDoneArray() { return notDone; }

    /** Removes every transition (the arrays are kept). */
    public void clear() {
        next = 0;
        size = 0;
    }

    /**
     * A buffer of another capacity holding the newest {@code min(size, capacity)} transitions of
     * this one in their order (MBPO re-allocates its model buffer when the rollout length changes).
     */
    public ReplayBuffer resized(int newCapacity) {
        ReplayBuffer b = new ReplayBuffer(newCapacity, obsDim, actDim);
        int keep = Math.min(size, newCapacity);
        for (int age = size - keep; age < size; age++) {
            int i = chronologicalRow(age);
            b.add(obs, i * obsDim, act, i * actDim, reward[i], nextObs, i * obsDim, notDone[i] == 0f);
        }
        b.added = added;
        return b;
    }

    /** Fills {@code out} with {@code out.size} rows drawn uniformly with replacement. */
    public void sample(RandomGenerator rng, Batch out) {
        if (size == 0) throw new IllegalStateException("replay buffer: cannot sample from an empty buffer");
        if (out.obsDim != obsDim || out.actDim != actDim) {
            throw new IllegalArgumentException("replay buffer: batch has dims (" + out.obsDim + ", " + out.actDim
                    + "), buffer (" + obsDim + ", " + actDim + ")");
        }
        for (int b = 0; b < out.size; b++) copyRow(rng.nextInt(size), out, b);
    }

    /** Copies stored row {@code i} into row {@code b} of {@code out}. */
    public void copyRow(int i, Batch out, int b) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("row " + i + " of " + size);
        System.arraycopy(obs, i * obsDim, out.obs, b * obsDim, obsDim);
        System.arraycopy(nextObs, i * obsDim, out.nextObs, b * obsDim, obsDim);
        System.arraycopy(act, i * actDim, out.act, b * actDim, actDim);
        out.reward[b] = reward[i];
        out.notDone[b] = notDone[i];
    }

    /** Writes the stored rows and the ring position under {@code prefix}. */
    public void write(ArchiveWriter w, String prefix) throws IOException {
        w.longs(prefix + "meta", capacity, obsDim, actDim, next, size, added);
        w.floats(prefix + "obs", obs, 0, size, obsDim);
        w.floats(prefix + "act", act, 0, size, actDim);
        w.floats(prefix + "reward", reward, 0, size);
        w.floats(prefix + "next_obs", nextObs, 0, size, obsDim);
        w.floats(prefix + "not_done", notDone, 0, size);
    }

    /** Restores a buffer written by {@link #write}; capacity and dims must match. */
    public void read(ArchiveReader r, String prefix) {
        long[] m = r.longs(prefix + "meta", 6);
        if (m[0] != capacity || m[1] != obsDim || m[2] != actDim) {
            throw new IllegalArgumentException("archive " + r.path() + ": replay buffer has capacity " + m[0] + ", dims ("
                    + m[1] + ", " + m[2] + "); this run expects capacity " + capacity + ", dims (" + obsDim + ", " + actDim + ")");
        }
        int n = (int) m[4];
        if (n < 0 || n > capacity || m[3] < 0 || m[3] >= capacity) {
            throw new IllegalArgumentException("archive " + r.path() + ": corrupt replay buffer position");
        }
        // read everything into place only after all shapes are known to match
        float[][] parts = {
            r.floats(prefix + "obs", n, obsDim), r.floats(prefix + "act", n, actDim), r.floats(prefix + "reward", n),
            r.floats(prefix + "next_obs", n, obsDim), r.floats(prefix + "not_done", n)};
        System.arraycopy(parts[0], 0, obs, 0, n * obsDim);
        System.arraycopy(parts[1], 0, act, 0, n * actDim);
        System.arraycopy(parts[2], 0, reward, 0, n);
        System.arraycopy(parts[3], 0, nextObs, 0, n * obsDim);
        System.arraycopy(parts[4], 0, notDone, 0, n);
        next = (int) m[3];
        size = n;
        added = m[5];
    }

    private static void check(String what, double[] x, int dim) {
        if (x == null || x.length != dim) {
            throw new IllegalArgumentException("replay buffer: " + what + " has " + (x == null ? "no" : x.length)
                    + " values, expected " + dim);
        }
        for (int j = 0; j < dim; j++) {
            if (!Double.isFinite(x[j])) throw new IllegalArgumentException("replay buffer: " + what + "[" + j + "] is " + x[j]);
        }
    }
}
