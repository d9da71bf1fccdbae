package org.vaml4j.cli;

import java.util.List;
import org.vaml4j.env.Env;
import org.vaml4j.experiment.Algorithm;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.mbrl.Mbpo;
import org.vaml4j.mbrl.NoCorrection;
import org.vaml4j.mbrl.StaleValueCorrection;
import org.vaml4j.mbrl.ValueAwareMbrl;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.rl.Trainer;

/** {@code --algo va-mbrl}: MBPO with a value-aware loss and the stale-value correction ({@code va.correction=refresh|naive}). */
final class VaMbrlAlgorithm implements Algorithm {

    @Override public String name() { return "va-mbrl"; }

    @Override public String summary() { return "value-aware MBRL: MBPO + critic refits on fresh model rollouts every K_interval model updates"; }

    @Override public String reference() { return "Modhe et al., Algorithm 2 (MA ICML §4.3)"; }

    @Override
    public Trainer create(Settings s, Env env, Env evalEnv, long seed, Kernels kernels) {
        ModelLoss loss = MbrlSettings.loss(s);
        int chunk = s.integer("mbpo.rollout_chunk", 1, 10_000_000);
        StaleValueCorrection correction = switch (s.choice("va.correction", List.of("refresh", "naive"))) {
            case "refresh" -> new ValueAwareMbrl(new ValueAwareMbrl.Config(s.integer("va.k_interval", 1, 1_000_000),
                    s.integer("va.rollouts", 1, 10_000_000), s.integer("va.critic_updates", 1, 1_000_000)), chunk, kernels);
            default -> new NoCorrection();
        };
        return new Mbpo("va-mbrl", env, evalEnv, MbrlSettings.mbpo(s), SacAlgorithm.sacConfig(s), MbrlSettings.dynamics(s, loss),
                MbrlSettings.trainer(s), loss, correction, seed, kernels);
    }
}
