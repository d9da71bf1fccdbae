package org.vaml4j.mbrl.loss;

import java.util.Arrays;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.nn.ValueFunctions;

/**
 * The raw value gradients {@code g_k(s) = dV_k/ds} (k over all value functions) at real next
 * states, computed on a private tape (a separate pass, never on the model's tape) and cached by
 * transition id, so epochs of one model-training call reuse them (VaGraM, research.md §B.3, but
 * keyed by transition rather than by batch position, and per row rather than per member 0).
 *
 * <p>Invalidation is explicit: the owner calls {@link #invalidate()} whenever the critics may have
 * changed (before every model-training call). Passing a different {@link ValueFunctions} object
 * than the one the entries were computed with also clears the cache.
 *
 * <p>Rows are independent: the gradient of {@code sum_i V_k(s_i)} holds every row's own
 * {@code dV_k/ds_i} (true for per-row networks such as MLPs). Not thread-safe.
 *
 * <p>Allocation: the id index is a primitive open-addressing table ({@link SlotIndex}; a
 * {@code HashMap<Long, Integer>} boxed every looked-up id, 43 KB per 7 x 256 batch); once the
 * store and the index have grown to a training call's transitions, looking up and refilling
 * allocate nothing.
 */
public final class ValueGradientCache {

    private final int maxEntries;
    private final Tape tape;
    private final SlotIndex slotOf = new SlotIndex();
    private float[] store = new float[0];        // (slots x K x d) cached gradients
    private ValueFunctions owner;                // the value functions the entries belong to
    private float[] missStates = new float[0];   // (misses x d)
    private int[] missRows = new int[0];         // (misses) row index of each miss
    private float[] missGrads = new float[0];    // (K x misses x d)
    private long hits, misses;

    /**
     * @param kernels    backend of the private tape
     * @param maxEntries most transitions kept; beyond it new rows are computed but not stored (0 = no caching)
     */
    public ValueGradientCache(Kernels kernels, int maxEntries) {
        if (maxEntries < 0) throw new IllegalArgumentException("value gradient cache: maxEntries must be >= 0, got " + maxEntries);
        this.tape = new Tape(kernels, true);
        this.maxEntries = maxEntries;
    }

    /** Forgets every cached gradient (call whenever the value functions change). */
    public void invalidate() {
        slotOf.clear();
        owner = null;
    }

    /** Number of cached transitions. */
    public int size() { return slotOf.size(); }

    /** Rows served from the cache since construction. */
    public long hits() { return hits; }

    /** Rows computed since construction. */
    public long misses() { return misses; }

    /**
     * Fills {@code out} (K x rows x d) with {@code dV_k/ds} at {@code states} (rows x d, from
     * offset {@code off}); rows whose id is cached are copied, the others computed in one batch
     * per value function and stored. {@code ids} (rows) may be null: then nothing is cached.
     */
    public void gradients(ValueFunctions vf, float[] states, int off, int rows, long[] ids, float[] out) {
        int k = vf.count(), d = vf.stateDim();
        if (rows < 1 || off < 0 || off + rows * d > states.length || out.length < k * rows * d
                || (ids != null && ids.length < rows)) {
            throw new IllegalArgumentException("value gradients: " + rows + " rows of " + d + " states at offset " + off
                    + " need " + rows * d + " state values, " + k * rows * d + " outputs" + (ids == null ? "" : " and " + rows
                    + " ids") + "; got " + states.length + ", " + out.length + (ids == null ? "" : ", " + ids.length));
        }
        if (owner != vf) {
            invalidate();
            owner = vf;
        }
        int kd = k * d;
        if (missRows.length < rows) missRows = new int[rows];
        if (missStates.length < rows * d) missStates = new float[rows * d];
        int m = 0;
        for (int i = 0; i < rows; i++) {
            int slot = ids == null ? -1 : slotOf.get(ids[i]);
            if (slot >= 0) {
                for (int j = 0; j < k; j++) System.arraycopy(store, slot * kd + j * d, out, (j * rows + i) * d, d);
                hits++;
            } else {
                System.arraycopy(states, off + i * d, missStates, m * d, d);
                missRows[m++] = i;
            }
        }
        if (m == 0) return;
        misses += m;
        compute(vf, m, k, d);
        for (int r = 0; r < m; r++) {
            int i = missRows[r];
            for (int j = 0; j < k; j++) System.arraycopy(missGrads, (j * m + r) * d, out, (j * rows + i) * d, d);
            if (ids != null && slotOf.size() < maxEntries && slotOf.get(ids[i]) < 0) {
                int slot = slotOf.size();
                if (store.length < (slot + 1) * kd) store = Arrays.copyOf(store, Math.max((slot + 1) * kd, 2 * store.length));
                for (int j = 0; j < k; j++) System.arraycopy(missGrads, (j * m + r) * d, store, slot * kd + j * d, d);
                slotOf.put(ids[i], slot);
            }
        }
    }

    /** missGrads[k][r] = dV_k/ds at missStates[r], one backward pass per value function. */
    private void compute(ValueFunctions vf, int m, int k, int d) {
        if (missGrads.length < k * m * d) missGrads = new float[k * m * d];
        for (int j = 0; j < k; j++) {
            tape.reset();
            Tensor s = tape.input(missStates, 0, true, m, d);   // (m x d), its own gradient per k
            Tensor v = vf.value(tape, j, s);                       // (m x 1)
            tape.backward(Sum.apply(tape, v));
            float[] g = s.grad();
            for (int i = 0; i < m * d; i++) {
                float x = g[s.gradOffset() + i];
                if (!Float.isFinite(x)) {
                    throw new IllegalStateException("value gradients: dV_" + j + "/ds is " + x + " at row " + (i / d)
                            + " (diverged value function?)");
                }
                missGrads[j * m * d + i] = x;
            }
        }
        tape.reset();
    }

    /**
     * Transition id to slot, slots numbered 0, 1, ... in insertion order: open addressing with
     * linear probing over a power-of-two table kept at most half full. {@link #clear} keeps the
     * table, so refilling it to the same size allocates nothing.
     */
    static final class SlotIndex {
        private long[] keys = new long[16];
        private int[] slots = new int[16];   // slot + 1; 0 = empty
        private int size;

        int size() { return size; }

        /** The slot of {@code id}, or -1. */
        int get(long id) {
            int mask = keys.length - 1;
            for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
                int s = slots[i];
                if (s == 0) return -1;
                if (keys[i] == id) return s - 1;
            }
        }

        /** Adds {@code id} (not present) with the given slot. */
        void put(long id, int slot) {
            if (2 * (size + 1) > keys.length) grow();
            insert(keys, slots, id, slot + 1);
            size++;
        }

        void clear() {
            if (size == 0) return;
            Arrays.fill(slots, 0);
            size = 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[2 * oldKeys.length];
            slots = new int[2 * oldSlots.length];
            for (int i = 0; i < oldKeys.length; i++) if (oldSlots[i] != 0) insert(keys, slots, oldKeys[i], oldSlots[i]);
        }

        private static void insert(long[] keys, int[] slots, long id, int slotPlusOne) {
            int mask = keys.length - 1;
            int i = hash(id) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            keys[i] = id;
            slots[i] = slotPlusOne;
        }

        /** Fibonacci hashing: the high bits of id times 2^64 / golden ratio, so consecutive ids spread. */
        private static int hash(long id) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
