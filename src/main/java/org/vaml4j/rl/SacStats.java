package org.vaml4j.rl;

/**
 * What one {@link Sac#update} measured. Losses of steps skipped by the update frequencies are NaN.
 *
 * @param criticLoss mse(Q_1, y) + mse(Q_2, y)
 * @param actorLoss  mean(α log π(a|s) - min_k Q_k(s, a))
 * @param alphaLoss  mean(-α (log π(a|s) + H̄))
 * @param alpha      the temperature α used in this update
 * @param entropy    -mean log π(a|s) of the actor's samples
 * @param qMean      mean of Q_1(s, a), Q_2(s, a) over the batch
 */
public record SacStats(double criticLoss, double actorLoss, double alphaLoss, double alpha, double entropy,
                       double qMean) {

    /** Column names matching {@link #toArray()}. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("critic_loss", "actor_loss", "alpha_loss", "alpha", "entropy", "q_mean");

    public double[] toArray() {
        return new double[] {criticLoss, actorLoss, alphaLoss, alpha, entropy, qMean};
    }
}
