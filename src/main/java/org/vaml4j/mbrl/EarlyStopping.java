package org.vaml4j.mbrl;

import java.util.Arrays;

/**
 * MBPO's early stopping on the per-member validation MSE ({@link ModelTrainer}, details 5 and 6),
 * shared by the CPU and the device trainers: a member improves when its MSE drops by more than
 * {@link ModelTrainerConfig#IMPROVEMENT} relative to its best; training stops after
 * {@code patience} epochs in which no member improved, or after {@code maxEpochs} (0 = no cap).
 * The starting point counts as the first best. Without a hold-out only the cap stops.
 * The caller snapshots the members {@link #endEpoch} reports.
 */
public final class EarlyStopping {

    private final double[] best;    // (E) best validation MSE per member, null without a hold-out
    private final int patience;
    private final int maxEpochs;
    private int epochs;
    private int sinceImprovement;

    /**
     * @param startMse (E) each member's validation MSE before training, or null without a hold-out
     *                 (then {@code maxEpochs} must be > 0)
     */
    public EarlyStopping(double[] startMse, int patience, int maxEpochs) {
        if (patience < 1) throw new IllegalArgumentException("early stopping: patience must be >= 1, got " + patience);
        if (maxEpochs < 0) throw new IllegalArgumentException("early stopping: maxEpochs must be >= 0, got " + maxEpochs);
        if (startMse == null && maxEpochs == 0) throw new IllegalArgumentException("early stopping without a hold-out needs an epoch cap");
        this.best = startMse == null ? null : startMse.clone();
        this.patience = patience;
        this.maxEpochs = maxEpochs;
    }

    /**
     * Records the end of an epoch with the members' validation MSE (null without a hold-out) and
     * returns the members whose best improved, ascending (empty: none).
     */
    public int[] endEpoch(double[] mse) {
        if ((mse == null) != (best == null) || (mse != null && mse.length != best.length)) {
            throw new IllegalArgumentException("early stopping: expected " + (best == null ? "no" : best.length)
                    + " validation errors, got " + (mse == null ? "none" : mse.length));
        }
        epochs++;
        if (best == null) return new int[0];
        int[] improved = new int[best.length];
        int count = 0;
        for (int m = 0; m < best.length; m++) {
            if ((best[m] - mse[m]) / Math.abs(best[m]) > ModelTrainerConfig.IMPROVEMENT) {
                best[m] = mse[m];
                improved[count++] = m;
            }
        }
        sinceImprovement = count > 0 ? 0 : sinceImprovement + 1;
        return Arrays.copyOf(improved, count);
    }

    /** True when training must stop: patience used up, or the epoch cap reached. */
    public boolean stopped() {
        return (best != null && sinceImprovement >= patience) || (maxEpochs > 0 && epochs >= maxEpochs);
    }

    /** Epochs recorded so far. */
    public int epochs() { return epochs; }

    /** (E) each member's best validation MSE, a copy; null without a hold-out. */
    public double[] bestMse() { return best == null ? null : best.clone(); }

    /** The {@code k} members with the lowest best validation MSE (ties: lower index first). */
    public int[] elites(int k) {
        if (best == null) throw new IllegalStateException("early stopping: no hold-out, no elites");
        return lowest(best, k);
    }

    /** Indices of the k smallest values (ties: lower index first). */
    static int[] lowest(double[] v, int k) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]) != 0 ? Double.compare(v[a], v[b]) : Integer.compare(a, b));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = idx[i];
        return out;
    }
}
