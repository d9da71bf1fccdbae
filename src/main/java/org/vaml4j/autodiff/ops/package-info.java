/**
 * One class per differentiable primitive, each a static {@code apply(Tape, ...)} with its
 * forward and backward side by side. Backward rules accumulate ({@code +=}) into the gradients of
 * the inputs that have one; outputs live in the tape's recycled buffers.
 *
 * <h2>Catalog</h2>
 * <ul>
 *   <li>Products: {@link org.vaml4j.autodiff.ops.MatMul} (A B, with transpose flags in the BLAS
 *       convention), {@link org.vaml4j.autodiff.ops.BatchedMatMul} ([E, m, k] or shared [m, k]
 *       times [E, k, n]), {@link org.vaml4j.autodiff.ops.Dense} (fused {@code act(x W + b)},
 *       single [..., in] x [in, out] + [out], or ensemble [E, B, in] / shared [B, in] x [E, in, out]
 *       + [E, out]).</li>
 *   <li>Elementwise of two tensors, either operand broadcast over the other's leading axes (its
 *       shape a suffix of the other's; rank 0 broadcasts over anything):
 *       {@link org.vaml4j.autodiff.ops.Add}, {@link org.vaml4j.autodiff.ops.Sub},
 *       {@link org.vaml4j.autodiff.ops.Mul}, {@link org.vaml4j.autodiff.ops.Div},
 *       {@link org.vaml4j.autodiff.ops.Min}, {@link org.vaml4j.autodiff.ops.Max}. With a float
 *       constant: {@code Add.apply(t, x, c)}, {@code Sub.apply(t, x, c)}, {@code Sub.apply(t, c, x)},
 *       {@code Mul.apply(t, x, c)}, {@code Div.apply(t, x, c)}, {@code Div.apply(t, c, x)} (c/x).</li>
 *   <li>Elementwise of one tensor: {@link org.vaml4j.autodiff.ops.Neg},
 *       {@link org.vaml4j.autodiff.ops.Relu}, {@link org.vaml4j.autodiff.ops.Silu},
 *       {@link org.vaml4j.autodiff.ops.Tanh}, {@link org.vaml4j.autodiff.ops.Sigmoid},
 *       {@link org.vaml4j.autodiff.ops.Softplus}, {@link org.vaml4j.autodiff.ops.Exp},
 *       {@link org.vaml4j.autodiff.ops.Log}, {@link org.vaml4j.autodiff.ops.Square},
 *       {@link org.vaml4j.autodiff.ops.Sqrt}, {@link org.vaml4j.autodiff.ops.Abs},
 *       {@link org.vaml4j.autodiff.ops.Pow} (constant exponent),
 *       {@link org.vaml4j.autodiff.ops.Clamp}.</li>
 *   <li>Reductions: {@link org.vaml4j.autodiff.ops.Sum}, {@link org.vaml4j.autodiff.ops.Mean}
 *       (over all values to rank 0, or over one axis with keepDims),
 *       {@link org.vaml4j.autodiff.ops.L2Norm} (over the last axis).</li>
 *   <li>Shapes: {@link org.vaml4j.autodiff.ops.Concat}, {@link org.vaml4j.autodiff.ops.Slice}
 *       (any axis, default the last), {@link org.vaml4j.autodiff.ops.Reshape} (a view; -1 infers),
 *       {@link org.vaml4j.autodiff.ops.GatherRows} (rows by index, repeats allowed),
 *       {@link org.vaml4j.autodiff.ops.GatherColumns} (one column per row, [R, C] to [R, 1]),
 *       {@link org.vaml4j.autodiff.ops.Detach} (stop gradient).</li>
 *   <li>Fused for numerics: {@link org.vaml4j.autodiff.ops.GaussianNll} (MBPO convention),
 *       {@link org.vaml4j.autodiff.ops.BoundedLogVar} (MBPO's soft log-variance bounds),
 *       {@link org.vaml4j.autodiff.ops.TanhGaussianLogProb} (SAC's squashed sample and its
 *       log-density, both differentiable), {@link org.vaml4j.autodiff.ops.LogSoftmax} (last axis,
 *       max-shifted).</li>
 * </ul>
 * Not differentiable: {@link org.vaml4j.autodiff.Quantiles}. Every op has a
 * {@link org.vaml4j.autodiff.GradCheck} property in the tests.
 */
package org.vaml4j.autodiff.ops;
