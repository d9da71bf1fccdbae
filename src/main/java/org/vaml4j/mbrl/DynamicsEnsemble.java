package org.vaml4j.mbrl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.autodiff.ops.Add;
import org.vaml4j.autodiff.ops.Concat;
import org.vaml4j.autodiff.ops.Mul;
import org.vaml4j.autodiff.ops.Sub;
import org.vaml4j.autodiff.ops.Sum;
import org.vaml4j.kernel.Activation;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.nn.EnsembleMlp;
import org.vaml4j.nn.GaussianHead;
import org.vaml4j.nn.Mlp;
import org.vaml4j.nn.Normalizer;
import org.vaml4j.nn.Params;
import org.vaml4j.nn.TruncatedNormalInit;
import org.vaml4j.nn.WeightDecay;

/**
 * An ensemble of E MLPs predicting {@code [s' - s, r]} from {@code (s, a)}: MBPO's dynamics model
 * (research.md §A.3) with a Gaussian or a deterministic head ({@link ModelHead}).
 *
 * <p>Implementation details:
 * <ol>
 *   <li>Input {@code x = (concat(s, a) - mu) / sigma} with mu, sigma from {@link #fitNormalizer}
 *       (the whole real buffer, refit before every model training; sigma below 1e-5 counts as 1).
 *       Normalization happens on the tape, so predictions stay differentiable in the raw inputs
 *       (multi-step losses back-propagate through predicted states).</li>
 *   <li>Targets ({@link TargetNormalization}): with {@code STANDARDIZE} the network predicts
 *       {@code z = (y - m_y) / sigma_y}, m_y and sigma_y (ds + 1) fitted to the whole real buffer
 *       by {@link #fitTargetNormalizer} (sigma below 1e-5 counts as 1), and {@link #predict}
 *       returns {@code mean = m_y + sigma_y mu_z} and {@code logVar = logVar_z + 2 log sigma_y}:
 *       raw units for every loss and rollout, while the log-variance bounds below act on the
 *       standardized outputs. The raw-unit NLL then equals the standardized one plus the constant
 *       {@code 2 log sigma_y} per output, so its gradient is the standardized NLL's. With
 *       {@code NONE} the network predicts raw targets (mbrl-lib, MBPO).</li>
 *   <li>Each member: {@code hiddenLayers} SiLU layers of {@code hiddenWidth}, then a linear
 *       output of {@code 2 (ds + 1)} (Gaussian: mean and raw log-variance) or {@code ds + 1}
 *       values; the members are one {@link EnsembleMlp} (one batched gemm per layer).</li>
 *   <li>Log-variance: {@code lv = max - softplus(max - raw); lv = min + softplus(lv - min)} with
 *       bounds (ds + 1) shared by the members, initialised to +0.5 / -10 and fixed unless
 *       {@code learnLogVarBounds} ({@link GaussianHead}).</li>
 *   <li>Weights: truncated normal, std {@code 1 / (2 sqrt(fanIn))}, redrawn beyond 2 std; biases 0.</li>
 *   <li>The elites (indices of the members with the lowest validation MSE) are part of the model
 *       and are saved with it; until a trainer sets them they are the first {@code elites} members.</li>
 * </ol>
 * Output order {@code [delta-state, reward]} as mbrl-lib (the original MBPO puts the reward first).
 */
public final class DynamicsEnsemble implements ModelFn {

    private static final double MIN_STD = 1e-5;
    private static final String NET = "net";

    private final DynamicsConfig config;
    private final int stateDim;
    private final int actionDim;
    private final EnsembleMlp net;
    private final GaussianHead head;      // null for a deterministic model
    private final Params params;
    private final Normalizer normalizer;  // statistics of concat(s, a), (ds + da)
    private final float[] inMean;         // (ds + da) float copy of the normalizer mean
    private final float[] inInvStd;       // (ds + da) 1 / std
    private final Tensor inMeanT;         // constant views of the two arrays
    private final Tensor inInvStdT;
    private final Normalizer targetStats; // statistics of [s' - s, r], (ds + 1); fitted only with STANDARDIZE
    private final float[] outMean;        // (ds + 1) m_y
    private final float[] outStd;         // (ds + 1) sigma_y
    private final float[] outLogVarShift; // (ds + 1) 2 log sigma_y
    private final Tensor outMeanT;        // constant views of the three arrays
    private final Tensor outStdT;
    private final Tensor outLogVarShiftT;
    private int[] elites;

