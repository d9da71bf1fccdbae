package org.vaml4j.cli;

import org.vaml4j.env.Env;
import org.vaml4j.experiment.Algorithm;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.device.Cuda;
import org.vaml4j.rl.OffPolicyLoopConfig;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacTrainer;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.device.DeviceSac;

/** {@code --algo sac}: maps the {@code sac.*} and {@code loop.*} settings onto {@link SacConfig} and {@link OffPolicyLoopConfig}. */
final class SacAlgorithm implements Algorithm {

    @Override public String name() { return "sac"; }

    @Override public String summary() { return "Soft Actor-Critic on the real env (MBPO's SAC defaults)"; }

    @Override public String reference() { return "Haarnoja et al. 2018, arXiv:1812.05905 Alg. 1"; }

    @Override public boolean runsOnCuda(Settings s) { return true; }

    /** With {@code run.kernels=cuda} the updates run device-resident on the GPU ({@link DeviceSac}). */
    @Override
    public Trainer create(Settings s, Env env, Env evalEnv, long seed, Kernels kernels) {
        OffPolicyLoopConfig loop = loopConfig(s);
        if (s.string("run.kernels").equals("cuda")) {
            return new SacTrainer(env, evalEnv, sacConfig(s), loop, seed, kernels,
                    (sac, runSeed) -> new DeviceSac(Cuda.open(), sac, loop.bufferCapacity(), runSeed));
        }
        return new SacTrainer(env, evalEnv, sacConfig(s), loop, seed, kernels);
    }

    static SacConfig sacConfig(Settings s) {
        String te = s.string("sac.target_entropy");
        double targetEntropy = te.equals("auto") ? Double.NaN : s.real("sac.target_entropy", -1e6, 1e6);
        return new SacConfig(
                s.integer("sac.hidden_layers", 1, 16),
                s.integer("sac.hidden_width", 1, 1 << 16),
                s.real("sac.actor_lr", 1e-12, 10),
                s.real("sac.critic_lr", 1e-12, 10),
                s.real("sac.alpha_lr", 1e-12, 10),
                s.integer("sac.batch_size", 1, 1 << 20),
                s.real("sac.gamma", 0, 1),
                s.real("sac.tau", 1e-12, 1),
                s.real("sac.init_alpha", 1e-12, 1e6),
                targetEntropy,
                s.bool("sac.learn_alpha"),
                s.real("sac.log_std_min", -100, 100),
                s.real("sac.log_std_max", -100, 100),
                s.integer("sac.critic_update_every", 1, Integer.MAX_VALUE),
                s.integer("sac.actor_update_every", 1, Integer.MAX_VALUE),
                s.integer("sac.target_update_every", 1, Integer.MAX_VALUE),
                s.choice("sac.weight_init", java.util.List.of("orthogonal", "xavier-uniform", "truncated-normal")));
    }

    static OffPolicyLoopConfig loopConfig(Settings s) {
        return new OffPolicyLoopConfig(
                s.integer("loop.buffer_capacity", 1, 100_000_000),
                s.longValue("loop.start_steps", 0, Long.MAX_VALUE),
                s.longValue("loop.update_after", 1, Long.MAX_VALUE),
                s.integer("loop.updates_per_step", 0, 1000),
                s.longValue("loop.eval_every", 1, Long.MAX_VALUE),
                s.integer("loop.eval_episodes", 1, 100_000));
    }
}
