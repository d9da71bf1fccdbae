package org.vaml4j.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.vaml4j.experiment.Settings;
import org.vaml4j.mbrl.DynamicsConfig;
import org.vaml4j.mbrl.MbpoConfig;
import org.vaml4j.mbrl.ModelHead;
import org.vaml4j.mbrl.ModelTrainerConfig;
import org.vaml4j.mbrl.TargetNormalization;
import org.vaml4j.mbrl.TruncatedLinear;
import org.vaml4j.mbrl.loss.ModelLoss;
import org.vaml4j.mbrl.loss.ModelLosses;

/** Maps the {@code model.*} and {@code mbpo.*} settings shared by the model-based algorithms onto their config records. */
final class MbrlSettings {

    /** Losses whose reference model is deterministic (VaGraM, research.md §B.1; VaGraM App. F for mse). */
    private static final Set<String> DETERMINISTIC = Set.of("mse", "vagram", "vagram-taylor", "vagram-hessian", "value-weighted");

    private MbrlSettings() {}

    /** {@code model.loss} with {@code model.loss_options} ({@code key=value;key=value}). */
    static ModelLoss loss(Settings s) {
        Map<String, String> options = new LinkedHashMap<>();
        String text = s.string("model.loss_options").trim();
        if (!text.isEmpty() && !text.equals("none")) {
            for (String part : text.split(";")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("setting model.loss_options=" + text + ": expected key=value;key=value or none");
                }
                options.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return ModelLosses.create(s.string("model.loss"), options);
    }

    /**
     * {@code model.head}: gaussian, deterministic, or auto (deterministic for VaGraM's losses and mse);
     * {@code model.target_normalization}: standardize, none, or auto ({@link TargetNormalization#defaultFor} the head).
     */
    static DynamicsConfig dynamics(Settings s, ModelLoss loss) {
        String h = s.choice("model.head", java.util.List.of("auto", "gaussian", "deterministic"));
        ModelHead head = h.equals("auto") ? (DETERMINISTIC.contains(loss.id()) ? ModelHead.DETERMINISTIC : ModelHead.GAUSSIAN)
                : ModelHead.byName(h);
        int members = s.integer("model.members", 1, 1024);
        String t = s.choice("model.target_normalization", java.util.List.of("auto", "standardize", "none"));
        TargetNormalization targets = t.equals("auto") ? TargetNormalization.defaultFor(head) : TargetNormalization.byName(t);
        return new DynamicsConfig(members, s.integer("model.elites", 1, members), s.integer("model.hidden_layers", 1, 64),
                s.integer("model.hidden_width", 1, 1 << 16), head, s.bool("model.learn_logvar_bounds"), targets);
    }

    static ModelTrainerConfig trainer(Settings s) {
        double[] wd;
        try {
            wd = Arrays.stream(s.string("model.weight_decay").split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting model.weight_decay=" + s.string("model.weight_decay")
                    + ": expected one number or one per layer, comma-separated");
        }
        return new ModelTrainerConfig(s.integer("model.batch_size", 1, 1 << 20), s.real("model.lr", 1e-12, 10), wd,
                s.real("model.validation_ratio", 0, 0.99), s.integer("model.max_validation", 0, Integer.MAX_VALUE),
                s.integer("model.patience", 1, 1_000_000), s.integer("model.max_epochs", 0, 1_000_000),
                s.integer("model.vae_samples", 1, 1000));
    }

    static MbpoConfig mbpo(Settings s) {
        return new MbpoConfig(s.integer("mbpo.epoch_length", 1, Integer.MAX_VALUE), s.integer("mbpo.train_every", 1, Integer.MAX_VALUE),
                s.integer("mbpo.rollout_batch", 1, 100_000_000), schedule(s, "mbpo.rollout_length"),
                s.integer("mbpo.retain_epochs", 1, 1000), s.integer("mbpo.updates_per_step", 0, 10_000),
                schedule(s, "mbpo.model_share"), s.longValue("mbpo.start_steps", 2, Long.MAX_VALUE),
                s.integer("mbpo.real_capacity", 1, 100_000_000), s.integer("mbpo.eval_episodes", 1, 100_000),
                s.integer("mbpo.rollout_chunk", 1, 10_000_000), s.integer("mbpo.first_training_max_epochs", 0, 1_000_000));
    }

    static TruncatedLinear schedule(Settings s, String key) {
        try {
            return TruncatedLinear.parse(s.string(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + key + ": " + e.getMessage());
        }
    }
}
