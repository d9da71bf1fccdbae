package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;

/**
 * {@code y = max(a, b)} elementwise, with broadcasting of either operand over the leading axes of
 * the other (see {@link Add}). The gradient flows to the larger operand; on a tie it goes to a.
 */
public final class Max {

    private Max() {}

    public static Tensor apply(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of("max", a, b);
        Tensor y = tape.output(a.requiresGrad() || b.requiresGrad(), bc.outShape);
        bc.forward(tape.kernels(), Binary.MAX, a, b, y);
        if (y.requiresGrad()) {
            tape.record(() -> {
                // da += dy [a >= b] ; db += dy [not (a >= b)]
                float[] ad = a.data(), bd = b.data(), dy = y.grad(), da = a.grad(), db = b.grad();
                int rows = bc.rows, cols = bc.cols;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        int ia = bc.aSmall ? c : r * cols + c;
                        int ib = bc.bSmall ? c : r * cols + c;
                        float g = dy[y.gradOffset() + r * cols + c];
                        if (ad[a.offset() + ia] >= bd[b.offset() + ib]) {
                            if (da != null) da[a.gradOffset() + ia] += g;
                        } else if (db != null) {
                            db[b.gradOffset() + ib] += g;
                        }
                    }
                }
            });
        }
        return y;
    }
}
