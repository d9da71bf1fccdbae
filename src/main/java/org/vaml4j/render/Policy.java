package org.vaml4j.render;

/** Chooses the action for an observation (what a rollout replays: a trained agent, or random actions). */
@FunctionalInterface
public interface Policy {

    /** The env action for observation {@code obs} (a fresh array, within the action space). */
    double[] act(double[] obs);
}
