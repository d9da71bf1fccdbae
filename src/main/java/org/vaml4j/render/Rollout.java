package org.vaml4j.render;

import java.util.ArrayList;
import java.util.List;
import org.vaml4j.env.Env;
import org.vaml4j.env.Transition;
import org.vaml4j.render.picture.Picture;

/** Plays one episode of a policy on an env and draws every state it passes through. */
public final class Rollout {

    private Rollout() {}

    /**
     * Resets {@code env} with {@code seed}, then steps it with {@code policy} until the episode
     * ends (termination or time limit) or {@code maxSteps} steps are taken, drawing the state with
     * {@code view} after the reset and after each step.
     */
    public static Recording record(Env env, EnvView view, Policy policy, long seed, int maxSteps, String title) {
        if (env == null || view == null || policy == null) throw new IllegalArgumentException("rollout needs an env, a view and a policy");
        if (maxSteps < 1) throw new IllegalArgumentException("rollout steps must be >= 1, got " + maxSteps);
        List<Picture> frames = new ArrayList<>();
        List<Double> returns = new ArrayList<>();
        double[] obs = env.reset(seed);
        double total = 0;
        boolean terminated = false;
        frames.add(view.draw());
        returns.add(total);
        for (int t = 0; t < maxSteps; t++) {
            Transition tr = env.step(policy.act(obs));
            total += tr.reward();
            frames.add(view.draw());
            returns.add(total);
            obs = tr.obs();
            if (tr.done()) {
                terminated = tr.terminated();
                break;
            }
        }
        double[] r = new double[returns.size()];
        for (int k = 0; k < r.length; k++) r[k] = returns.get(k);
        return new Recording(title, view.dt(), frames, r, terminated);
    }
}
