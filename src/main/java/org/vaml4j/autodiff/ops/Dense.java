package org.vaml4j.autodiff.ops;

import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.Unary;

/**
 * A dense layer fused into one op: {@code y = act(x W + b)}.
 * <ul>
 *   <li>single: x [..., in], W [in, out], b [out] gives y [..., out];</li>
 *   <li>ensemble: x [E, B, in] (or [B, in] shared by all members), W [E, in, out], b [E, out]
 *       gives y [E, B, out], member e computing {@code act(x[e] W[e] + b[e])}.</li>
 * </ul>
 * Forward is one gemm (batched for the ensemble) plus the bias and activation pass; backward is
 * {@code dz = dy act'(z)}, {@code dx += dz W^T}, {@code dW += x^T dz}, {@code db += colsum(dz)}.
 * With gradients on, the pre-activation z is kept in a tape buffer (whose gradient slot holds dz);
 * in no-grad mode the bias and activation are fused in place and nothing extra is kept.
 */
public final class Dense {

    private Dense() {}

    public static Tensor apply(Tape tape, Tensor x, Tensor w, Tensor b, Activation act) {
        if (act == null) throw new IllegalArgumentException("dense: activation must not be null; accepted: "
                + java.util.Arrays.toString(Activation.values()));
        if (w.rank() == 2) return single(tape, x, w, b, act);
        if (w.rank() == 3) return ensemble(tape, x, w, b, act);
        throw Shapes.mismatch("dense", x, w, "W must be [in, out] or [E, in, out]");
    }

    // ---- x [..., in] W [in, out] + b [out] ----

    private static Tensor single(Tape tape, Tensor x, Tensor w, Tensor b, Activation act) {
        int in = w.dim(0), out = w.dim(1);
        if (x.rank() < 1 || x.dim(-1) != in) throw Shapes.mismatch("dense", x, w, "x must be [..., in] for W [in, out]");
        if (b.rank() != 1 || b.dim(0) != out) throw Shapes.mismatch("dense", w, b, "bias must be [out] for W [in, out]");
        int[] shape = x.shape();
        shape[shape.length - 1] = out;
        int rows = Shapes.product(shape, 0, shape.length - 1);
        Kernels kn = tape.kernels();
        Tensor z = tape.output(anyGrad(x, w, b), shape);   // (rows x out) pre-activation
        Tensor y = outputFor(tape, act, z, shape);         // (rows x out)
        kn.gemm(false, false, rows, out, in, 1f, x.data(), x.offset(), w.data(), w.offset(), 0f, z.data(), z.offset());
        finish(kn, act, z, y, b, rows, out, 1);
        if (y.requiresGrad()) {
            tape.record(() -> {
                Tensor dzT = activationBackward(kn, act, z, y);
                float[] dz = dzT.grad();
                int dzo = dzT.gradOffset();
                if (x.requiresGrad()) { // dx (rows x in) += dz W^T
                    kn.gemm(false, true, rows, in, out, 1f, dz, dzo, w.data(), w.offset(), 1f, x.grad(), x.gradOffset());
                }
                if (w.requiresGrad()) { // dW (in x out) += x^T dz
                    kn.gemm(true, false, in, out, rows, 1f, x.data(), x.offset(), dz, dzo, 1f, w.grad(), w.gradOffset());
                }
                if (b.requiresGrad()) kn.columnSums(rows, out, dz, dzo, b.grad(), b.gradOffset(), true);
            });
        }
        return y;
    }

    // ---- x [E, B, in] (or [B, in]) W [E, in, out] + b [E, out] ----

