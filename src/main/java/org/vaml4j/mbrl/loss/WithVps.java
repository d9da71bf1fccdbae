package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.mbrl.ModelFn;

/**
 * {@code vps}: a main loss plus value-predictive smoothness, MW §3.4 / App. C
 * <pre>
 *   L = alpha * L_main + lambda * L_VPS
 * </pre>
 * where alpha is the main loss's own value-term scale (its reward MSE stays unscaled, see e.g.
 * {@link MaL1}), so the MW Table 1 pairs (alpha, lambda) map onto (main scale, lambda).
 */
public final class WithVps implements ModelLoss {

    private final ModelLoss main;
    private final Vps vps;
    private final float lambda;

    /**
     * @param main   the main loss (MW: ma-l1 or itervaml), with its scale alpha
     * @param vps    the smoothness term
     * @param lambda weight of the smoothness term, > 0 (MW Table 1: 1e-5 or 1e-6 with ma-l1)
     */
    public WithVps(ModelLoss main, Vps vps, float lambda) {
        if (main == null || vps == null) throw new IllegalArgumentException("vps: main loss and vps term must not be null");
        this.main = main;
        this.vps = vps;
        this.lambda = Vagram.checkScale("vps (lambda)", lambda);
    }

    /** The main loss. */
    public ModelLoss main() { return main; }

    @Override public String id() { return "vps"; }
    @Override public String description() { return "alpha * main + lambda * value-predictive smoothness (main: " + main.id() + ")"; }
    @Override public String reference() { return "MW eq. 12, App. C (Table 1 scales)"; }
    @Override public boolean needsValues() { return true; }
    @Override public int horizon() { return Math.max(main.horizon(), vps.horizon()); }

    @Override
    public Tensor loss(Tape tape, ModelFn model, ModelBatch batch, LossContext ctx) {
        LossTerms.check(this, model, batch, ctx);
        return Add.apply(tape, main.loss(tape, model, batch, ctx), Mul.apply(tape, vps.loss(tape, model, batch, ctx), lambda));
    }
}
