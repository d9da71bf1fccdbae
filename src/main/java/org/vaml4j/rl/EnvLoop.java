package org.vaml4j.rl;

import java.io.IOException;
import java.util.Arrays;
import org.vaml4j.env.Box;
import org.vaml4j.env.Env;
import org.vaml4j.env.Transition;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;

/**
 * A trainer's side of its real environment, the same for every off-policy algorithm: episodes,
 * acting (uniform random or the SAC policy's sample), and storing each transition in its replay
 * buffer of real transitions. The algorithms own what happens between env steps (updates, models, evaluations).
 *
 * <p>Implementation details:
 * <ol>
 *   <li>Episodes start from reset seeds of the {@code env} stream of the run's seed; actions are
 *       drawn from its {@code act} stream ({@link Rng#stream}).</li>
 *   <li>Actions are stored in the policy's (-1, 1) coordinates and mapped onto the env's box for
 *       the env ({@link PolicyEvaluation#toBox}).</li>
 *   <li>Only {@code terminated} is stored: a time-limit truncation still bootstraps.</li>
 *   <li>State ({@link #write}) is taken between episodes only: there the env needs no state of its
 *       own, since the next episode starts from a reset seed drawn from the saved stream.</li>
 * </ol>
 */
public final class EnvLoop {

    private final String algorithm;
    private final Env env;
    private final Box box;
    private final ReplayBuffer buffer;
    private final Rng envRng, actRng;
    private final int obsDim, actDim;
    private final float[] obsF;      // (obsDim) current observation for the policy
    private final float[] actF;      // (actDim) action in (-1, 1)
    private final double[] actD;     // (actDim) the same, as stored
    private final double[] envAct;   // (actDim) the action on the env's box

    private long step, episode;
    private boolean inEpisode;
    private double[] obs;
    private double episodeReturn;
    private int episodeLength;

    /**
     * @param algorithm named in error messages
     * @param env       the training env
     * @param evalEnv   the evaluation env of the same task: same action box, a time limit
     * @param capacity  of the replay buffer that receives every transition
     * @throws IllegalArgumentException unless both envs have the same bounded action box and the
     *                                  evaluation env a time limit
     */
    public EnvLoop(String algorithm, Env env, Env evalEnv, int capacity, long seed) {
        if (!(env.actionSpace() instanceof Box b)) {
            throw new IllegalArgumentException(algorithm + " needs a continuous (Box) action space; " + env.id() + " has " + env.actionSpace());
        }
        for (int j = 0; j < b.flatDim(); j++) {
            if (!Double.isFinite(b.low(j)) || !Double.isFinite(b.high(j))) {
                throw new IllegalArgumentException(algorithm + " needs a bounded action box; " + env.id() + " has " + b);
            }
        }
        if (!(evalEnv.actionSpace() instanceof Box eb) || !Arrays.equals(eb.low(), b.low()) || !Arrays.equals(eb.high(), b.high())) {
            throw new IllegalArgumentException("evaluation env " + evalEnv.id() + " has another action space than " + env.id());
        }
        if (evalEnv.maxEpisodeSteps() <= 0) {
            throw new IllegalArgumentException("evaluation env " + evalEnv.id() + " needs a time limit (time_limit=N)");
        }
        this.algorithm = algorithm;
        this.env = env;
        this.box = b;
        this.obsDim = env.observationSpace().flatDim();
        this.actDim = b.flatDim();
        this.buffer = new ReplayBuffer(capacity, obsDim, actDim);
        this.envRng = Rng.stream(seed, "env");
        this.actRng = Rng.stream(seed, "act");
        this.obsF = new float[obsDim];
        this.actF = new float[actDim];
        this.actD = new double[actDim];
        this.envAct = new double[actDim];
    }

    /** The real transitions. */
    public ReplayBuffer buffer() { return buffer; }

    /** The env's action box. */
    public Box box() { return box; }

    /** Env steps taken. */
    public long step() { return step; }

    /** Episodes finished. */
    public long episode() { return episode; }

    /** Whether no episode is running (where state can be written). */
    public boolean atEpisodeBoundary() { return !inEpisode; }

    /**
     * One env step: starts an episode if none runs, acts (uniform in (-1, 1)^A when {@code random},
     * else a ~ pi(.|s) sampled from {@code agent}), steps the env and stores (s, a, r, s', terminated).
     * After a step whose transition is {@link Transition#done()}, call {@link #endEpisode}.
     */
    public Transition step(Sac agent, boolean random) {
        if (!inEpisode) {
            obs = env.reset(envRng.nextSeed());
            inEpisode = true;
            episodeReturn = 0;
            episodeLength = 0;
        }
        if (random) {
            for (int j = 0; j < actDim; j++) actF[j] = (float) (2 * actRng.nextDouble() - 1);
        } else {
            for (int j = 0; j < obsDim; j++) obsF[j] = (float) obs[j];
            agent.act(obsF, 1, actF, false, actRng);
        }
        PolicyEvaluation.toBox(box, actF, envAct);
        Transition tr = env.step(envAct);
        for (int j = 0; j < actDim; j++) actD[j] = actF[j];
        buffer.add(obs, actD, tr.reward(), tr.obs(), tr.terminated());
        obs = tr.obs();
        step++;
        episodeReturn += tr.reward();
        episodeLength++;
        return tr;
    }

    /** Closes the episode the last step ended; its report carries {@code evalReturn} (NaN: none) and {@code metrics}. */
    public EpisodeEnd endEpisode(double evalReturn, double[] metrics) {
        if (!inEpisode) throw new IllegalStateException(algorithm + ": no episode is running");
        inEpisode = false;
        episode++;
        return new EpisodeEnd(step, episode, episodeReturn, episodeLength, evalReturn, metrics);
    }

    /** Writes the counters and both random streams; only between episodes. */
    public void write(ArchiveWriter w, String prefix) throws IOException {
        if (inEpisode) throw new IllegalStateException(algorithm + ": state can only be written between episodes");
        w.longs(prefix + "rng", envRng.state(), actRng.state());
        w.longs(prefix + "counters", step, episode);
    }

    /** Restores what {@link #write} wrote; the next step starts a new episode. */
    public void read(ArchiveReader r, String prefix) {
        long[] rng = r.longs(prefix + "rng", 2);
        long[] c = r.longs(prefix + "counters", 2);
        envRng.setState(rng[0]);
        actRng.setState(rng[1]);
        step = c[0];
        episode = c[1];
        inEpisode = false;
    }
}
