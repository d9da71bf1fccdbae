package org.vaml4j.mbrl.loss;

import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Square;

/**
 * {@code ma-direct-l2}: the square of the direct model-advantage objective of MA eq. 8,
 * {@code D^2} ({@link MaDirect}).
 */
public final class MaDirectL2 extends MaDirect {

    /**
     * @param gamma   discount in (0, 1]
     * @param samples model samples per transition, >= 1
     * @param horizon trajectory length H the sampler should provide (every step of the batch is used)
     * @param scale   weight of the value term, > 0
     */
    public MaDirectL2(float gamma, int samples, int horizon, float scale) {
        super("ma-direct-l2", gamma, samples, horizon, scale);
    }

    @Override public String id() { return "ma-direct-l2"; }
    @Override public String description() { return "square of the mean discounted model advantage over whole trajectories"; }
    @Override public String reference() { return "MA eq. 8 (L2)"; }

    @Override Tensor norm(Tape tape, Tensor d) { return Square.apply(tape, d); }
}
