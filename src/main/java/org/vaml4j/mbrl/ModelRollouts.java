package org.vaml4j.mbrl;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.rl.ReplayBuffer;

/**
 * Branched model rollouts (MBPO, research.md §A.1): from start states drawn from the real buffer,
 * step a set of model members L times with the agent's sampled actions and push every transition
 * of a still-alive rollout into a buffer.
 *
 * <p>Implementation details:
 * <ol>
 *   <li>Members: {@link #useMembers} copies the chosen members (the elites after a training) into
 *       a private ensemble of that many members; each sample picks one of them uniformly at random
 *       at every step (original MBPO's per-sample random elite).</li>
 *   <li>One step is one batched ensemble forward in no-grad mode: the rows are grouped by their
 *       member into an (M x maxCount x ·) block (padding rows are zero and ignored).</li>
 *   <li>Gaussian heads are sampled, state delta and reward alike: {@code y = mu + exp(lv / 2) z}
 *       (mbrl-lib and original MBPO sample the whole output); deterministic heads use the mean.</li>
 *   <li>Termination comes from the task's pure predicate on the predicted next state; a rollout
 *       stops after its first terminal transition (which is still stored, with done = 1). A
 *       prediction with a non-finite value ends its rollout and is not stored (counted).</li>
 *   <li>Start states are drawn uniformly with replacement. Rollouts run in chunks of at most
 *       {@code chunk} start states to bound memory; buffers are allocated once, so a step
 *       allocates only the tape's op records.</li>
 * </ol>
 */
public final class ModelRollouts {

    /** Actions for a batch of states: obs (rows x ds) into actions (rows x da), e.g. a sampling SAC policy. */
    @FunctionalInterface
    public interface Policy {
        void act(float[] obs, int rows, float[] actions, RandomGenerator rng);
    }

    /** What one {@link #rollout} did. */
    public record Stats(long transitions, long terminated, long diverged) {}

    private final DynamicsEnsemble source;
    private final int chunk;
    private final int ds, da;
    private DynamicsEnsemble members;        // the copied members (M of them)
    private final Tape tape;
    private final float[] s;        // (chunk x ds) current states of the alive rollouts
    private final float[] a;        // (chunk x da) their actions
    private final float[] next;     // (chunk x ds) predicted next states
    private final float[] reward;   // (chunk) predicted rewards
    private final boolean[] done;   // (chunk)
    private final boolean[] finite; // (chunk)
    private final int[] member;     // (chunk) member of each row this step
    private final int[] slot;       // (chunk) row of each sample inside its member's block
    private int[] counts;           // (M)

    /**
     * @param source the trained model whose members are copied by {@link #useMembers}
     * @param chunk  most rollouts stepped together
     */
    public ModelRollouts(DynamicsEnsemble source, int chunk, Kernels kernels) {
        if (chunk < 1) throw new IllegalArgumentException("rollouts: chunk must be >= 1, got " + chunk);
        this.source = source;
        this.chunk = chunk;
        this.ds = source.stateDim();
        this.da = source.actionDim();
        this.tape = new Tape(kernels, false);
        this.s = new float[chunk * ds];
        this.a = new float[chunk * da];
        this.next = new float[chunk * ds];
        this.reward = new float[chunk];
        this.done = new boolean[chunk];
        this.finite = new boolean[chunk];
        this.member = new int[chunk];
        this.slot = new int[chunk];
        useMembers(source.elites());
    }

    /** Copies members {@code which} of the source model (with its input statistics) for the next rollouts. */
    public void useMembers(int[] which) {
        if (members == null || members.members() != which.length) {
            members = source.withMembers(which.length);
            counts = new int[which.length];
        }
        members.copyMembersFrom(source, which);
    }

