package org.vaml4j.autodiff;

/**
 * The backward rule of one recorded op application: reads the output gradient and accumulates
 * ({@code +=}) into the gradients of the inputs that have one.
 */
@FunctionalInterface
public interface Backward {
    void run();
}
