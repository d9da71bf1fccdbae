package org.vaml4j.mbrl;

import java.util.Arrays;
import org.vaml4j.rl.ReplayBuffer;

/**
 * Fills {@link ModelBatch}es of E x B segments of H consecutive real transitions from a replay
 * buffer, into arrays allocated once.
 *
 * <p>A segment starts at the transition of a given age (0 = oldest stored) and continues with the
 * next stored transitions while they belong to the same episode: transition t is valid when
 * t-1 was valid and not terminal, exists, and starts where t-1 ended ({@code obs[t] ==
 * nextObs[t-1]} exactly, which also detects resets after a time-limit truncation). Padding steps
 * repeat the last valid state with zero action and reward. Ids are the global transition numbers
 * ({@code added - size + age}), stable while the ring buffer wraps.
 */
final class SegmentBatcher {

    private final int members, batch, horizon, ds, da;
    private final float[] obs;      // ((H+1) x E x B x ds)
    private final float[] actions;  // (H x E x B x da)
    private final float[] rewards;  // (H x E x B)
    private final float[] dones;    // (H x E x B)
    private final float[] valid;    // (H x E x B)
    private final long[] ids;       // (E x B)

    SegmentBatcher(int members, int batch, int horizon, int ds, int da) {
        this.members = members;
        this.batch = batch;
        this.horizon = horizon;
        this.ds = ds;
        this.da = da;
        int rows = members * batch;
        this.obs = new float[(horizon + 1) * rows * ds];
        this.actions = new float[horizon * rows * da];
        this.rewards = new float[horizon * rows];
        this.dones = new float[horizon * rows];
        this.valid = new float[horizon * rows];
        this.ids = new long[rows];
    }

    int batch() { return batch; }

    /** The batch whose row {@code r} (of E x B, member-major) starts at age {@code ages[r]}. */
    ModelBatch fill(ReplayBuffer real, int[] ages) {
        int rows = members * batch, n = real.size();
        float[] so = real.obsArray(), sa = real.actArray(), sr = real.rewardArray(), sn = real.nextObsArray(), nd = real.notDoneArray();
        long first = real.added() - n;
        for (int r = 0; r < rows; r++) {
            int age = ages[r];
            ids[r] = first + age;
            int row = real.chronologicalRow(age);
            System.arraycopy(so, row * ds, obs, r * ds, ds);
            boolean alive = true;
            for (int t = 0; t < horizon; t++) {
                int j = t * rows + r;
                if (t > 0) {
                    int prev = row;
                    alive = alive && nd[prev] == 1f && age + t < n;
                    if (alive) {
                        row = real.chronologicalRow(age + t);
                        alive = Arrays.equals(so, row * ds, row * ds + ds, sn, prev * ds, prev * ds + ds);
                    }
                }
                int o = (t + 1) * rows * ds + r * ds;
                if (alive) {
                    System.arraycopy(sa, row * da, actions, j * da, da);
                    System.arraycopy(sn, row * ds, obs, o, ds);
                    rewards[j] = sr[row];
                    dones[j] = 1f - nd[row];
                    valid[j] = 1f;
                } else {
                    Arrays.fill(actions, j * da, j * da + da, 0f);
                    System.arraycopy(obs, t * rows * ds + r * ds, obs, o, ds);
                    rewards[j] = 0f;
                    dones[j] = 0f;
                    valid[j] = 0f;
                }
            }
        }
        return new ModelBatch(members, batch, horizon, ds, da, obs, actions, rewards, dones, valid, ids);
    }
}
