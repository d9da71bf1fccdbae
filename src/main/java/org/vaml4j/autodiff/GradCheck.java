package org.vaml4j.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.random.Gaussian;

/**
 * Checks reverse-mode gradients against central finite differences by random projection (the
 * way {@code check_vjp} in JAX does it). For a function {@code y = f(x_1, ..., x_n)}, a random
 * cotangent c (shaped like y) and, per differentiable input x_i, a random tangent t_i, it compares
 * <pre>
 *   finite differences:  &lt;c, J_i t_i&gt; ~ (&lt;c, f(x_i + eps t_i)&gt; - &lt;c, f(x_i - eps t_i)&gt;) / (2 eps)
 *   reverse mode:        &lt;J_i^T c, t_i&gt;  from tape.backward(y, c)
 * </pre>
 * f is evaluated in float (as in training) and the projections are accumulated in double. The
 * check passes when {@code |fd - rev| <= relTol max(|fd|, |rev|) + absTol scale + noise}, where
 * {@code scale = ||J_i^T c|| ||t_i|| + sum_j |c_j y_j|} bounds the size of both numbers, and
 * {@code noise = 4 sum_j |c_j| ulp(max(|y_j|, max|x|)) / (2 eps)} is the float rounding floor of
 * the differences: an output computed from inputs of size |x| (e.g. {@code -10 + softplus(..)})
 * carries rounding of that size even when it is itself small. Inputs with a gradient ({@link Tensor#requiresGrad()}) are checked;
 * constants are held fixed. Pick points away from kinks (relu at 0, abs at 0, ties of min/max).
 *
 * <p>Example, checking an op of one's own:
 * <pre>{@code
 * Tensor x = Tensor.variable(new float[] {0.3f, -1.2f, 2f}, 3);
 * Tensor w = Tensor.constant(new float[] {1f, 2f, 3f}, 3);
 * GradCheck.check(new ScalarKernels(), new SplittableRandom(7),
 *         (tape, in) -> Mul.apply(tape, Tanh.apply(tape, in[0]), in[1]), x, w);
 * }</pre>
 * The function receives GradCheck's own copies of the inputs (at non-zero offsets, to exercise
 * the ops' offset handling) and must build its result on the tape it is given, every time in
 * the same way.
 */
public final class GradCheck {

    private GradCheck() {}

    /**
     * Tolerances of the check.
     *
     * @param eps    step of the central differences along the tangent (default 1e-3: float
     *               rounding grows as 1/eps, truncation error as eps^2)
     * @param relTol allowed relative difference (default 1e-2)
     * @param absTol allowed difference relative to the scale of the problem (default 1e-3)
     */
    public record Config(double eps, double relTol, double absTol) {
        public static final Config DEFAULT = new Config(1e-3, 1e-2, 1e-3);

        public Config {
            if (!(eps > 0) || !(relTol >= 0) || !(absTol >= 0)) {
                throw new IllegalArgumentException("GradCheck.Config: need eps > 0, relTol >= 0, absTol >= 0; got eps="
                        + eps + ", relTol=" + relTol + ", absTol=" + absTol);
            }
        }
    }

    /** The function under test: builds its output on the tape from the inputs. */
    @FunctionalInterface
    public interface Fn {
        Tensor apply(Tape tape, Tensor... inputs);
    }

    /** The two projections for one input and whether they agree. */
    public record Comparison(int input, int[] shape, double finiteDifference, double reverseMode, double tolerance) {
        public boolean agrees() {
            return Math.abs(finiteDifference - reverseMode) <= tolerance;
        }

        @Override
        public String toString() {
            return "input " + input + " " + Arrays.toString(shape) + ": finite differences <c, J t> = "
                    + finiteDifference + ", reverse mode <J^T c, t> = " + reverseMode + ", |difference| = "
                    + Math.abs(finiteDifference - reverseMode) + ", tolerance = " + tolerance;
        }
    }

    /** {@link #check(Kernels, RandomGenerator, Config, Fn, Tensor...)} with {@link Config#DEFAULT}. */
    public static void check(Kernels kernels, RandomGenerator rng, Fn f, Tensor... inputs) {
        check(kernels, rng, Config.DEFAULT, f, inputs);
    }

    /**
     * Fails with an {@link AssertionError} naming the input and both numbers when the gradient of
     * any differentiable input disagrees with finite differences.
     *
     * @throws IllegalArgumentException when an input, the output or a perturbed output holds NaN or Inf
     */
    public static void check(Kernels kernels, RandomGenerator rng, Config config, Fn f, Tensor... inputs) {
        for (Comparison c : compare(kernels, rng, config, f, inputs)) {
            if (!c.agrees()) {
                throw new AssertionError("GradCheck failed for " + c + " (eps " + config.eps() + ", relTol "
                        + config.relTol() + ", absTol " + config.absTol() + ", backend " + kernels.name() + ")");
            }
        }
    }

