package org.vaml4j.sim;

/**
 * Physics options of a model ({@code <option>}), MuJoCo 2.2 defaults in parentheses.
 *
 * @param timestep   integration step h in seconds (0.002)
 * @param gravity    (3) gravitational acceleration, world frame ((0, 0, -9.81))
 * @param wind       (3) medium velocity for the fluid model ((0, 0, 0))
 * @param density    medium density for the inertia-box fluid model (0 = off)
 * @param viscosity  medium viscosity for the inertia-box fluid model (0 = off)
 * @param integrator time integrator (EULER)
 * @param collision  which geom pairs are tested for contact (ALL)
 * @param solver     constraint solver name as given ("Newton")
 * @param iterations constraint solver iterations (100)
 * @param tolerance  constraint solver tolerance (1e-8)
 */
public record Option(double timestep, double[] gravity, double[] wind, double density, double viscosity,
                     IntegratorKind integrator, CollisionMode collision, String solver, int iterations,
                     double tolerance) {

    /** The integrators of {@code <option integrator>}. */
    public enum IntegratorKind { EULER, RK4 }

    /** {@code <option collision>}: all pairs, only explicit {@code <pair>}s, or only dynamic pairs. */
    public enum CollisionMode { ALL, PREDEFINED, DYNAMIC }

    public Option {
        gravity = gravity.clone();
        wind = wind.clone();
    }

    @Override public double[] gravity() { return gravity.clone(); }

    @Override public double[] wind() { return wind.clone(); }

    double gravity(int i) { return gravity[i]; }

    double wind(int i) { return wind[i]; }
}
