package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Binary;

/**
 * Forward and backward shared by {@link Min} and {@link Max}: {@code y = f(a, b)} where f picks
 * one operand; the gradient flows to the picked one, to a on a tie ({@code f(a, b) == a}).
 */
final class Selection {

    private Selection() {}

    static Tensor apply(String op, Binary f, Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of(op, a, b);
        Tensor y = tape.output(a.requiresGrad() || b.requiresGrad(), bc.outShape);
        bc.forward(tape.kernels(), f, a, b, y);
        if (y.requiresGrad()) {
            tape.record(() -> {
                // da += dy [f(a, b) == a] ; db += dy [otherwise]
                float[] ad = a.data(), bd = b.data(), dy = y.grad(), da = a.grad(), db = b.grad();
                int rows = bc.rows, cols = bc.cols;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        int ia = bc.aSmall ? c : r * cols + c;
                        int ib = bc.bSmall ? c : r * cols + c;
                        float g = dy[y.gradOffset() + r * cols + c];
                        float av = ad[a.offset() + ia];
                        if (f.apply(av, bd[b.offset() + ib]) == av) {
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
