package org.vaml4j.mbrl;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The hold-out split and the per-member bootstrap draws of one model-training call
 * ({@link ModelTrainer}, details 2 and 3), shared by the CPU and the device trainers so both
 * consume the same random draws in the same order:
 * <ol>
 *   <li>{@link #draw}: a Fisher-Yates permutation of the n transitions (ages); its last
 *       {@link #heldOutSize()} entries are the hold-out; then each member draws {@link #trainSize()}
 *       training transitions with replacement from the rest, member after member.</li>
 *   <li>{@link #reshuffle}, at the start of every epoch: a Fisher-Yates shuffle of each member's draw.</li>
 *   <li>{@link #batchAges}: batch b of an epoch gives member e the entries
 *       {@code (b B + i) mod nTrain} of its draw, so the last batch wraps around.</li>
 * </ol>
 */
public final class BootstrapSplit {

    private final int members;
    private final ModelTrainerConfig config;
    private int[] order = new int[0];   // (n) shuffled ages; the last nValidation are held out
    private int[] draws = new int[0];   // (E x nTrain) bootstrap draws, per member
    private int n;
    private int nTrain;

    public BootstrapSplit(int members, ModelTrainerConfig config) {
        if (members < 1) throw new IllegalArgumentException("bootstrap split: members must be >= 1, got " + members);
        this.members = members;
        this.config = config;
    }

    /**
     * Checks that a training call on {@code n} transitions with epoch cap {@code maxEpochs} (0 = none) can run.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public void requireTrainable(int n, int maxEpochs) {
        if (maxEpochs < 0) throw new IllegalArgumentException("model training: maxEpochs must be >= 0, got " + maxEpochs);
        if (n < 2) throw new IllegalArgumentException("model training needs at least 2 transitions, the buffer holds " + n);
        if (validationSize(n) == 0 && maxEpochs == 0) {
            throw new IllegalArgumentException("model training without a hold-out needs an epoch cap");
        }
    }

    /** Hold-out size for n transitions: validationRatio of them, at most maxValidation, leaving >= 1 for training. */
    public int validationSize(int n) {
        int v = (int) Math.min(config.maxValidation(), Math.round(config.validationRatio() * n));
        return Math.max(0, Math.min(v, n - 1));
    }

    /** A new split of {@code n} transitions and new bootstrap draws from {@code rng}. */
    public void draw(int n, RandomGenerator rng) {
        if (n < 2) throw new IllegalArgumentException("bootstrap split: needs at least 2 transitions, got " + n);
        if (order.length < n) order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        shuffle(order, 0, n, rng);
        this.n = n;
        this.nTrain = n - validationSize(n);
        if (draws.length < members * nTrain) draws = new int[members * nTrain];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < nTrain; i++) draws[m * nTrain + i] = order[rng.nextInt(nTrain)];
        }
    }

    /** Transitions each member draws for training. */
    public int trainSize() { return nTrain; }

    /** Transitions held out. */
    public int heldOutSize() { return n - nTrain; }

    /** Gradient steps per epoch: {@code ceil(nTrain / batchSize)}. */
    public int batches() { return (nTrain + config.batchSize() - 1) / config.batchSize(); }

    /** The ages of the held-out transitions, a copy. */
    public int[] heldOut() { return Arrays.copyOfRange(order, nTrain, n); }

    /** Reshuffles each member's draw (the start of an epoch). */
    public void reshuffle(RandomGenerator rng) {
        for (int m = 0; m < members; m++) shuffle(draws, m * nTrain, nTrain, rng);
    }

    /** (E x nTrain) the members' draws, member e at {@code [e nTrain, (e + 1) nTrain)}; shared, not a copy. */
    public int[] draws() { return draws; }

    /** Fills {@code ages} (E x B) with the transitions of batch {@code b} of the current epoch. */
    public void batchAges(int b, int[] ages) {
        int bs = config.batchSize();
        if (ages.length < members * bs) {
            throw new IllegalArgumentException("bootstrap split: ages must hold E x B = " + members * bs + " values, got " + ages.length);
        }
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < bs; i++) ages[m * bs + i] = draws[m * nTrain + (b * bs + i) % nTrain];
        }
    }

    /** Fisher-Yates shuffle of {@code a[off, off + n)}. */
    private static void shuffle(int[] a, int off, int n, RandomGenerator rng) {
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = a[off + i];
            a[off + i] = a[off + j];
            a[off + j] = t;
        }
    }
}
