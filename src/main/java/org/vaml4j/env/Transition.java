package org.vaml4j.env;

/**
 * Result of one env step: the next observation, the reward, {@code terminated} (the task
 * reached a terminal state: no bootstrapping) and {@code truncated} (the time limit ended the
 * episode: bootstrap from {@code obs}).
 */
public record Transition(double[] obs, double reward, boolean terminated, boolean truncated) {

    /** Whether the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