    /** One comparison per differentiable input, in input order. */
    public static List<Comparison> compare(Kernels kernels, RandomGenerator rng, Config config, Fn f, Tensor... inputs) {
        for (int i = 0; i < inputs.length; i++) requireFinite("input " + i, inputs[i].toArray(), inputs[i]);
        Tensor[] x = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) x[i] = paddedCopy(inputs[i]);
        Tape tape = new Tape(kernels);

        // ---- reverse mode: g_i = J_i^T c ----
        Tensor y = evaluate(f, tape, x, "output");
        float[] yv = y.toArray();
        float[] c = gaussian(rng, y.size());
        double scaleY = 0;
        for (int j = 0; j < yv.length; j++) scaleY += Math.abs((double) c[j] * yv[j]);
        float inputScale = 0f;
        for (Tensor xi : x) {
            for (int j = 0; j < xi.size(); j++) inputScale = Math.max(inputScale, Math.abs(xi.get(j)));
        }
        double roundingFloor = 0;
        for (int j = 0; j < yv.length; j++) {
            roundingFloor += Math.abs(c[j]) * Math.ulp(Math.max(Math.abs(yv[j]), inputScale));
        }
        double noise = 4 * roundingFloor / (2 * config.eps());
        if (y.requiresGrad()) tape.backward(y, c);

        // ---- forward differences per input: <c, f(x_i + eps t_i)> - <c, f(x_i - eps t_i)> ----
        tape.setGradEnabled(false);
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!x[i].requiresGrad()) continue;
            float[] t = gaussian(rng, x[i].size());
            float[] g = x[i].gradToArray();
            double rev = 0, gNorm = 0, tNorm = 0;
            for (int j = 0; j < t.length; j++) {
                rev += (double) g[j] * t[j];
                gNorm += (double) g[j] * g[j];
                tNorm += (double) t[j] * t[j];
            }
            float[] base = x[i].toArray();
            double plus = projectedAt(f, tape, x, i, base, t, config.eps(), c);
            double minus = projectedAt(f, tape, x, i, base, t, -config.eps(), c);
            System.arraycopy(base, 0, x[i].data(), x[i].offset(), base.length);
            double fd = (plus - minus) / (2 * config.eps());
            double tol = config.relTol() * Math.max(Math.abs(fd), Math.abs(rev))
                    + config.absTol() * (Math.sqrt(gNorm) * Math.sqrt(tNorm) + scaleY) + noise;
            out.add(new Comparison(i, x[i].shape(), fd, rev, tol));
        }
        return out;
    }

    /** {@code <c, f(x)>} with input i moved to {@code base + h t}. */
    private static double projectedAt(Fn f, Tape tape, Tensor[] x, int i, float[] base, float[] t, double h, float[] c) {
        float[] d = x[i].data();
        for (int j = 0; j < base.length; j++) d[x[i].offset() + j] = (float) (base[j] + h * t[j]);
        tape.reset();
        Tensor y = evaluate(f, tape, x, "output at input " + i + (h > 0 ? " + " : " - ") + "eps * tangent");
        if (y.size() != c.length) {
            throw new IllegalArgumentException("GradCheck: the function's output changed size from " + c.length
                    + " to " + y.size() + " between evaluations");
        }
        double s = 0;
        for (int j = 0; j < c.length; j++) s += (double) c[j] * y.get(j);
        return s;
    }

    private static Tensor evaluate(Fn f, Tape tape, Tensor[] x, String what) {
        Tensor y = f.apply(tape, x);
        if (y == null) throw new IllegalArgumentException("GradCheck: the function returned null");
        requireFinite(what, y.toArray(), y);
        return y;
    }

    /** A copy placed at offset 3 of its values array and 5 of its gradient array. */
    private static Tensor paddedCopy(Tensor t) {
        float[] data = new float[t.size() + 6];
        System.arraycopy(t.data(), t.offset(), data, 3, t.size());
        float[] grad = t.requiresGrad() ? new float[t.size() + 7] : null;
        return Tensor.view(data, 3, grad, 5, t.shape());
    }

    private static float[] gaussian(RandomGenerator rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) Gaussian.next(rng);
        return v;
    }

    private static void requireFinite(String what, float[] v, Tensor t) {
        for (int j = 0; j < v.length; j++) {
            if (!Float.isFinite(v[j])) {
                throw new IllegalArgumentException("GradCheck: " + what + " " + Arrays.toString(t.shape())
                        + " holds the non-finite value " + v[j] + " at flat index " + j);
            }
        }
    }
}
