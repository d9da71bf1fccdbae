/**
 * Reverse-mode automatic differentiation over flat {@code float[]} windows.
 *
 * <p>A step: ops ({@code org.vaml4j.autodiff.ops}) called with a {@link org.vaml4j.autodiff.Tape}
 * compute their outputs into the tape's buffers and record their backward rules;
 * {@link org.vaml4j.autodiff.Tape#backward(Tensor)} runs the rules in reverse order, once;
 * {@link org.vaml4j.autodiff.Tape#reset()} then recycles every buffer for the next step, so a
 * repeated step allocates only the small op records. Leaves are
 * {@link org.vaml4j.autodiff.Tensor#variable} / {@link org.vaml4j.autodiff.Tensor#view} with a
 * gradient window (zero it yourself between steps), or constants. Gradients flow to any leaf with
 * a gradient, data included (e.g. dV/ds). No-grad mode is a property of the tape.
 *
 * <pre>{@code
 * Tape tape = new Tape(KernelChoice.select("auto", 1));
 * Tensor h = Dense.apply(tape, x, w1, b1, Activation.SILU);
 * Tensor loss = Mean.apply(tape, Square.apply(tape, Sub.apply(tape, Dense.apply(tape, h, w2, b2, Activation.IDENTITY), y)));
 * tape.backward(loss);   // w1.grad() ... now hold dLoss/dw
 * tape.reset();
 * }</pre>
 */
package org.vaml4j.autodiff;
