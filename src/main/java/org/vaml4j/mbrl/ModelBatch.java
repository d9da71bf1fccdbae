package org.vaml4j.mbrl;

import org.vaml4j.autodiff.Tensor;

/**
 * A model-training batch: for each of E members, B segments of H consecutive real transitions
 * (H = 1 for plain transitions {@code (s, a, r, s', done)}). Time is the outermost axis, so step t
 * of all members is one contiguous block and {@link #states(int)} etc. are views, not copies.
 *
 * <pre>
 *   obs      ((H+1) x E x B x stateDim)   s_0 .. s_H of every segment (obs[1] = s' of step 0)
 *   actions  (H x E x B x actionDim)      a_0 .. a_{H-1}
 *   rewards  (H x E x B)                  r_t = r(s_t, a_t)
 *   dones    (H x E x B)                  1 when s_{t+1} is terminal, else 0
 *   valid    (H x E x B)                  1 when transition t exists in the data (0 = padding after the
 *                                         episode ended or the data ran out); step 0 is always valid
 *   ids      (E x B) or null              a stable id of transition 0 of each segment (e.g. its replay
 *                                         index), the key of {@code ValueGradientCache}
 * </pre>
 *
 * The batch views the caller's arrays (no copy): they must not change while a loss reads them.
 * The constructor checks sizes, finiteness and the mask rule
 * {@code valid[t] <= valid[t-1] * (1 - dones[t-1])}.
 */
public final class ModelBatch {

    private final int members, batch, horizon, stateDim, actionDim;
    private final float[] obs, actions, rewards, dones, valid;
    private final long[] ids;

    public ModelBatch(int members, int batch, int horizon, int stateDim, int actionDim,
                      float[] obs, float[] actions, float[] rewards, float[] dones, float[] valid, long[] ids) {
        if (members < 1 || batch < 1 || horizon < 1 || stateDim < 1 || actionDim < 1) {
            throw new IllegalArgumentException("model batch: members, batch, horizon, stateDim, actionDim must be >= 1, got "
                    + members + ", " + batch + ", " + horizon + ", " + stateDim + ", " + actionDim);
        }
        this.members = members;
        this.batch = batch;
        this.horizon = horizon;
        this.stateDim = stateDim;
        this.actionDim = actionDim;
        int rows = members * batch;
        this.obs = requireFinite("obs", obs, (horizon + 1) * rows * stateDim);
        this.actions = requireFinite("actions", actions, horizon * rows * actionDim);
        this.rewards = requireFinite("rewards", rewards, horizon * rows);
        this.dones = requireFlags("dones", dones, horizon * rows);
        this.valid = requireFlags("valid", valid, horizon * rows);
        if (ids != null && ids.length != rows) {
            throw new IllegalArgumentException("model batch: ids must hold E x B = " + rows + " values, got " + ids.length);
        }
        this.ids = ids;
        for (int i = 0; i < rows; i++) {
            if (valid[i] != 1f) throw new IllegalArgumentException("model batch: step 0 must be valid, row " + i + " is not");
            for (int t = 1; t < horizon; t++) {
                int j = t * rows + i, p = (t - 1) * rows + i;
                if (valid[j] > valid[p] * (1f - dones[p])) {
                    throw new IllegalArgumentException("model batch: row " + i + " is valid at step " + t
                            + " after an invalid or terminal step " + (t - 1));
                }
            }
        }
    }

    /**
     * A one-step batch of transitions. States, next states (E x B x stateDim), actions
     * (E x B x actionDim), rewards and dones (E x B), ids (E x B) or null. Copies the states into
     * the (2 x E x B x stateDim) observation block.
     */
    public static ModelBatch transitions(int members, int batch, int stateDim, int actionDim, float[] states,
                                         float[] actions, float[] rewards, float[] nextStates, float[] dones, long[] ids) {
        int n = members * batch * stateDim;
        if (states == null || nextStates == null || states.length != n || nextStates.length != n) {
            throw new IllegalArgumentException("model batch: states and next states must hold E x B x stateDim = " + n
                    + " values, got " + (states == null ? "null" : states.length) + " and "
                    + (nextStates == null ? "null" : nextStates.length));
        }
        float[] obs = new float[2 * n];
        System.arraycopy(states, 0, obs, 0, n);
        System.arraycopy(nextStates, 0, obs, n, n);
        float[] valid = new float[members * batch];
        java.util.Arrays.fill(valid, 1f);
        return new ModelBatch(members, batch, 1, stateDim, actionDim, obs, actions, rewards, dones, valid, ids);
    }

    public int members() { return members; }

    /** Segments per member B. */
    public int batch() { return batch; }

    /** Transitions per segment H. */
    public int horizon() { return horizon; }

    public int stateDim() { return stateDim; }

    public int actionDim() { return actionDim; }

    /** (E x B) ids of the first transitions, or null when the caller gave none (no caching). */
    public long[] ids() { return ids; }

    /** s_t for t in [0, H], (E x B x stateDim), a constant view. */
    public Tensor states(int t) {
        checkStep(t, horizon + 1);
        int n = members * batch * stateDim;
        return Tensor.view(obs, t * n, null, 0, members, batch, stateDim);
    }

    /** a_t, (E x B x actionDim), a constant view. */
    public Tensor actions(int t) {
        checkStep(t, horizon);
        int n = members * batch * actionDim;
        return Tensor.view(actions, t * n, null, 0, members, batch, actionDim);
    }

    /** r_t, (E x B x 1), a constant view. */
    public Tensor rewards(int t) {
        checkStep(t, horizon);
        return Tensor.view(rewards, t * members * batch, null, 0, members, batch, 1);
    }

    /** done_t, (E x B x 1), a constant view. */
    public Tensor dones(int t) {
        checkStep(t, horizon);
        return Tensor.view(dones, t * members * batch, null, 0, members, batch, 1);
    }

    /** valid_t, (E x B x 1), a constant view of 0/1. */
    public Tensor valid(int t) {
        checkStep(t, horizon);
        return Tensor.view(valid, t * members * batch, null, 0, members, batch, 1);
    }

    /** The backing ((H+1) x E x B x stateDim) observation array (shared, not a copy). */
    public float[] obsArray() { return obs; }

    /** True when every transition of every segment is valid (no padding). */
    public boolean allValid() {
        for (float v : valid) if (v != 1f) return false;
        return true;
    }

    private void checkStep(int t, int limit) {
        if (t < 0 || t >= limit) throw new IllegalArgumentException("model batch: step " + t + " outside [0, " + limit + ")");
    }

    private static float[] requireFinite(String what, float[] v, int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException("model batch: " + what + " must hold " + n + " values, got "
                    + (v == null ? "null" : v.length));
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("model batch: " + what + " holds the non-finite value " + v[i] + " at " + i);
            }
        }
        return v;
    }

    private static float[] requireFlags(String what, float[] v, int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException("model batch: " + what + " must hold " + n + " values, got "
                    + (v == null ? "null" : v.length));
        }
        for (int i = 0; i < n; i++) {
            if (v[i] != 0f && v[i] != 1f) {
                throw new IllegalArgumentException("model batch: " + what + " must be 0 or 1, got " + v[i] + " at " + i);
            }
        }
        return v;
    }
}
