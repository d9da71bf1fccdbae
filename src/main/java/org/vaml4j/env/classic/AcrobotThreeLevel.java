package org.vaml4j.env.classic;

/**
 * {@link AcrobotTask} as the model-advantage SLBO code ran it (va_slbo / MBBL): the Box action
 * picks one of gym's three torques, a &lt; -0.33 → -1, -0.33 ≤ a &lt; 0.33 → 0, a ≥ 0.33 → +1.
 */
public final class AcrobotThreeLevel extends AcrobotTask {

    @Override public String id() { return "AcrobotThreeLevel"; }

    @Override
    protected double torque(double a) {
        return a < -0.33 ? -1.0 : a < 0.33 ? 0.0 : 1.0;
    }
}
