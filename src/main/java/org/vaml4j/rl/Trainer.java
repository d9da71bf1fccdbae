package org.vaml4j.rl;

import java.io.IOException;
import java.util.List;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * An agent together with its environment loop: what {@code vaml4j train} drives, for any
 * algorithm. Everything a run does is a function of its config and seed, so a state written at
 * an episode boundary and read into a fresh trainer continues bit-identically.
 */
public interface Trainer {

    /** Algorithm name, e.g. {@code "sac"}. */
    String algorithm();

    /** Env steps taken so far. */
    long step();

    /** Training episodes finished so far. */
    long episode();

    /** Names of the per-update metrics reported in {@link EpisodeEnd#metrics()}. */
    List<String> metricNames();

    /** Trains until {@link #step()} reaches {@code totalSteps} (a no-op if it already has). */
    void train(long totalSteps, TrainingListener listener);

    /** Mean undiscounted return of {@code episodes} evaluation episodes of the deterministic policy (no training state changes). */
    double evaluate(int episodes);

    /** Whether the trainer is between episodes, where its state can be checkpointed. */
    boolean atEpisodeBoundary();

    /** Writes the whole training state (networks, optimizers, buffer, RNG streams, counters); only at an episode boundary. */
    void writeState(ArchiveWriter w) throws IOException;

    /** Restores a state written by {@link #writeState} into this freshly built trainer. */
    void readState(ArchiveReader r);

    /** Writes only the agent's networks (the result of training). */
    void writeAgent(ArchiveWriter w) throws IOException;
}
