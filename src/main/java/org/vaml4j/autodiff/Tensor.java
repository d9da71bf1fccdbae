package org.vaml4j.autodiff;

import java.util.Arrays;

/**
 * A dense row-major float tensor: a window {@code [offset, offset + size)} of a flat
 * {@code float[]}, plus the shape. A tensor that takes part in differentiation carries a
 * gradient window of the same size (possibly in another array, e.g. the flat gradient buffer
 * of {@code nn.Params}).
 *
 * <p>Tensors made by a {@link Tape} live in the tape's reusable buffers: after
 * {@link Tape#reset()} their contents belong to the next step. Copy out what must outlive a step
 * ({@link #toArray()}).
 */
public final class Tensor {

    private final int[] shape;
    private final int size;
    private final float[] data;
    private final int offset;
    private final float[] grad;   // null when no gradient flows into this tensor
    private final int gradOffset;

    Tensor(int[] shape, float[] data, int offset, float[] grad, int gradOffset) {
        this.shape = shape;
        this.size = Shapes.size(shape);
        this.data = data;
        this.offset = offset;
        this.grad = grad;
        this.gradOffset = gradOffset;
        if (offset < 0 || offset + size > data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape)
                    + " at offset " + offset + " does not fit in an array of length " + data.length);
        }
        if (grad != null && (gradOffset < 0 || gradOffset + size > grad.length)) {
            throw new IllegalArgumentException("gradient of shape " + Arrays.toString(shape)
                    + " at offset " + gradOffset + " does not fit in an array of length " + grad.length);
        }
    }

    /** A constant (no gradient) over the whole of {@code data}. */
    public static Tensor constant(float[] data, int... shape) {
        Shapes.check(shape);
        if (Shapes.size(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + Shapes.size(shape) + " values, data has " + data.length);
        }
        return new Tensor(shape.clone(), data, 0, null, 0);
    }

    /** A leaf that receives a gradient, in a fresh zeroed gradient array. */
    public static Tensor variable(float[] data, int... shape) {
        Shapes.check(shape);
        if (Shapes.size(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + Shapes.size(shape) + " values, data has " + data.length);
        }
        return new Tensor(shape.clone(), data, 0, new float[data.length], 0);
    }

    /** A view into existing storage; {@code grad} may be null for a constant view. */
    public static Tensor view(float[] data, int offset, float[] grad, int gradOffset, int... shape) {
        Shapes.check(shape);
        return new Tensor(shape.clone(), data, offset, grad, gradOffset);
    }

    /** The same storage seen with another shape of the same size (no copy, shares the gradient). */
    public Tensor reshapeView(int... newShape) {
        Shapes.check(newShape);
        if (Shapes.size(newShape) != size) {
            throw new IllegalArgumentException("reshape: " + Arrays.toString(shape) + " ("
                    + size + " values) cannot become " + Arrays.toString(newShape));
        }
        return new Tensor(newShape.clone(), data, offset, grad, gradOffset);
    }

    /** The shape array itself, for the tape (which copies it before keeping it); never written. */
    int[] shapeRef() { return shape; }

    /** Whether the shape is {@code s} (no copy made). */
    boolean hasShape(int[] s) {
        if (s.length != shape.length) return false;
        for (int i = 0; i < s.length; i++) if (s[i] != shape[i]) return false;
        return true;
    }

    /** Number of axes. */
    public int rank() { return shape.length; }

    /** Length of axis {@code i}; negative i counts from the end. */
    public int dim(int i) { return shape[i < 0 ? shape.length + i : i]; }

    /** A copy of the shape. */
    public int[] shape() { return shape.clone(); }

    /** Product of the shape. */
    public int size() { return size; }

    /** Backing array of the values (shared, not a copy); values start at {@link #offset()}. */
    public float[] data() { return data; }

    public int offset() { return offset; }

    /** Backing array of the gradient, or null when none flows here. */
    public float[] grad() { return grad; }

    public int gradOffset() { return gradOffset; }

    public boolean requiresGrad() { return grad != null; }

    /** Value at flat (row-major) index i. */
    public float get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + i + " of size " + size);
        return data[offset + i];
    }

    /** Gradient at flat index i. */
    public float gradAt(int i) {
        if (grad == null) throw new IllegalStateException("tensor " + Arrays.toString(shape) + " has no gradient");
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + i + " of size " + size);
        return grad[gradOffset + i];
    }

    /** The only element of a one-element tensor. */
    public float item() {
        if (size != 1) throw new IllegalStateException("item() needs one element, shape is " + Arrays.toString(shape));
        return data[offset];
    }

    /** A fresh copy of the values. */
    public float[] toArray() { return Arrays.copyOfRange(data, offset, offset + size); }

    /** A fresh copy of the gradient. */
    public float[] gradToArray() {
        if (grad == null) throw new IllegalStateException("tensor " + Arrays.toString(shape) + " has no gradient");
        return Arrays.copyOfRange(grad, gradOffset, gradOffset + size);
    }

    /** Sets the gradient window to zero (leaves only; tape outputs are zeroed by the tape). */
    public void zeroGrad() {
        if (grad != null) Arrays.fill(grad, gradOffset, gradOffset + size, 0f);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + (grad != null ? " (grad)" : "");
    }
}
