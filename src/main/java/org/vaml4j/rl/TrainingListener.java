package org.vaml4j.rl;

/**
 * Receives a {@link Trainer}'s progress; a lambda handles episode ends:
 * {@code trainer.train(20_000, e -> System.out.println(e.step() + " " + e.episodeReturn()))}.
 * Callbacks run on the training thread; an exception thrown from one stops training and
 * propagates out of {@link Trainer#train}.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * A training episode ended. The trainer is then between episodes, the only point where
     * {@link Trainer#writeState} may be called (to checkpoint).
     */
    void onEpisodeEnd(EpisodeEnd e);

    /** Called after every env step (keep it cheap). */
    default void onStep(long step) {}

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return e -> {};
    }
}
