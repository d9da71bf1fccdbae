package org.vaml4j.env.locomotion;

import org.vaml4j.env.Transition;
import org.vaml4j.sim.RnePostConstraint;

/**
 * mbrl-lib's {@code ant_truncated_obs} (MBPO's Ant): Ant-v4's physics, observation (27), reset and
 * termination, with a contact cost in the reward:
 * reward = (x' - x) / dt - 0.5 |a|^2 - 0.5e-3 sum clip(cfrc_ext, -1, 1)^2 + 1, cfrc_ext over all
 * 14 bodies x 6 after the step (MuJoCo's mj_rnePostConstraint).
 */
public final class AntTruncatedObs extends Ant {

    public static final double CONTACT_COST_WEIGHT = 0.5 * 1e-3;

    @Override public String id() { return "AntTruncatedObs"; }

    @Override
    protected Transition stepTask(double[] action) {
        double xBefore = data.xpos[3 * torso];
        doSimulation(action);
        RnePostConstraint.cfrcExt(model, data);
        double forward = (data.xpos[3 * torso] - xBefore) / dt;
        double ctrlCost = CTRL_COST_WEIGHT * sumSq(action);
        double contactCost = CONTACT_COST_WEIGHT * Legged.clippedSumSq(data.cfrcExt);
        double reward = forward - ctrlCost - contactCost + HEALTHY_REWARD;
        return new Transition(observation(), reward, !healthy(), false);
    }
}
