package org.vaml4j.env.locomotion;

import org.vaml4j.env.Box;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;
import org.vaml4j.sim.RnePostConstraint;

/**
 * mbrl-lib's {@code humanoid_truncated_obs} (MBPO's Humanoid): Humanoid-v4's physics and reset with
 * <ul>
 *   <li>obs (45) = qpos[2:] (22), qvel (23)</li>
 *   <li>reward = 0.25 (c' - c) / timestep - 0.1 |a|^2 - min(0.5e-6 sum cfrc_ext^2, 10) + 5, divided by the
 *       physics timestep 0.003 (not dt), c = x of the mass-weighted body centres</li>
 *   <li>terminated = z &lt; 1 or z > 2 (alive for 1 &lt;= z &lt;= 2 inclusive)</li>
 * </ul>
 */
public final class HumanoidTruncatedObs extends Humanoid {

    public static final double LIN_VEL_WEIGHT = 0.25, IMPACT_COST_WEIGHT = 0.5e-6, MAX_IMPACT_COST = 10;

    private static final Box OBS = Box.uniform(45, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    @Override public String id() { return "HumanoidTruncatedObs"; }

    @Override public Box observationSpace() { return OBS; }

    @Override public TaskFunctions functions() { return FUNCTIONS; }

    @Override
    protected double[] observation() {
        return Legged.floatingObservation(data, model.nq(), model.nv());
    }

    @Override
    protected Transition stepTask(double[] action) {
        double before = Legged.massCenterX(model, data);
        doSimulation(action);
        RnePostConstraint.cfrcExt(model, data);
        double linVel = LIN_VEL_WEIGHT * (Legged.massCenterX(model, data) - before) / model.timestep();
        double ctrl = CTRL_COST_WEIGHT * sumSq(action);
        double impact = 0;
        for (double f : data.cfrcExt) impact += f * f;
        impact = Math.min(IMPACT_COST_WEIGHT * impact, MAX_IMPACT_COST);
        double reward = linVel - ctrl - impact + HEALTHY_REWARD;
        double[] obs = observation();
        return new Transition(obs, reward, FUNCTIONS.terminated(obs, 0), false);
    }

    /** mbrl-lib's {@code termination_fns.humanoid}: done iff obs[0] < 1 or obs[0] > 2. */
    private static final TaskFunctions FUNCTIONS = new LearnedReward(45, 17,
            "HumanoidTruncatedObs: the reward needs contact forces and x",
            (next, n) -> next[n] < MIN_Z || next[n] > MAX_Z);
}
