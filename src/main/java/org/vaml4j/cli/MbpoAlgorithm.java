package org.vaml4j.cli;

import org.vaml4j.env.Env;
import org.vaml4j.experiment.Algorithm;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.device.Cuda;
import org.vaml4j.mbrl.Mbpo;
import org.vaml4j.mbrl.MbpoConfig;
import org.vaml4j.mbrl.NoCorrection;
import org.vaml4j.mbrl.device.DeviceMbpoParts;
import org.vaml4j.mbrl.device.DeviceModelTrainer;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.device.DeviceSac;

/** {@code --algo mbpo}: {@link Mbpo} with any model loss ({@code --loss}). */
final class MbpoAlgorithm implements Algorithm {

    @Override public String name() { return "mbpo"; }

    @Override public String summary() { return "MBPO: SAC on branched rollouts of a learned ensemble, any model loss"; }

    @Override public String reference() { return "Janner et al. 2019; VaGraM Alg. 1, App. E (model-share schedule)"; }

    /**
     * On the GPU: the mle loss with a Gaussian head and fixed log-variance bounds (MBPO's model),
     * or vagram with a deterministic head (its default).
     */
    @Override
    public boolean runsOnCuda(Settings s) {
        return gpuLimitation(s) == null;
    }

    @Override
    public String gpuLimitation(Settings s) {
        ModelLoss loss = MbrlSettings.loss(s);
        if (!loss.id().equals("mle") && !loss.id().equals("vagram")) {
            return "--algo mbpo trains on the GPU with --loss mle or vagram only, got '" + loss.id()
                    + "' (it runs on the CPU without run.kernels=cuda)";
        }
        try {
            DeviceModelTrainer.requireSupported(loss, MbrlSettings.dynamics(s, loss));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * With {@code run.kernels=cuda}: SAC updates ({@link DeviceSac}) and model training
     * ({@link DeviceModelTrainer}) on one GPU device ({@link DeviceMbpoParts}: opened here once,
     * owned and closed by the SAC updater; vagram reads the critics there); env steps, acting and
     * model rollouts on the host.
     */
    @Override
    public Trainer create(Settings s, Env env, Env evalEnv, long seed, Kernels kernels) {
        ModelLoss loss = MbrlSettings.loss(s);
        MbpoConfig mbpo = MbrlSettings.mbpo(s);
        if (s.string("run.kernels").equals("cuda")) {
            DeviceMbpoParts parts = new DeviceMbpoParts(Cuda.open(), mbpo.realCapacity());
            return new Mbpo("mbpo", env, evalEnv, mbpo, SacAlgorithm.sacConfig(s), MbrlSettings.dynamics(s, loss),
                    MbrlSettings.trainer(s), loss, new NoCorrection(), seed, kernels, parts.updaters(), parts.fitters());
        }
        return new Mbpo("mbpo", env, evalEnv, mbpo, SacAlgorithm.sacConfig(s), MbrlSettings.dynamics(s, loss),
                MbrlSettings.trainer(s), loss, new NoCorrection(), seed, kernels);
    }
}
