package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.loss.ModelLosses;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;

class ModelTrainerTest {

    static final Kernels KN = KernelChoice.select("auto", 1);

    static DynamicsEnsemble model(ModelHead head) {
        return new DynamicsEnsemble(LinearTask.DS, LinearTask.DA, new DynamicsConfig(4, 2, 2, 32, head, false, TargetNormalization.STANDARDIZE), new Rng(3));
    }

    static ModelTrainerConfig config(int maxEpochs) {
        return new ModelTrainerConfig(64, 3e-3, new double[] {1e-5}, 0.2, 5000, 5, maxEpochs, 1);
    }

    @Test
    void fittingALinearSystemDrivesTheValidationErrorDown() {
        ReplayBuffer data = new LinearTask(10).data(20, 50, new Rng(1));
        DynamicsEnsemble m = model(ModelHead.GAUSSIAN);
        ModelTrainer t = new ModelTrainer(m, ModelLosses.create("mle"), config(0), KN);
        AtomicLong heard = new AtomicLong();
        ModelTrainingReport r = t.train(data, null, 0, new Rng(2), heard::set);
        // targets: delta ~ 0.1 U(-1,1) (variance ~ 3e-3), reward with variance ~ 0.42; predicting their
        // means would leave an MSE of about 0.1; a fitted model must be far below
        assertTrue(r.valMse() < 0.01, "validation MSE " + r.valMse());
        assertTrue(Double.isFinite(r.valNll()) && Double.isNaN(r.valueAwareError()), r.toString());
        assertEquals(t.updates(), heard.get());
        assertEquals(r.updates(), t.updates());
        assertTrue(r.epochs() >= 5, "patience 5 needs at least 5 epochs, ran " + r.epochs());
    }

    @Test
    void trainingFitsTheTargetStatisticsToEveryStoredTransition() {
        ReplayBuffer data = new LinearTask(10).data(4, 25, new Rng(1));
        DynamicsEnsemble m = model(ModelHead.GAUSSIAN);
        new ModelTrainer(m, ModelLosses.create("mle"), config(1), KN).train(data, null, 0, new Rng(2), ModelTrainer.UpdateListener.none());
        int n = data.size(), ds = LinearTask.DS;
        float[] s = data.obsArray(), s2 = data.nextObsArray(), r = data.rewardArray();
        for (int j = 0; j <= ds; j++) {
            double sum = 0, sq = 0;
            for (int i = 0; i < n; i++) sum += j < ds ? s2[i * ds + j] - s[i * ds + j] : r[i];
            double mean = sum / n;
            for (int i = 0; i < n; i++) {
                double d = (j < ds ? s2[i * ds + j] - s[i * ds + j] : r[i]) - mean;
                sq += d * d;
            }
            assertEquals(mean, m.targetMean(j), 1e-6, "mean of output " + j);
            assertEquals(Math.sqrt(sq / (n - 1)), m.targetStd(j), 1e-6, "std of output " + j);
        }
    }

    @Test
    void elitesAreTheMembersWithTheLowestValidationError() {
        assertArrayEquals(new int[] {2, 0}, EarlyStopping.lowest(new double[] {0.3, 0.9, 0.1, 0.3}, 2));
        assertArrayEquals(new int[] {0, 3}, EarlyStopping.lowest(new double[] {0.3, 0.9, 0.4, 0.3}, 2));
    }

    @Test
    void sameSeedSameModel() {
        ReplayBuffer data = new LinearTask(10).data(5, 40, new Rng(1));
        DynamicsEnsemble a = model(ModelHead.DETERMINISTIC), b = model(ModelHead.DETERMINISTIC);
        new ModelTrainer(a, ModelLosses.create("mse"), config(3), KN).train(data, null, 0, new Rng(5), ModelTrainer.UpdateListener.none());
        new ModelTrainer(b, ModelLosses.create("mse"), config(3), KN).train(data, null, 0, new Rng(5), ModelTrainer.UpdateListener.none());
        assertArrayEquals(a.params().data(), b.params().data());
        assertArrayEquals(a.elites(), b.elites());
    }

    @Test
    void aTrainingThatCannotImproveRestoresTheStartingPoint() {
        ReplayBuffer data = new LinearTask(10).data(5, 40, new Rng(1));
        DynamicsEnsemble m = model(ModelHead.DETERMINISTIC);
        // a huge learning rate makes every epoch worse than the initial model: all members are restored
        ModelTrainerConfig wild = new ModelTrainerConfig(64, 5.0, new double[] {0}, 0.2, 5000, 2, 0, 1);
        float[] before = m.params().data().clone();
        ModelTrainingReport r = new ModelTrainer(m, ModelLosses.create("mse"), wild, KN)
                .train(data, null, 0, new Rng(5), ModelTrainer.UpdateListener.none());
        assertEquals(2, r.epochs());
        assertArrayEquals(before, m.params().data());
    }

    @Test
    void multiStepLossesTrainOnSegments() {
        ReplayBuffer data = new LinearTask(0.5).data(10, 30, new Rng(1));   // early terminations cut segments
        DynamicsEnsemble m = model(ModelHead.DETERMINISTIC);
        ModelTrainingReport r = new ModelTrainer(m, ModelLosses.create("slbo"), config(5), KN)
                .train(data, null, 0, new Rng(5), ModelTrainer.UpdateListener.none());
        assertTrue(Double.isFinite(r.trainLoss()) && Double.isFinite(r.valLoss()), r.toString());
    }

    @Test
    void rejectsTooLittleDataAndMissingValues() {
        ReplayBuffer one = new ReplayBuffer(4, LinearTask.DS, LinearTask.DA);
        one.add(new double[3], new double[2], 0, new double[3], false);
        DynamicsEnsemble m = model(ModelHead.DETERMINISTIC);
        ModelTrainer t = new ModelTrainer(m, ModelLosses.create("mse"), config(1), KN);
        assertThrows(IllegalArgumentException.class, () -> t.train(one, null, 0, new Rng(1), ModelTrainer.UpdateListener.none()));
        ReplayBuffer data = new LinearTask(10).data(2, 10, new Rng(1));
        ModelTrainer v = new ModelTrainer(m, ModelLosses.create("vagram"), config(1), KN);
        var e = assertThrows(IllegalArgumentException.class, () -> v.train(data, null, 0, new Rng(1), ModelTrainer.UpdateListener.none()));
        assertTrue(e.getMessage().contains("vagram"), e.getMessage());
    }
}
