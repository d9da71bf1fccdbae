package org.vaml4j.rl;

/**
 * The environment loop around an off-policy agent ({@link SacTrainer}).
 *
 * @param bufferCapacity transitions the replay buffer holds (1 000 000)
 * @param startSteps     env steps with uniformly random actions before the policy acts (5 000, CleanRL's learning_starts)
 * @param updateAfter    updates start once this many transitions are stored (= startSteps by default)
 * @param updatesPerStep agent updates per env step once updating (1)
 * @param evalEvery      evaluate the deterministic policy at the first episode end after every this many env steps (5 000)
 * @param evalEpisodes   episodes per evaluation (10)
 */
public record OffPolicyLoopConfig(int bufferCapacity, long startSteps, long updateAfter, int updatesPerStep,
                                  long evalEvery, int evalEpisodes) {

    public OffPolicyLoopConfig {
        if (bufferCapacity < 1) throw new IllegalArgumentException("bufferCapacity must be >= 1, got " + bufferCapacity);
        if (startSteps < 0) throw new IllegalArgumentException("startSteps must be >= 0, got " + startSteps);
        if (updateAfter < 1) throw new IllegalArgumentException("updateAfter must be >= 1, got " + updateAfter);
        if (updatesPerStep < 0) throw new IllegalArgumentException("updatesPerStep must be >= 0, got " + updatesPerStep);
        if (evalEvery < 1) throw new IllegalArgumentException("evalEvery must be >= 1, got " + evalEvery);
        if (evalEpisodes < 1) throw new IllegalArgumentException("evalEpisodes must be >= 1, got " + evalEpisodes);
    }

    public static OffPolicyLoopConfig defaults() {
        return new OffPolicyLoopConfig(1_000_000, 5_000, 5_000, 1, 5_000, 10);
    }
}
