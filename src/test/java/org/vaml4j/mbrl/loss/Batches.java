package org.vaml4j.mbrl.loss;

import java.util.random.RandomGenerator;
import org.vaml4j.mbrl.ModelBatch;

/** Random model batches for the loss tests. */
final class Batches {

    private Batches() {}

    /** Segments of H steps with states in [-1, 1), small state changes, random rewards; row 0 of member 0 ends early when H > 1. */
    static ModelBatch random(RandomGenerator rng, int e, int b, int h, int ds, int da, boolean padded) {
        int rows = e * b;
        float[] obs = new float[(h + 1) * rows * ds];
        for (int i = 0; i < rows * ds; i++) obs[i] = 2 * rng.nextFloat() - 1;
        for (int t = 1; t <= h; t++) {
            for (int i = 0; i < rows * ds; i++) obs[t * rows * ds + i] = obs[(t - 1) * rows * ds + i] + 0.3f * (2 * rng.nextFloat() - 1);
        }
        float[] act = new float[h * rows * da];
        for (int i = 0; i < act.length; i++) act[i] = 2 * rng.nextFloat() - 1;
        float[] rew = new float[h * rows];
        for (int i = 0; i < rew.length; i++) rew[i] = 2 * rng.nextFloat() - 1;
        float[] dones = new float[h * rows];
        float[] valid = new float[h * rows];
        java.util.Arrays.fill(valid, 1f);
        if (padded && h > 1) {
            dones[0] = 1f;                                      // row 0 terminates at step 0
            for (int t = 1; t < h; t++) valid[t * rows] = 0f;
        }
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) ids[i] = 1000 + i;
        return new ModelBatch(e, b, h, ds, da, obs, act, rew, dones, valid, ids);
    }
}
