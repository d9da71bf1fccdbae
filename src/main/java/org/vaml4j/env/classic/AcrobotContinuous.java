package org.vaml4j.env.classic;

/** {@link AcrobotTask} with a continuous torque τ = clip(a, -1, 1). */
public final class AcrobotContinuous extends AcrobotTask {

    @Override public String id() { return "AcrobotContinuous"; }

    @Override
    protected double torque(double a) {
        return a;
    }
}
