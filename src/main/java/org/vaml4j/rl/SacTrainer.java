package org.vaml4j.rl;

import java.io.IOException;
import java.util.List;
import org.vaml4j.env.Env;
import org.vaml4j.env.Transition;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * SAC on a real environment: act, step, store, update — CleanRL's loop. Library use:
 *
 * <pre>{@code
 * EnvRegistry envs = EnvRegistry.standard();
 * SacTrainer t = new SacTrainer(envs.make("pendulum"), envs.make("pendulum"), SacConfig.defaults(),
 *         OffPolicyLoopConfig.defaults(), 0, KernelChoice.select("auto", 1));
 * t.train(20_000, e -> System.out.println(e.step() + "  " + e.episodeReturn()));
 * }</pre>
 *
 * <p>Randomness comes from independent streams split from the seed ({@link Rng#stream}):
 * {@code init} (network weights), {@code env} (one reset seed per episode), {@code act}
 * (exploration), {@code update} (policy noise in updates), {@code buffer} (batch sampling) and
 * {@code eval} (the same evaluation start states every time). Their states are part of
 * {@link #writeState}, which is allowed only between episodes: there the env needs no state of
 * its own (the next episode starts from a reset seed drawn from the saved {@code env} stream), so
 * a resumed run repeats the uninterrupted one bit for bit.
 */
public final class SacTrainer implements Trainer {

    private final Env evalEnv;
    private final OffPolicyLoopConfig loop;
    private final long seed;
    private final Sac sac;
    private final ReplayBuffer buffer;
    private final EnvLoop envLoop;
    private final SacUpdater updater;
    private final MetricMeans metrics = new MetricMeans(SacStats.NAMES);
    private long nextEval;

    /**
     * @param env     the training env (reset here with seeds from the {@code env} stream)
     * @param evalEnv a separate instance of the same task for evaluation (needs a time limit)
     */
    public SacTrainer(Env env, Env evalEnv, SacConfig config, OffPolicyLoopConfig loop, long seed, Kernels kernels) {
        this(env, evalEnv, config, loop, seed, kernels, HostSacUpdater::new);
    }

    /** As above, with the updates run by {@code updaters} (e.g. device-resident on a GPU). */
    public SacTrainer(Env env, Env evalEnv, SacConfig config, OffPolicyLoopConfig loop, long seed, Kernels kernels,
                      SacUpdater.Factory updaters) {
        this.envLoop = new EnvLoop("sac", env, evalEnv, loop.bufferCapacity(), seed);
        this.buffer = envLoop.buffer();
        this.evalEnv = evalEnv;
        this.loop = loop;
        this.seed = seed;
        int obsDim = buffer.obsDim(), actDim = buffer.actDim();
        this.sac = new Sac(obsDim, actDim, config, kernels, Rng.stream(seed, "init"));
        this.updater = updaters.create(sac, seed);
        this.nextEval = loop.evalEvery();
    }

    @Override public String algorithm() { return "sac"; }

    @Override public long step() { return envLoop.step(); }

    @Override public long episode() { return envLoop.episode(); }

    @Override public List<String> metricNames() { return SacStats.NAMES; }

    /** The agent being trained. */
    public Sac agent() { return sac; }

    public ReplayBuffer buffer() { return buffer; }

    @Override
    public void train(long totalSteps, TrainingListener listener) {
        while (envLoop.step() < totalSteps) {
            // ---- act (uniform random for the first startSteps, then a ~ pi(.|s)), step, store ----
            boolean explore = envLoop.step() < loop.startSteps();
            if (!explore) updater.syncActor();
            Transition t = envLoop.step(sac, explore);
            long step = envLoop.step();

            // ---- SAC updates once the buffer holds updateAfter transitions ----
            if (buffer.size() >= loop.updateAfter()) {
                try {
                    updater.update(buffer, loop.updatesPerStep(), metrics);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("at env step " + step + ": " + e.getMessage(), e);
                }
            }
            listener.onStep(step);

            // ---- episode end: evaluate when due, report ----
            if (t.done()) {
                try {
                    updater.flush(metrics);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("at env step " + step + ": " + e.getMessage(), e);
                }
                double evalReturn = Double.NaN;
                if (step >= nextEval) {
                    evalReturn = evaluate(loop.evalEpisodes());
                    while (nextEval <= step) nextEval += loop.evalEvery();
                }
                listener.onEpisodeEnd(envLoop.endEpisode(evalReturn, metrics.meansAndReset()));
            }
        }
    }

    @Override
    public double evaluate(int episodes) {
        updater.syncActor();
        return PolicyEvaluation.meanReturn(evalEnv, sac, seed, episodes);
    }

    @Override public boolean atEpisodeBoundary() { return envLoop.atEpisodeBoundary(); }

    @Override
    public void writeState(ArchiveWriter w) throws IOException {
        updater.syncAll();
        envLoop.write(w, "loop.");
        sac.write(w, "sac.");
        buffer.write(w, "buffer.");
        updater.write(w, "");
        w.longs("next_eval", nextEval);
    }

    @Override
    public void readState(ArchiveReader r) {
        nextEval = r.longs("next_eval", 1)[0];
        envLoop.read(r, "loop.");
        sac.read(r, "sac.");
        buffer.read(r, "buffer.");
        updater.read(r, "");
        updater.restored();
        metrics.meansAndReset();
    }

    @Override
    public void writeAgent(ArchiveWriter w) throws IOException {
        updater.syncAll();
        sac.actorParams().write(w, "actor.");
        sac.criticParams().write(w, "critic.");
        sac.targetCriticParams().write(w, "critic_target.");
    }
}
