package org.vaml4j.sim;

/**
 * Computes the constrained acceleration of the current efc rows (MuJoCo's {@code mj_fwdConstraint}
 * after the rows are made): reads qaccSmooth, qM, qLD and the efc rows; writes qacc, efcForce,
 * qfrcConstraint and qaccWarmstart.
 */
interface Solver {

    void solve(Model m, Data d);

    /**
     * The solver for an {@code <option solver>} value: "PGS" = {@link PgsSolver} (dual, projected
     * Gauss-Seidel); "Newton" and "CG" = {@link ConstraintSolver} (primal, exact Newton: CG
     * converges to the same minimiser, so the exact one stands in for it).
     */
    static Solver of(String name) {
        return switch (name) {
            case "PGS" -> PgsSolver::solve;
            case "Newton", "CG" -> ConstraintSolver::solve;
            default -> throw new IllegalArgumentException("unknown solver '" + name + "'; accepted: Newton, CG, PGS");
        };
    }
}
