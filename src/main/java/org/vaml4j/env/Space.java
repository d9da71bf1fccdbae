package org.vaml4j.env;

/** An observation or action space. */
public sealed interface Space permits Box, Discrete {

    /** Length of the flat vector that carries one element of this space (1 for {@link Discrete}). */
    int flatDim();

    /**
     * Checks one action/observation and returns the value the task uses: a continuous action
     * is clipped into the box; NaN, infinity and wrong lengths throw IllegalArgumentException
     * naming {@code what}.
     */
    double[] validate(String what, double[] x);
}
