package org.vaml4j.rl;

/**
 * Reported by a {@link Trainer} when a training episode ends (and, if one was due, after an
 * evaluation).
 *
 * @param step          env steps taken so far (this episode included)
 * @param episode       training episodes finished so far (this one included)
 * @param episodeReturn undiscounted return of the episode
 * @param length        steps of the episode
 * @param evalReturn    mean return of the deterministic policy if an evaluation ran now, else NaN
 * @param metrics       means of the algorithm's metrics ({@link Trainer#metricNames()}) over the
 *                      updates since the previous episode end; NaN where none ran
 */
public record EpisodeEnd(long step, long episode, double episodeReturn, int length, double evalReturn, double[] metrics) {

    public EpisodeEnd {
        metrics = metrics.clone();
    }

    @Override public double[] metrics() { return metrics.clone(); }

    public boolean evaluated() { return !Double.isNaN(evalReturn); }
}
