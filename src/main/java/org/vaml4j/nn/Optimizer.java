package org.vaml4j.nn;

import java.io.IOException;

/** A first-order optimizer over one {@link Params}: reads its gradient, updates its values. */
public interface Optimizer {

    /** The parameters this optimizer updates. */
    Params params();

    /** One update from the current gradient (the caller zeroes the gradient before the next backward). */
    void step();

    /** Number of {@link #step()} calls so far. */
    long steps();

    /** Writes the optimizer state (moments, step count) under {@code prefix}. */
    void write(ArchiveWriter w, String prefix) throws IOException;

    /** Restores state written by {@link #write}; shapes are checked before anything is overwritten. */
    void read(ArchiveReader r, String prefix);
}
