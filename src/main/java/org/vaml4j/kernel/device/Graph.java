package org.vaml4j.kernel.device;

/** A recorded sequence of kernel launches ({@link Device#capture}), replayed as one unit. */
public interface Graph extends AutoCloseable {

    /** Launches the recorded kernels again, in order, with the scalars fixed at capture. */
    void replay();

    /** Frees the graph. */
    @Override
    void close();
}