    /**
     * {@code starts} rollouts of {@code length} steps from states drawn from {@code real}, every
     * transition pushed to {@code out}.
     */
    public Stats rollout(ReplayBuffer real, Policy policy, TaskFunctions task, int starts, int length, ReplayBuffer out,
                         RandomGenerator rng) {
        if (real.size() == 0) throw new IllegalArgumentException("rollouts: the real buffer is empty");
        if (length < 1 || starts < 1) throw new IllegalArgumentException("rollouts: starts and length must be >= 1, got " + starts + ", " + length);
        if (task.obsDim() != ds) throw new IllegalArgumentException("rollouts: task has obsDim " + task.obsDim() + ", model " + ds);
        long pushed = 0, ended = 0, diverged = 0;
        float[] realObs = real.obsArray();
        for (int begin = 0; begin < starts; begin += chunk) {
            int n = Math.min(chunk, starts - begin);
            for (int i = 0; i < n; i++) System.arraycopy(realObs, rng.nextInt(real.size()) * ds, s, i * ds, ds);
            for (int t = 0; t < length && n > 0; t++) {
                // ---- a ~ pi(s); (s', r) ~ p_member(s, a) with a random member per row ----
                policy.act(s, n, a, rng);
                step(n, rng);
                task.terminations(n, next, done);
                // ---- store alive transitions; survivors continue from s' ----
                int alive = 0;
                for (int i = 0; i < n; i++) {
                    if (!finite[i]) {
                        diverged++;
                        continue;
                    }
                    out.add(s, i * ds, a, i * da, reward[i], next, i * ds, done[i]);
                    pushed++;
                    if (done[i]) {
                        ended++;
                        continue;
                    }
                    System.arraycopy(next, i * ds, s, alive * ds, ds);
                    alive++;
                }
                n = alive;
            }
        }
        return new Stats(pushed, ended, diverged);
    }

    /**
     * One model step for rows {@code [0, n)} of {@code states} (n x ds) and {@code actions}
     * (n x da): next states into {@code nextOut} (n x ds), rewards into {@code rewardOut} (n),
     * each row from a random member, sampled for a Gaussian head; rows with a non-finite
     * prediction get {@code finiteOut[i] = false}. For one-step uses (model-based critic targets).
     */
    public void sample(float[] states, float[] actions, int n, float[] nextOut, float[] rewardOut, boolean[] finiteOut,
                       RandomGenerator rng) {
        for (int begin = 0; begin < n; begin += chunk) {
            int m = Math.min(chunk, n - begin);
            System.arraycopy(states, begin * ds, s, 0, m * ds);
            System.arraycopy(actions, begin * da, a, 0, m * da);
            step(m, rng);
            System.arraycopy(next, 0, nextOut, begin * ds, m * ds);
            System.arraycopy(reward, 0, rewardOut, begin, m);
            System.arraycopy(finite, 0, finiteOut, begin, m);
        }
    }

    /** next, reward, finite for rows [0, n) of s and a; one batched forward over the members. */
    private void step(int n, RandomGenerator rng) {
        int mm = members.members(), out = ds + 1;
        // ---- group rows by member: row i goes to (member[i], slot[i]) ----
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(mm);
            member[i] = k;
            slot[i] = counts[k]++;
        }
        int width = 0;
        for (int c : counts) width = Math.max(width, c);
        tape.reset();
        Tensor st = tape.output(false, mm, width, ds);   // (M x width x ds)
        Tensor at = tape.output(false, mm, width, da);   // (M x width x da)
        Arrays.fill(st.data(), st.offset(), st.offset() + st.size(), 0f);
        Arrays.fill(at.data(), at.offset(), at.offset() + at.size(), 0f);
        for (int i = 0; i < n; i++) {
            int r = member[i] * width + slot[i];
            System.arraycopy(s, i * ds, st.data(), st.offset() + r * ds, ds);
            System.arraycopy(a, i * da, at.data(), at.offset() + r * da, da);
        }
        ModelPrediction p = members.predict(tape, st, at);   // (M x width x (ds + 1))
        float[] mu = p.mean().data(), lv = p.probabilistic() ? p.logVar().data() : null;
        int mo = p.mean().offset(), lo = p.probabilistic() ? p.logVar().offset() : 0;
        // ---- s' = s + delta, r: y = mu (+ exp(lv / 2) z for a Gaussian head) ----
        for (int i = 0; i < n; i++) {
            int r = (member[i] * width + slot[i]) * out;
            boolean ok = true;
            for (int j = 0; j < out; j++) {
                float y = mu[mo + r + j];
                if (lv != null) y += (float) (StrictMath.exp(0.5 * lv[lo + r + j]) * rng.nextGaussian());
                if (j < ds) {
                    y += s[i * ds + j];
                    next[i * ds + j] = y;
                } else {
                    reward[i] = y;
                }
                ok &= Float.isFinite(y);
            }
            finite[i] = ok;
        }
        tape.reset();
    }
}
