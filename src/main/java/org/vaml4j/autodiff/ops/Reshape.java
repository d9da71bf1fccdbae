package org.vaml4j.autodiff.ops;

import java.util.Arrays;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * The same values with another shape of the same size: a view sharing x's storage and gradient
 * window, so gradients flow without a recorded rule. One axis may be -1 (inferred).
 */
public final class Reshape {

    private Reshape() {}

    public static Tensor apply(Tape tape, Tensor x, int... shape) {
        int[] s = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && infer < 0) infer = i;
            else known *= s[i];
        }
        if (infer >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new IllegalArgumentException("reshape: " + Arrays.toString(x.shape()) + " cannot become "
                        + Arrays.toString(shape));
            }
            s[infer] = (int) (x.size() / known);
        }
        return x.reshapeView(s);
    }
}
