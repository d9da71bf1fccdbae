package org.vaml4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.vaml4j.env.Box;
import org.vaml4j.env.Env;
import org.vaml4j.experiment.RunDirectory;
import org.vaml4j.experiment.Settings;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.render.Policy;
import org.vaml4j.rl.PolicyEvaluation;
import org.vaml4j.rl.Sac;

/**
 * The deterministic policy tanh(mu(s)) of a trained run, as its evaluations act: the actor is
 * rebuilt from the run's {@code config.properties} (the {@code sac.*} settings every algorithm
 * shares) and its weights are read from {@code checkpoint/agent.bin} (written when the run
 * finishes), or from the last {@code checkpoint/state.bin} of a run still going or killed.
 */
final class RunPolicy {

    /** The settings of the run in {@code dir}; a directory without a run throws, saying so. */
    static Settings settings(Path dir) throws IOException {
        RunDirectory run = new RunDirectory(dir);
        if (!run.holdsRun()) {
            throw new UsageException("--run " + dir + " is not a run directory (no config.properties); make one with vaml4j train --out DIR");
        }
        return Settings.load(run.config());
    }

    /** What {@link #load} read: the policy and the file its weights came from. */
    record Loaded(Policy policy, Path weights) {}

    /** The trained policy of the run in {@code dir} acting on {@code env} (the run's task). */
    static Loaded load(Path dir, Settings s, Env env) throws IOException {
        RunDirectory run = new RunDirectory(dir);
        if (!(env.actionSpace() instanceof Box box)) throw new UsageException(env.id() + " has no continuous actions; a SAC actor cannot act on it");
        int obsDim = env.observationSpace().flatDim(), actDim = box.flatDim();
        Sac sac = new Sac(obsDim, actDim, SacAlgorithm.sacConfig(s), new ScalarKernels(), new SplittableRandom(0));
        Path weights;
        if (Files.exists(run.agent())) {
            weights = run.agent();
            sac.actorParams().read(ArchiveReader.open(weights, "agent"), "actor.");
        } else if (Files.exists(run.checkpoint())) {
            weights = run.checkpoint();
            sac.actorParams().read(ArchiveReader.open(weights, "checkpoint"), "sac.actor.");
        } else {
            throw new UsageException("--run " + dir + " holds no trained networks yet (neither checkpoint/agent.bin, written when "
                    + "the run finishes, nor checkpoint/state.bin, written every run.checkpoint_every steps)");
        }
        float[] o = new float[obsDim], a = new float[actDim];
        Policy policy = obs -> {
            for (int j = 0; j < obsDim; j++) o[j] = (float) obs[j];
            sac.act(o, 1, a, true, null);
            double[] action = new double[actDim];
            PolicyEvaluation.toBox(box, a, action);
            return action;
        };
        return new Loaded(policy, weights);
    }

    private RunPolicy() {}
}
