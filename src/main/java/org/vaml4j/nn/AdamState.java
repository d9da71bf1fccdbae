package org.vaml4j.nn;

/**
 * The state of an Adam optimizer as plain arrays, for backends that keep their own copy of it
 * (the device-resident trainers move it to and from the GPU around checkpoints).
 */
public interface AdamState {

    /** First moments, layout of the parameters (shared, not a copy). */
    float[] moment1();

    /** Second moments (shared, not a copy). */
    float[] moment2();

    /** Steps taken. */
    long steps();

    /** Sets the step count (the moments are written through {@link #moment1()}, {@link #moment2()}). */
    void restoreSteps(long t);
}
