package org.vaml4j.bench;

import java.util.SplittableRandom;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.Graph;
import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.DynamicsEnsemble;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.ModelTrainerConfig;
import org.vaml4j.mbrl.TargetNormalization;
import org.vaml4j.mbrl.device.DeviceDynamics;
import org.vaml4j.mbrl.device.DevicePredictor;
import org.vaml4j.mbrl.device.DeviceTrainStep;
import org.vaml4j.nn.AdamConfig;
import org.vaml4j.nn.device.DeviceAdam;

/**
 * The ensemble workloads of {@link EnsembleWorkloads} on a {@link Device}, built from the
 * device-resident classes (the code path of {@code DeviceModelTrainer} and {@link DevicePredictor}),
 * timed as captured graphs replayed (the GPU anchor's {@code graph_bench.py} protocol):
 * <ul>
 *   <li>{@link #ensembleTrain} ENSEMBLE_TRAIN: one {@link DeviceTrainStep} (7 members x 256 rows,
 *       14-200-200-200-200-24 SiLU, Gaussian NLL, Adam 1e-3 with MBPO's per-layer coupled decay) per
 *       replay. One difference to the CPU workload: the log-variance bounds are fixed (the device
 *       path's only configuration, mbrl-lib's default) where the CPU bench trains them.</li>
 *   <li>{@link #ensemblePredictFull} ENSEMBLE_PREDICT_FULL: every member predicts all 100 000
 *       rows (MBPO's {@code predict}), no gradient: input normalization, the shared-input forward
 *       and the Gaussian head in raw units, per replay.</li>
 * </ul>
 * {@link DeviceBench} times them.
 */
public final class DeviceWorkloads {

    static final int OBS = EnsembleWorkloads.OBS, ACT = EnsembleWorkloads.ACT;

    /**
     * Workload sizes.
     *
     * @param members      ensemble members (7)
     * @param batch        rows per member of a training step (256)
     * @param hiddenLayers hidden layers per member (4)
     * @param hiddenWidth  units per hidden layer (200)
     * @param predictRows  rows every member predicts (100 000)
     */
    public record Shapes(int members, int batch, int hiddenLayers, int hiddenWidth, int predictRows) {

        public Shapes {
            if (members < 1 || batch < 1 || hiddenLayers < 1 || hiddenWidth < 1 || predictRows < 1) {
                throw new IllegalArgumentException("device workloads: every size must be >= 1, got " + members + ", " + batch + ", "
                        + hiddenLayers + ", " + hiddenWidth + ", " + predictRows);
            }
        }

        /** The CPU bench's shapes (MBPO's ensemble). */
        public static Shapes mbpo() {
            return new Shapes(EnsembleWorkloads.MEMBERS, EnsembleWorkloads.BATCH, 4, 200, EnsembleWorkloads.PREDICT_ROWS);
        }
    }

    private DeviceWorkloads() {}

    /** ENSEMBLE_TRAIN: one replayed training-step graph per iteration (state freed with the device). */
    public static DeviceBench.DeviceWorkload ensembleTrain(Device device, Shapes shapes) {
        DynamicsEnsemble model = model(shapes);
        ModelTrainerConfig tc = ModelTrainerConfig.defaults();
        int e = shapes.members(), b = shapes.batch(), rows = e * b, out = OBS + 1;
        SplittableRandom rng = new SplittableRandom(0);
        DeviceDynamics dd = new DeviceDynamics(device, model);
        DeviceAdam adam = new DeviceAdam(dd.params(), model.params(), AdamConfig.of(tc.lr()), model.weightDecay(decays(shapes)));
        DeviceTrainStep step = new DeviceTrainStep(dd, adam, b);
        // member e trains on its own rows e B .. (e + 1) B - 1 of random normalized inputs and standardized targets
        DeviceBuffer inputs = upload(device, EngineWorkloads.normal(rng, rows * (OBS + ACT)));
        DeviceBuffer targets = upload(device, EngineWorkloads.normal(rng, rows * out));
        int[] own = new int[rows];
        for (int i = 0; i < rows; i++) own[i] = i;
        DeviceBuffer order = device.allocate(DeviceBuffer.Kind.INT, rows);
        device.upload(own, 0, order, 0, rows);
        DeviceBuffer losses = device.allocate(DeviceBuffer.Kind.FLOAT, 1);
        step.capture(inputs, targets, order, b, losses, 1);
        return new DeviceBench.DeviceWorkload("ENSEMBLE_TRAIN", step::replay, trainFlops(shapes), 10,
                e + " x " + b + " rows; " + shapes.hiddenLayers() + " x " + shapes.hiddenWidth() + " SiLU; Gaussian NLL; Adam; one captured graph");
    }

    /** ENSEMBLE_PREDICT_FULL: every member predicts every row, one replayed graph per iteration. */
    public static DeviceBench.DeviceWorkload ensemblePredictFull(Device device, Shapes shapes) {
        DynamicsEnsemble model = model(shapes);
        int n = shapes.predictRows();
        int[] all = new int[shapes.members()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        SplittableRandom rng = new SplittableRandom(0);
        DeviceDynamics dd = new DeviceDynamics(device, model);
        DevicePredictor p = new DevicePredictor(dd, all, n);
        DeviceBuffer s = upload(device, EngineWorkloads.normal(rng, n * OBS)), a = upload(device, EngineWorkloads.normal(rng, n * ACT));
        Graph g = device.capture(() -> p.predict(s, 0, a, 0, n));
        return new DeviceBench.DeviceWorkload("ENSEMBLE_PREDICT_FULL", g::replay, predictFullFlops(shapes), 3,
                shapes.members() + " x " + n + " rows; mean and log-variance in raw units; one captured graph");
    }

    /** FLOPs of one ENSEMBLE_TRAIN step as the CPU bench counts them (3x the forward matmuls). */
    public static long trainFlops(Shapes shapes) {
        return 3 * flopsPerRow(shapes) * shapes.members() * shapes.batch();
    }

    /** FLOPs of one ENSEMBLE_PREDICT_FULL replay (the forward matmuls). */
    public static long predictFullFlops(Shapes shapes) {
        return flopsPerRow(shapes) * shapes.members() * shapes.predictRows();
    }

    private static long flopsPerRow(Shapes shapes) {
        long f = 2L * (OBS + ACT) * shapes.hiddenWidth() + 2L * shapes.hiddenWidth() * 2 * (OBS + 1);
        return f + 2L * (shapes.hiddenLayers() - 1) * shapes.hiddenWidth() * shapes.hiddenWidth();
    }

    /** MBPO's Gaussian ensemble of these shapes with fixed log-variance bounds, weights from seed 1. */
    private static DynamicsEnsemble model(Shapes s) {
        DynamicsConfig c = new DynamicsConfig(s.members(), Math.min(5, s.members()), s.hiddenLayers(), s.hiddenWidth(),
                ModelHead.GAUSSIAN, false, TargetNormalization.STANDARDIZE);
        return new DynamicsEnsemble(OBS, ACT, c, new SplittableRandom(1));
    }

    /** MBPO's per-layer decays when the depth is MBPO's, else its mean decay for every layer. */
    private static double[] decays(Shapes s) {
        double[] mbpo = ModelTrainerConfig.defaults().weightDecay();
        return mbpo.length == s.hiddenLayers() + 1 ? mbpo : new double[] {5e-5};
    }

    private static DeviceBuffer upload(Device device, float[] v) {
        DeviceBuffer b = device.allocate(DeviceBuffer.Kind.FLOAT, v.length);
        device.upload(v, 0, b, 0, v.length);
        return b;
    }
}
