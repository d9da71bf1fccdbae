package org.vaml4j.cli;

import org.vaml4j.env.Env;
import org.vaml4j.experiment.Algorithm;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.Mbac;
import org.vaml4j.mbrl.MbacConfig;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.rl.Trainer;

/** {@code --algo mbac}: {@link Mbac}, Lovatto et al.'s model-based actor-critic, with any model loss. */
final class MbacAlgorithm implements Algorithm {

    @Override public String name() { return "mbac"; }

    @Override public String summary() { return "model-based actor-critic: critic targets from fresh 1-step model samples, known reward"; }

    @Override public String reference() { return "Lovatto et al. 2020, Algorithm 1"; }

    @Override
    public Trainer create(Settings s, Env env, Env evalEnv, long seed, Kernels kernels) {
        ModelLoss loss = MbrlSettings.loss(s);
        MbacConfig c = new MbacConfig(s.longValue("mbac.warmup_steps", 2, Long.MAX_VALUE), s.integer("mbac.model_every", 1, Integer.MAX_VALUE),
                s.integer("mbac.warmup_epochs", 1, 1_000_000), s.integer("mbac.samples", 1, 10_000),
                s.integer("mbac.updates_per_step", 0, 10_000), s.integer("mbac.real_capacity", 1, 100_000_000),
                s.longValue("mbac.eval_every", 1, Long.MAX_VALUE), s.integer("mbac.eval_episodes", 1, 100_000));
        return new Mbac(env, evalEnv, c, SacAlgorithm.sacConfig(s), MbrlSettings.dynamics(s, loss), MbrlSettings.trainer(s), loss,
                seed, kernels);
    }
}
