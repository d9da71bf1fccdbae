package org.vaml4j.sim;

/** One simulation step (MuJoCo's {@code mj_step}): forward dynamics, then the model's integrator. */
public final class Step {

    private Step() {}

    /** Advances d by one timestep of m. Allocates nothing. */
    public static void step(Model m, Data d) {
        Forward.forward(m, d);
        m.integrator.advance(m, d);
    }
}
