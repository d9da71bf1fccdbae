package org.vaml4j.env;

/**
 * Gym's TimeLimit: {@code truncated} becomes true on the step that reaches {@code maxSteps}
 * (it can coincide with {@code terminated}). Stepping a finished episode throws.
 */
public final class TimeLimit implements Env {

    private final Env inner;
    private final int maxSteps;
    private int elapsed;
    private boolean needsReset = true;

    public TimeLimit(Env inner, int maxSteps) {
        if (inner == null) throw new IllegalArgumentException("TimeLimit: env must not be null");
        if (maxSteps < 1) throw new IllegalArgumentException("TimeLimit: maxSteps must be >= 1, got " + maxSteps);
        this.inner = inner;
        this.maxSteps = maxSteps;
    }

    /** The wrapped env. */
    public Env inner() {
        return inner;
    }

    /** Steps taken in the current episode. */
    public int elapsedSteps() {
        return elapsed;
    }

    @Override public String id() { return inner.id(); }

    @Override public Box observationSpace() { return inner.observationSpace(); }

    @Override public Space actionSpace() { return inner.actionSpace(); }

    @Override public TaskFunctions functions() { return inner.functions(); }

    @Override public int maxEpisodeSteps() { return maxSteps; }

    @Override
    public double[] reset(long seed) {
        double[] obs = inner.reset(seed);
        elapsed = 0;
        needsReset = false;
        return obs;
    }

    @Override
    public double[] reset() {
        double[] obs = inner.reset();
        elapsed = 0;
        needsReset = false;
        return obs;
    }

    @Override
    public Transition step(double[] action) {
        if (needsReset) throw new IllegalStateException(id() + ": episode over (or not started); call reset");
        Transition t = inner.step(action);
        elapsed++;
        boolean truncated = t.truncated() || elapsed >= maxSteps;
        if (t.terminated() || truncated) needsReset = true;
        return truncated == t.truncated() ? t : new Transition(t.obs(), t.reward(), t.terminated(), true);
    }
}