    /** A fresh model for states of {@code stateDim} and actions of {@code actionDim}, weights drawn from {@code initRng}. */
    public DynamicsEnsemble(int stateDim, int actionDim, DynamicsConfig config, RandomGenerator initRng) {
        this(stateDim, actionDim, config);
        net.init(params, new TruncatedNormalInit(), initRng);
        if (head != null) head.init(params);
    }

    private DynamicsEnsemble(int stateDim, int actionDim, DynamicsConfig config) {
        if (stateDim < 1 || actionDim < 1) {
            throw new IllegalArgumentException("dynamics model: stateDim and actionDim must be >= 1, got " + stateDim + ", " + actionDim);
        }
        this.config = config;
        this.stateDim = stateDim;
        this.actionDim = actionDim;
        int in = stateDim + actionDim, out = stateDim + 1;
        boolean gaussian = config.head() == ModelHead.GAUSSIAN;
        Params.Builder b = Params.builder();
        this.net = new EnsembleMlp(b, NET, config.members(), in, Mlp.hidden(config.hiddenLayers(), config.hiddenWidth()),
                gaussian ? 2 * out : out, Activation.SILU, Activation.IDENTITY);
        this.head = gaussian ? new GaussianHead(b, "head", out) : null;
        this.params = b.build();
        this.normalizer = new Normalizer(in, MIN_STD);
        this.inMean = new float[in];
        this.inInvStd = new float[in];
        Arrays.fill(inInvStd, 1f);
        this.inMeanT = Tensor.view(inMean, 0, null, 0, in);
        this.inInvStdT = Tensor.view(inInvStd, 0, null, 0, in);
        this.targetStats = new Normalizer(out, MIN_STD);
        this.outMean = new float[out];
        this.outStd = new float[out];
        this.outLogVarShift = new float[out];
        Arrays.fill(outStd, 1f);
        this.outMeanT = Tensor.view(outMean, 0, null, 0, out);
        this.outStdT = Tensor.view(outStd, 0, null, 0, out);
        this.outLogVarShiftT = Tensor.view(outLogVarShift, 0, null, 0, out);
        this.elites = new int[config.elites()];
        for (int i = 0; i < elites.length; i++) elites[i] = i;
    }

    /** An untrained model of the same architecture with {@code members} members (e.g. to hold the elites for rollouts). */
    public DynamicsEnsemble withMembers(int members) {
        return new DynamicsEnsemble(stateDim, actionDim, config.withMembers(members, Math.min(members, config.elites())));
    }

    public DynamicsConfig config() { return config; }

    @Override public int members() { return config.members(); }

    @Override public int stateDim() { return stateDim; }

    @Override public int actionDim() { return actionDim; }

    @Override public boolean probabilistic() { return head != null; }

    /** All parameters (network and, for a Gaussian head, the log-variance bounds), one flat buffer. */
    public Params params() { return params; }

    /** Indices of the elite members, a copy. */
    public int[] elites() { return elites.clone(); }

    /** Sets the elites: distinct member indices. */
    public void setElites(int[] members) {
        boolean[] seen = new boolean[config.members()];
        for (int e : members) {
            if (e < 0 || e >= config.members() || seen[e]) {
                throw new IllegalArgumentException("elites must be distinct members in [0, " + config.members() + "), got "
                        + Arrays.toString(members));
            }
            seen[e] = true;
        }
        if (members.length == 0) throw new IllegalArgumentException("elites must not be empty");
        this.elites = members.clone();
    }

    /**
     * Per-layer weight decay for the model optimizer: {@code decays[i]} on the weights of layer i
     * (hidden layers then the output layer), none on biases and bounds. One value applies to
     * every layer.
     */
    public WeightDecay weightDecay(double[] decays) {
        int depth = net.depth();
        if (decays.length != 1 && decays.length != depth) {
            throw new IllegalArgumentException("model weight decay: give 1 or " + depth + " values (one per layer), got "
                    + decays.length);
        }
        WeightDecay wd = WeightDecay.none();
        for (int i = 0; i < depth; i++) wd = wd.with(net.weightName(i), decays[decays.length == 1 ? 0 : i]);
        return wd;
    }

    // ---- layout (for copies of the model on a device) ----

    /** Name of the member network in {@link #params()}: layer i is {@code <name>.l<i>.w} and {@code .b} ({@link EnsembleMlp}). */
    public String networkName() { return NET; }

