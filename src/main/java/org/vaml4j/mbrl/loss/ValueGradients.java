package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Quantiles;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.mbrl.ModelBatch;
import org.vaml4j.nn.ValueFunctions;

/**
 * The value-gradient directions of the VaGraM family: {@code g_k = dV_k/ds} at the real next
 * states s', one row per transition, each value function on its own (never summed across k),
 * with VaGraM's norm clipping (App. E): per value function and per batch, the L2 norms of all
 * E x B rows are clipped at their p-quantile (linear interpolation, numpy's default), i.e. a row
 * whose norm n exceeds the quantile q is rescaled by q / n; the other rows are unchanged. The
 * result is a constant: it never carries a gradient into the model.
 */
final class ValueGradients {

    private ValueGradients() {}

    /**
     * Clipped gradients (K x E x B x ds) at {@code batch.states(1)}, from the context's cache (or a
     * fresh one). {@code clipQuantile} in (0, 1]; 1 leaves every row unchanged.
     */
    static Tensor at(Tape tape, ValueFunctions vf, ModelBatch batch, LossContext ctx, double clipQuantile) {
        int k = vf.count(), e = batch.members(), b = batch.batch(), ds = batch.stateDim(), rows = e * b;
        Tensor g = tape.output(false, k, e, b, ds);
        ValueGradientCache cache = ctx.gradients() != null ? ctx.gradients() : new ValueGradientCache(tape.kernels(), 0);
        cache.gradients(vf, batch.obsArray(), rows * ds, rows, batch.ids(), g.data());
        if (clipQuantile < 1) {
            float[] scratch = tape.scratch(2 * rows);
            for (int j = 0; j < k; j++) clipRows(g.data(), g.offset() + j * rows * ds, rows, ds, clipQuantile, scratch);
        }
        return g;
    }

    /**
     * Rescales the rows of {@code g[off .. off + rows * d)} (rows x d) whose L2 norm exceeds the
     * p-quantile of all row norms to norm = that quantile. {@code scratch} holds at least 2 rows values.
     */
    static void clipRows(float[] g, int off, int rows, int d, double p, float[] scratch) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += (double) g[off + i * d + j] * g[off + i * d + j];
            scratch[rows + i] = (float) Math.sqrt(s);
        }
        float q = Quantiles.of(scratch, rows, rows, p, scratch);   // sorts a copy in scratch[0, rows)
        for (int i = 0; i < rows; i++) {
            float n = scratch[rows + i];
            if (n > q) {
                float f = q / n;
                for (int j = 0; j < d; j++) g[off + i * d + j] *= f;
            }
        }
    }
}