    private static Tensor ensemble(Tape tape, Tensor x, Tensor w, Tensor b, Activation act) {
        int e = w.dim(0), in = w.dim(1), out = w.dim(2);
        boolean shared = x.rank() == 2;
        if (!(shared || x.rank() == 3) || x.dim(-1) != in || (!shared && x.dim(0) != e)) {
            throw Shapes.mismatch("dense", x, w, "x must be [E, B, in] or [B, in] for W [E, in, out]");
        }
        if (b.rank() != 2 || b.dim(0) != e || b.dim(1) != out) {
            throw Shapes.mismatch("dense", w, b, "bias must be [E, out] for W [E, in, out]");
        }
        int batch = x.dim(-2);
        int xStride = shared ? 0 : batch * in;   // x[e] (B x in)
        int wStride = in * out;                  // W[e] (in x out)
        int zStride = batch * out;               // z[e] (B x out)
        Kernels kn = tape.kernels();
        int[] shape = {e, batch, out};
        Tensor z = tape.output(anyGrad(x, w, b), shape);   // (E x B x out) pre-activation
        Tensor y = outputFor(tape, act, z, shape);         // (E x B x out)
        kn.gemmBatched(e, false, false, batch, out, in, 1f, x.data(), x.offset(), xStride, w.data(), w.offset(), wStride,
                0f, z.data(), z.offset(), zStride);
        finish(kn, act, z, y, b, batch, out, e);
        if (y.requiresGrad()) {
            tape.record(() -> {
                Tensor dzT = activationBackward(kn, act, z, y);
                float[] dz = dzT.grad();
                int dzo = dzT.gradOffset();
                if (x.requiresGrad()) {
                    if (shared) { // dx += sum_e dz[e] W[e]^T, in a fixed order
                        for (int i = 0; i < e; i++) {
                            kn.gemm(false, true, batch, in, out, 1f, dz, dzo + i * zStride, w.data(), w.offset() + i * wStride,
                                    1f, x.grad(), x.gradOffset());
                        }
                    } else { // dx[e] += dz[e] W[e]^T
                        kn.gemmBatched(e, false, true, batch, in, out, 1f, dz, dzo, zStride, w.data(), w.offset(), wStride,
                                1f, x.grad(), x.gradOffset(), xStride);
                    }
                }
                if (w.requiresGrad()) { // dW[e] += x[e]^T dz[e]
                    kn.gemmBatched(e, true, false, in, out, batch, 1f, x.data(), x.offset(), xStride, dz, dzo, zStride,
                            1f, w.grad(), w.gradOffset(), wStride);
                }
                if (b.requiresGrad()) { // db[e] += colsum(dz[e])
                    for (int i = 0; i < e; i++) {
                        kn.columnSums(batch, out, dz, dzo + i * zStride, b.grad(), b.gradOffset() + i * out, true);
                    }
                }
            });
        }
        return y;
    }

    // ---- shared pieces ----

    private static boolean anyGrad(Tensor x, Tensor w, Tensor b) {
        return x.requiresGrad() || w.requiresGrad() || b.requiresGrad();
    }

    /**
     * The output y: z itself when no separate pre-activation must be kept (identity activation,
     * or no gradient: bias and activation then run in place), else a second tape tensor.
     */
    private static Tensor outputFor(Tape tape, Activation act, Tensor z, int[] shape) {
        return act == Activation.IDENTITY || !z.requiresGrad() ? z : tape.output(true, shape);
    }

    /** z += b (per member), then y = act(z); fused in place when z and y are one tensor. */
    private static void finish(Kernels kn, Activation act, Tensor z, Tensor y, Tensor b, int rows, int out, int members) {
        int stride = rows * out;
        for (int i = 0; i < members; i++) {
            int zo = z.offset() + i * stride;
            int bo = b.offset() + i * out;
            if (z == y) {
                kn.biasActivation(act, rows, out, z.data(), zo, b.data(), bo, z.data(), zo);
            } else {
                kn.biasActivation(Activation.IDENTITY, rows, out, z.data(), zo, b.data(), bo, z.data(), zo);
            }
        }
        if (z != y) kn.unary(unaryOf(act), z.size(), z.data(), z.offset(), y.data(), y.offset());
    }

    /** The tensor whose gradient holds dz: z's own slot after {@code dz += dy act'(z)}, or y when z is y. */
    private static Tensor activationBackward(Kernels kn, Activation act, Tensor z, Tensor y) {
        if (z == y) return y;
        kn.activationBackward(act, z.size(), z.data(), z.offset(), y.data(), y.offset(),
                y.grad(), y.gradOffset(), z.grad(), z.gradOffset());
        return z;
    }

    private static Unary unaryOf(Activation act) {
        return switch (act) {
            case IDENTITY -> throw new IllegalStateException("identity has no separate activation pass");
            case RELU -> Unary.RELU;
            case SILU -> Unary.SILU;
            case TANH -> Unary.TANH;
            case SIGMOID -> Unary.SIGMOID;
            case SOFTPLUS -> Unary.SOFTPLUS;
        };
    }
}
