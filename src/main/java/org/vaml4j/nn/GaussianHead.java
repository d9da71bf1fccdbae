package org.vaml4j.nn;

import java.util.Arrays;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.BoundedLogVar;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Slice;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;

/**
 * Splits a network output (... x 2n) into a mean (... x n) and a log-variance (... x n) that is
 * softly bounded by learned limits, as MBPO's probabilistic ensemble (research.md §A.3):
 *
 * <pre>
 *   logvar = maxLogvar - softplus(maxLogvar - raw)
 *   logvar = minLogvar + softplus(logvar - minLogvar)
 * </pre>
 *
 * {@code <name>.max_logvar} and {@code <name>.min_logvar} (n) are parameters initialised to
 * +0.5 and -10 and shared by all ensemble members; the penalty
 * {@code 0.01 (sum maxLogvar - sum minLogvar)} that keeps them tight is {@link #boundPenalty}.
 */
public final class GaussianHead {

    /** Mean and bounded log-variance, each (... x n). */
    public record Output(Tensor mean, Tensor logvar) {}

    /** Initial upper and lower log-variance limits (mbrl-lib, MBPO). */
    public static final float INIT_MAX_LOGVAR = 0.5f, INIT_MIN_LOGVAR = -10f;

    private final String maxName;
    private final String minName;
    private final int n;

    /** Registers the two limit vectors of length {@code n} in {@code b}. */
    public GaussianHead(Params.Builder b, String name, int n) {
        if (n < 1) throw new IllegalArgumentException("gaussian head '" + name + "': n must be >= 1, got " + n);
        this.maxName = name + ".max_logvar";
        this.minName = name + ".min_logvar";
        this.n = n;
        b.add(maxName, n).add(minName, n);
    }

    public int dim() { return n; }

    public String maxLogvarName() { return maxName; }

    public String minLogvarName() { return minName; }

    /** Sets the limits to their initial values (+0.5, -10). */
    public void init(Params p) {
        Params.Entry hi = p.entry(maxName), lo = p.entry(minName);
        Arrays.fill(p.data(), hi.offset(), hi.offset() + n, INIT_MAX_LOGVAR);
        Arrays.fill(p.data(), lo.offset(), lo.offset() + n, INIT_MIN_LOGVAR);
    }

    /**
     * raw (... x 2n): the first n columns are the mean, the last n the unbounded log-variance.
     * With {@code trainableBounds} false the limits are constants (mbrl-lib's default
     * {@code learn_logvar_bounds: false}); gradients still flow to raw.
     */
    public Output apply(Tape tape, Params p, Tensor raw, boolean trainableBounds) {
        if (raw.rank() < 1 || raw.dim(-1) != 2 * n) {
            throw new IllegalArgumentException("gaussian head: expected [..., " + 2 * n + "], got " + Arrays.toString(raw.shape()));
        }
        Tensor hi = p.view(maxName, trainableBounds), lo = p.view(minName, trainableBounds);
        Tensor mean = Slice.apply(tape, raw, 0, n);
        Tensor logvar = BoundedLogVar.apply(tape, Slice.apply(tape, raw, n, 2 * n), hi, lo);
        return new Output(mean, logvar);
    }

    /**
     * {@code 0.01 * (sum(maxLogvar) - sum(minLogvar))} (a scalar on the tape), added to the NLL so
     * the learned limits stay tight; constant when {@code trainableBounds} is false.
     */
    public Tensor boundPenalty(Tape tape, Params p, boolean trainableBounds) {
        Tensor spread = Sub.apply(tape, Sum.apply(tape, p.view(maxName, trainableBounds)),
                Sum.apply(tape, p.view(minName, trainableBounds)));
        return Mul.apply(tape, spread, 0.01f);
    }
}
