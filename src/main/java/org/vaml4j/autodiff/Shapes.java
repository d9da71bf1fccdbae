package org.vaml4j.autodiff;

import java.util.Arrays;

/** Shape arithmetic and the shape checks every op shares; messages name the op and the shapes. */
public final class Shapes {

    private Shapes() {}

    /** Product of the dimensions (1 for a scalar of rank 0). */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " too large");
        return (int) n;
    }

    /** Product of {@code shape[from..to)}, e.g. the rows before an axis or the values after it. */
    public static int product(int[] shape, int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) n *= shape[i];
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " too large");
        return (int) n;
    }

    static void check(int[] shape) {
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
        }
    }

    /** Fails unless both tensors have exactly the same shape. */
    public static void requireSame(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) throw mismatch(op, a, b, "shapes must be equal");
    }

    /** Fails unless the tensor has the given rank. */
    public static void requireRank(String op, Tensor t, int rank) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(op + ": expected rank " + rank + ", got shape "
                    + Arrays.toString(t.shape()));
        }
    }

    /**
     * Whether {@code small} broadcasts over the leading axes of {@code big}: its shape equals the
     * trailing axes of big's shape (e.g. [n] against [b, n], or [b, n] against [e, b, n]).
     */
    public static boolean isSuffix(Tensor big, Tensor small) {
        int[] b = big.shape(), s = small.shape();
        if (s.length > b.length) return false;
        for (int i = 0; i < s.length; i++) {
            if (s[s.length - 1 - i] != b[b.length - 1 - i]) return false;
        }
        return true;
    }

    /** The exception for two incompatible operands. */
    public static IllegalArgumentException mismatch(String op, Tensor a, Tensor b, String why) {
        return new IllegalArgumentException(op + ": " + why + "; got " + Arrays.toString(a.shape())
                + " and " + Arrays.toString(b.shape()));
    }
}
