package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;

class ModelRolloutsTest {

    static final ModelRollouts.Policy ZERO = (obs, rows, actions, rng) -> java.util.Arrays.fill(actions, 0, rows * LinearTask.DA, 0f);

    static DynamicsEnsemble trained(ReplayBuffer data, ModelHead head) {
        DynamicsEnsemble m = new DynamicsEnsemble(LinearTask.DS, LinearTask.DA, new DynamicsConfig(4, 3, 2, 32, head, false, TargetNormalization.STANDARDIZE), new Rng(3));
        new ModelTrainer(m, ModelLosses.create(head == ModelHead.GAUSSIAN ? "mle" : "mse"),
                new ModelTrainerConfig(64, 3e-3, new double[] {1e-5}, 0.2, 5000, 5, 30, 1), KernelChoice.select("auto", 1))
                .train(data, null, 0, new Rng(2), ModelTrainer.UpdateListener.none());
        return m;
    }

    @Test
    void rolloutsWithoutTerminationPushStartsTimesLength() {
        ReplayBuffer data = new LinearTask(10).data(10, 30, new Rng(1));
        DynamicsEnsemble m = trained(data, ModelHead.GAUSSIAN);
        ModelRollouts r = new ModelRollouts(m, 37, KernelChoice.select("auto", 1));   // chunks of 37: 100 = 37 + 37 + 26
        ReplayBuffer out = new ReplayBuffer(1000, LinearTask.DS, LinearTask.DA);
        ModelRollouts.Stats s = r.rollout(data, ZERO, new LinearTask(10), 100, 3, out, new Rng(4));
        assertEquals(300, s.transitions());
        assertEquals(300, out.size());
        assertEquals(0, s.terminated());
    }

    @Test
    void aDeterministicModelFollowsTheLearnedDynamicsAndChainsStates() {
        ReplayBuffer data = new LinearTask(10).data(20, 30, new Rng(1));
        DynamicsEnsemble m = trained(data, ModelHead.DETERMINISTIC);
        ModelRollouts r = new ModelRollouts(m, 64, KernelChoice.select("auto", 1));
        ReplayBuffer out = new ReplayBuffer(1000, LinearTask.DS, LinearTask.DA);
        r.rollout(data, ZERO, new LinearTask(10), 50, 2, out, new Rng(4));
        float[] o = out.obsArray(), n = out.nextObsArray();
        double worst = 0;
        for (int i = 0; i < out.size(); i++) {
            // with a = 0 the true system gives s'_0 = s_0, s'_2 = s_2 + 0.05 s_0, r = s_0
            worst = Math.max(worst, Math.abs(n[i * 3] - o[i * 3]));
            worst = Math.max(worst, Math.abs(n[i * 3 + 2] - o[i * 3 + 2] - 0.05 * o[i * 3]));
            worst = Math.max(worst, Math.abs(out.rewardArray()[i] - o[i * 3]));
        }
        assertTrue(worst < 0.15, "largest deviation from the true system " + worst);
        // the second step of rollout i starts where its first step ended: rows 50.. start at next states of rows 0..
        for (int i = 0; i < 50; i++) assertEquals(n[i * 3 + 1], o[(50 + i) * 3 + 1], 0f);
    }

    @Test
    void terminalTransitionsAreStoredAndEndTheirRollout() {
        ReplayBuffer data = new LinearTask(10).data(10, 30, new Rng(1));
        DynamicsEnsemble m = trained(data, ModelHead.GAUSSIAN);
        ModelRollouts r = new ModelRollouts(m, 64, KernelChoice.select("auto", 1));
        ReplayBuffer out = new ReplayBuffer(1000, LinearTask.DS, LinearTask.DA);
        // bound -10: every predicted state is terminal, so each rollout is one transition with done = 1
        ModelRollouts.Stats s = r.rollout(data, ZERO, new LinearTask(-10), 40, 5, out, new Rng(4));
        assertEquals(40, s.transitions());
        assertEquals(40, s.terminated());
        for (int i = 0; i < 40; i++) assertEquals(0f, out.notDoneArray()[i]);
    }
}
