package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;

/**
 * {@code y = min(max(x, lo), hi)}. The gradient passes where {@code lo <= x <= hi} (as torch's
 * clamp) and is zero outside.
 */
public final class Clamp {

    private Clamp() {}

    public static Tensor apply(Tape tape, Tensor x, float lo, float hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("clamp: need lo <= hi, got lo=" + lo + ", hi=" + hi);
        int n = x.size();
        float[] xd = x.data();
        int xo = x.offset();
        Tensor y = tape.outputLike(x.requiresGrad(), x);
        float[] yd = y.data();
        int yo = y.offset();
        for (int i = 0; i < n; i++) yd[yo + i] = Math.min(Math.max(xd[xo + i], lo), hi);
        if (y.requiresGrad()) {
            tape.record(() -> {
                // dx += dy [lo <= x <= hi]
                float[] dy = y.grad(), dx = x.grad();
                int dyo = y.gradOffset(), dxo = x.gradOffset();
                for (int i = 0; i < n; i++) {
                    float v = xd[xo + i];
                    if (v >= lo && v <= hi) dx[dxo + i] += dy[dyo + i];
                }
            });
        }
        return y;
    }
}
