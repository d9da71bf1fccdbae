package org.vaml4j.mbrl.device;

import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.rl.ReplayBuffer;

/** The hold-out as the CPU trainer's validation batch: every member the same V transitions (E x V), by age. */
final class HoldOutBatch {

    private HoldOutBatch() {}

    /** Transitions {@code ages} of {@code real} for each of {@code members} members, ids as the CPU's (added - n + age). */
    static ModelBatch of(ReplayBuffer real, int[] ages, int members) {
        int v = ages.length, ds = real.obsDim(), da = real.actDim(), rows = members * v, n = real.size();
        float[] s = new float[rows * ds], s2 = new float[rows * ds], a = new float[rows * da], r = new float[rows], done = new float[rows];
        long[] ids = new long[rows];
        float[] so = real.obsArray(), sa = real.actArray(), sn = real.nextObsArray(), sr = real.rewardArray(), nd = real.notDoneArray();
        long first = real.added() - n;
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < v; i++) {
                int row = real.chronologicalRow(ages[i]), q = m * v + i;
                System.arraycopy(so, row * ds, s, q * ds, ds);
                System.arraycopy(sn, row * ds, s2, q * ds, ds);
                System.arraycopy(sa, row * da, a, q * da, da);
                r[q] = sr[row];
                done[q] = 1f - nd[row];
                ids[q] = first + ages[i];
            }
        }
        return ModelBatch.transitions(members, v, ds, da, s, a, r, s2, done, ids);
    }
}
