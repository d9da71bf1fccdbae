package org.vaml4j.mbrl;

import org.vaml4j.rl.ReplayBuffer;

/**
 * Every transition of a real buffer as two row-major arrays, oldest first: the model's inputs
 * {@code concat(s, a)} (n x (ds + da)) and its targets {@code [s' - s, r]} (n x (ds + 1)). A
 * model training refits the model's statistics to them ({@link #fitStatistics}); the device
 * trainer also uploads them. The arrays grow with the buffer and are reused (only the first
 * {@link #rows()} rows are valid).
 */
public final class TransitionTable {

    private final int stateDim;
    private final int actionDim;
    private float[] inputs = new float[0];    // (rows x (ds + da))
    private float[] targets = new float[0];   // (rows x (ds + 1))
    private int rows;

    public TransitionTable(int stateDim, int actionDim) {
        if (stateDim < 1 || actionDim < 1) {
            throw new IllegalArgumentException("transition table: stateDim and actionDim must be >= 1, got " + stateDim + ", "
                    + actionDim);
        }
        this.stateDim = stateDim;
        this.actionDim = actionDim;
    }

    /** Copies every stored transition of {@code real}, oldest first. */
    public void fill(ReplayBuffer real) {
        if (real.obsDim() != stateDim || real.actDim() != actionDim) {
            throw new IllegalArgumentException("transition table: the buffer holds states of " + real.obsDim() + " and actions of "
                    + real.actDim() + " values, the model takes " + stateDim + " and " + actionDim);
        }
        int n = real.size(), ds = stateDim, da = actionDim, d = ds + da, out = ds + 1;
        if (inputs.length < n * d) inputs = new float[n * d];
        if (targets.length < n * out) targets = new float[n * out];
        float[] so = real.obsArray(), sa = real.actArray(), s2 = real.nextObsArray(), r = real.rewardArray();
        for (int age = 0; age < n; age++) {
            int row = real.chronologicalRow(age);
            System.arraycopy(so, row * ds, inputs, age * d, ds);
            System.arraycopy(sa, row * da, inputs, age * d + ds, da);
            for (int j = 0; j < ds; j++) targets[age * out + j] = s2[row * ds + j] - so[row * ds + j];
            targets[age * out + ds] = r[row];
        }
        rows = n;
    }

    /** Refits the model's input statistics (and target statistics, when it standardizes its targets) to the rows. */
    public void fitStatistics(DynamicsEnsemble model) {
        if (model.stateDim() != stateDim || model.actionDim() != actionDim) {
            throw new IllegalArgumentException("transition table: rows of states of " + stateDim + " and actions of " + actionDim
                    + " values do not fit a model of " + model.stateDim() + " and " + model.actionDim());
        }
        model.fitNormalizer(inputs, rows);
        model.fitTargetNormalizer(targets, rows);
    }

    /** Transitions copied by the last {@link #fill}. */
    public int rows() { return rows; }

    /** Values per input row, ds + da. */
    public int inputWidth() { return stateDim + actionDim; }

    /** Values per target row, ds + 1. */
    public int targetWidth() { return stateDim + 1; }

    /** (rows x (ds + da)) {@code concat(s, a)} by age; shared, not a copy. */
    public float[] inputs() { return inputs; }

    /** (rows x (ds + 1)) {@code [s' - s, r]} by age; shared, not a copy. */
    public float[] targets() { return targets; }
}
