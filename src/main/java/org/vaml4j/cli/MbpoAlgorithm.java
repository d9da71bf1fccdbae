package org.vaml4j.cli;

import org.vaml4j.env.Env;
import org.vaml4j.experiment.Algorithm;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.Mbpo;
import org.vaml4j.mbrl.NoCorrection;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.rl.Trainer;

/** {@code --algo mbpo}: {@link Mbpo} with any model loss ({@code --loss}). */
final class MbpoAlgorithm implements Algorithm {

    @Override public String name() { return "mbpo"; }

    @Override public String summary() { return "MBPO: SAC on branched rollouts of a learned ensemble, any model loss"; }

    @Override public String reference() { return "Janner et al. 2019; VaGraM Alg. 1, App. E (model-share schedule)"; }

    @Override
    public Trainer create(Settings s, Env env, Env evalEnv, long seed, Kernels kernels) {
        ModelLoss loss = MbrlSettings.loss(s);
        return new Mbpo("mbpo", env, evalEnv, MbrlSettings.mbpo(s), SacAlgorithm.sacConfig(s), MbrlSettings.dynamics(s, loss),
                MbrlSettings.trainer(s), loss, new NoCorrection(), seed, kernels);
    }
}
