package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Abs;

/**
 * {@code ma-direct-l1}: the direct model-advantage objective, MA eq. 8: the absolute value of the
 * mean discounted advantage sum over whole trajectories, {@code |D|} ({@link MaDirect}).
 */
public final class MaDirectL1 extends MaDirect {

    /**
     * @param gamma   discount in (0, 1]
     * @param samples model samples per transition, >= 1
     * @param horizon trajectory length H the sampler should provide (every step of the batch is used)
     * @param scale   weight of the value term, > 0
     */
    public MaDirectL1(float gamma, int samples, int horizon, float scale) {
        super("ma-direct-l1", gamma, samples, horizon, scale);
    }

    @Override public String id() { return "ma-direct-l1"; }
    @Override public String description() { return "|(1/m) sum_traj sum_t gamma^t (V(s_t+1) - E_model[V(s_hat)])| over whole trajectories"; }
    @Override public String reference() { return "MA eq. 8"; }

    @Override Tensor norm(Tape tape, Tensor d) { return Abs.apply(tape, d); }
}