    /** The entries that hold one slice per member (every layer's weights and biases), in layer order. */
    public java.util.List<String> memberEntries() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < net.depth(); i++) {
            names.add(net.weightName(i));
            names.add(net.biasName(i));
        }
        return names;
    }

    /** Entry of the upper log-variance bounds (ds + 1); Gaussian heads only. */
    public String maxLogVarName() {
        return requireHead().maxLogvarName();
    }

    /** Entry of the lower log-variance bounds (ds + 1); Gaussian heads only. */
    public String minLogVarName() {
        return requireHead().minLogvarName();
    }

    private GaussianHead requireHead() {
        if (head == null) throw new UnsupportedOperationException("a deterministic model has no log-variance bounds");
        return head;
    }

    /** The input and target statistics as the floats this model applies, copies. */
    public ModelStatistics statistics() {
        return new ModelStatistics(inMean, inInvStd, outMean, outStd, outLogVarShift);
    }

    // ---- input normalization ----

    /** Refits the input statistics to {@code rows} rows of {@code inputs} ((rows x (ds + da)) concat(s, a)). */
    public void fitNormalizer(float[] inputs, int rows) {
        normalizer.fit(inputs, 0, rows);
        refreshNormalizerCopies();
    }

    /** Mean of the input feature j (state features first, then action features). */
    public double inputMean(int j) { return normalizer.mean(j); }

    /** Standard deviation used for input feature j. */
    public double inputStd(int j) { return normalizer.std(j); }

    private void refreshNormalizerCopies() {
        for (int j = 0; j < inMean.length; j++) {
            inMean[j] = (float) normalizer.mean(j);
            inInvStd[j] = (float) (1 / normalizer.std(j));
        }
    }

    // ---- target normalization ----

    /**
     * Refits the target statistics to {@code rows} rows of {@code targets} ((rows x (ds + 1))
     * {@code [s' - s, r]}) when the model standardizes its targets; does nothing with
     * {@link TargetNormalization#NONE} (the statistics stay mean 0, std 1).
     */
    public void fitTargetNormalizer(float[] targets, int rows) {
        if (config.targets() == TargetNormalization.NONE) return;
        targetStats.fit(targets, 0, rows);
        refreshTargetCopies();
    }

    /** m_y of output j (state deltas first, then the reward): 0 unless the targets are standardized. */
    public double targetMean(int j) { return targetStats.mean(j); }

    /** sigma_y of output j: 1 unless the targets are standardized. */
    public double targetStd(int j) { return targetStats.std(j); }

    private void refreshTargetCopies() {
        for (int j = 0; j < outMean.length; j++) {
            double sd = targetStats.std(j);
            outMean[j] = (float) targetStats.mean(j);
            outStd[j] = (float) sd;
            outLogVarShift[j] = (float) (2 * StrictMath.log(sd));
        }
    }

    // ---- prediction ----

    @Override
    public ModelPrediction predict(Tape tape, Tensor states, Tensor actions) {
        int e = config.members();
        if (states.rank() != 3 || states.dim(0) != e || states.dim(2) != stateDim) {
            throw new IllegalArgumentException("dynamics model: states must be [" + e + ", B, " + stateDim + "], got "
                    + Arrays.toString(states.shape()));
        }
        if (actions.rank() != 3 || actions.dim(0) != e || actions.dim(1) != states.dim(1) || actions.dim(2) != actionDim) {
            throw new IllegalArgumentException("dynamics model: actions must be [" + e + ", " + states.dim(1) + ", " + actionDim
                    + "], got " + Arrays.toString(actions.shape()));
        }
        // x = (concat(s, a) - mu) / sigma                                                (E x B x (ds + da))
        Tensor x = Mul.apply(tape, Sub.apply(tape, Concat.apply(tape, states, actions), inMeanT), inInvStdT);
        Tensor raw = net.forward(tape, params, x, true);                                  // (E x B x out)
        Tensor mean = raw, logVar = null;                                                 // (E x B x (ds + 1)) each
        if (head != null) {
            GaussianHead.Output o = head.apply(tape, params, raw, config.learnLogVarBounds());
            mean = o.mean();
            logVar = o.logvar();
        }
        if (config.targets() == TargetNormalization.STANDARDIZE) {
            // mean = m_y + sigma_y mu_z ; logVar = logVar_z + 2 log sigma_y                 (raw units)
            mean = Add.apply(tape, Mul.apply(tape, mean, outStdT), outMeanT);
            if (logVar != null) logVar = Add.apply(tape, logVar, outLogVarShiftT);
        }
        return new ModelPrediction(mean, logVar);
    }

    @Override
    public Tensor logVarBoundGap(Tape tape) {
        if (head == null) throw new UnsupportedOperationException("a deterministic model has no log-variance bounds");
        boolean learn = config.learnLogVarBounds();
        return Sub.apply(tape, Sum.apply(tape, params.view(head.maxLogvarName(), learn)),
                Sum.apply(tape, params.view(head.minLogvarName(), learn)));
    }

    // ---- copying members (elite sets, per-member snapshots) ----

    /**
     * Copies member {@code from} of {@code src} into member {@code to} of {@code dst}; both are
     * parameter sets of models of this architecture, possibly with different member counts.
     */
    public void copyMember(Params src, int from, Params dst, int to) {
        for (int i = 0; i < net.depth(); i++) {
            for (String name : new String[] {net.weightName(i), net.biasName(i)}) {
                Params.Entry a = src.entry(name), b = dst.entry(name);
                int per = a.size() / a.shape()[0];
                if (per != b.size() / b.shape()[0]) throw new IllegalArgumentException("copyMember: layouts differ at " + name);
                System.arraycopy(src.data(), a.offset() + from * per, dst.data(), b.offset() + to * per, per);
            }
        }
    }

    /** Copies the parameters shared by all members (the log-variance bounds) from {@code src} to {@code dst}. */
    public void copyShared(Params src, Params dst) {
        if (head == null) return;
        for (String name : new String[] {head.maxLogvarName(), head.minLogvarName()}) {
            Params.Entry a = src.entry(name), b = dst.entry(name);
            System.arraycopy(src.data(), a.offset(), dst.data(), b.offset(), a.size());
        }
    }

    /**
     * Makes {@code this} (of {@code members.length} members) hold members {@code members} of
     * {@code src}, with its input and target statistics: e.g. the elites for rollouts.
     */
    public void copyMembersFrom(DynamicsEnsemble src, int[] members) {
        if (members.length != config.members() || src.stateDim != stateDim || src.actionDim != actionDim
                || src.probabilistic() != probabilistic() || src.config.targets() != config.targets()) {
            throw new IllegalArgumentException("copyMembersFrom: need " + config.members() + " members of a matching model, got "
                    + members.length);
        }
        for (int i = 0; i < members.length; i++) copyMember(src.params, members[i], params, i);
        copyShared(src.params, params);
        System.arraycopy(src.inMean, 0, inMean, 0, inMean.length);
        System.arraycopy(src.inInvStd, 0, inInvStd, 0, inInvStd.length);
        System.arraycopy(src.outMean, 0, outMean, 0, outMean.length);
        System.arraycopy(src.outStd, 0, outStd, 0, outStd.length);
        System.arraycopy(src.outLogVarShift, 0, outLogVarShift, 0, outLogVarShift.length);
    }

    // ---- save / load ----

    /** Writes parameters, input statistics, target statistics (when standardized) and elites under {@code prefix}. */
    public void write(ArchiveWriter w, String prefix) throws IOException {
        params.write(w, prefix + "params.");
        normalizer.write(w, prefix + "normalizer.");
        if (config.targets() == TargetNormalization.STANDARDIZE) targetStats.write(w, prefix + "target_normalizer.");
        long[] el = new long[elites.length];
        for (int i = 0; i < el.length; i++) el[i] = elites[i];
        w.longs(prefix + "elites", el);
    }

    /** Restores what {@link #write} wrote; the architecture must match. */
    public void read(ArchiveReader r, String prefix) {
        long[] el = r.longs(prefix + "elites", config.elites());
        int[] e = new int[el.length];
        for (int i = 0; i < e.length; i++) e[i] = (int) el[i];
        params.read(r, prefix + "params.");
        normalizer.read(r, prefix + "normalizer.");
        refreshNormalizerCopies();
        if (config.targets() == TargetNormalization.STANDARDIZE) {
            targetStats.read(r, prefix + "target_normalizer.");
            refreshTargetCopies();
        }
        setElites(e);
    }

    /** Saves the model alone (an archive of kind {@code "dynamics"}). */
    public void save(Path path) throws IOException {
        try (ArchiveWriter w = ArchiveWriter.create(path, "dynamics")) {
            write(w, "");
            w.commit();
        }
    }

    /** Loads a model saved by {@link #save}; the architecture must match. */
    public void load(Path path) throws IOException {
        read(ArchiveReader.open(path, "dynamics"), "");
    }
}
