package org.vaml4j.env.synthetic;

import java.util.random.RandomGenerator;

/**
 * A fixed, randomly initialised Gaussian MLP used as true dynamics (Lovatto et al. §5.1):
 * input {@code [s, a]}, {@code depth} hidden Swish layers of {@code hidden} units, one linear
 * output layer giving the mean Δs and the raw log-variance of a diagonal Gaussian. The
 * log-variance is soft-bounded to [-20, 2] (fixed bounds, as raylab's model):
 * {@code lv = max - softplus(max - raw); lv = min + softplus(lv - min)}, σ = exp(lv / 2).
 * Weights and biases are drawn U(-1/√fan_in, 1/√fan_in) (PyTorch's default Linear init).
 * Plain double loops: {@code env} does not depend on {@code nn}.
 */
public final class RandomMlpDynamics {

    public static final double MAX_LOGVAR = 2.0, MIN_LOGVAR = -20.0;

    private final int obsDim, actDim, hidden, depth;
    /** Layer l has weights (in_l x out_l), row-major, and biases (out_l). */
    private final double[][] weights, biases;
    private final double[][] act; // per-layer activations, scratch (hidden)

    /** Draws the weights from {@code rng}. */
    public RandomMlpDynamics(int obsDim, int actDim, int hidden, int depth, RandomGenerator rng) {
        this(obsDim, actDim, hidden, depth, null, null);
        for (int l = 0; l <= depth; l++) {
            int in = l == 0 ? obsDim + actDim : hidden;
            double bound = 1.0 / Math.sqrt(in);
            for (int i = 0; i < weights[l].length; i++) weights[l][i] = rng.nextDouble(-bound, bound);
            for (int i = 0; i < biases[l].length; i++) biases[l][i] = rng.nextDouble(-bound, bound);
        }
    }

    /**
     * Given weights, e.g. for tests: {@code weights[l]} is (in_l x out_l) row-major with
     * in_0 = obsDim + actDim, out_depth = 2 obsDim (mean, raw log-variance), hidden sizes between.
     */
    public RandomMlpDynamics(int obsDim, int actDim, int hidden, int depth, double[][] weights, double[][] biases) {
        if (obsDim < 1 || actDim < 1 || hidden < 1 || depth < 1) {
            throw new IllegalArgumentException("RandomMlpDynamics: dims must be >= 1, got obs " + obsDim + ", act " + actDim
                    + ", hidden " + hidden + ", depth " + depth);
        }
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.hidden = hidden;
        this.depth = depth;
        this.weights = new double[depth + 1][];
        this.biases = new double[depth + 1][];
        for (int l = 0; l <= depth; l++) {
            int in = l == 0 ? obsDim + actDim : hidden, out = l == depth ? 2 * obsDim : hidden;
            this.weights[l] = new double[in * out];
            this.biases[l] = new double[out];
            if (weights != null) {
                if (weights.length != depth + 1 || weights[l].length != in * out || biases[l].length != out) {
                    throw new IllegalArgumentException("RandomMlpDynamics: layer " + l + " needs " + in + " x " + out
                            + " weights and " + out + " biases");
                }
                System.arraycopy(weights[l], 0, this.weights[l], 0, in * out);
                System.arraycopy(biases[l], 0, this.biases[l], 0, out);
            }
        }
        this.act = new double[depth + 1][];
        for (int l = 0; l < depth; l++) act[l] = new double[hidden];
        act[depth] = new double[2 * obsDim];
    }

    public int obsDim() { return obsDim; }

    public int actDim() { return actDim; }

    public int hidden() { return hidden; }

    /** Number of hidden layers. */
    public int depth() { return depth; }

    /**
     * Mean Δs and σ of the next-state Gaussian at (s, a): s' ~ N(s + mean, diag(std²)).
     * Not thread-safe (uses the instance's scratch).
     *
     * @param s    (obsDim)
     * @param a    (actDim)
     * @param mean (obsDim) written
     * @param std  (obsDim) written
     */
    public void forward(double[] s, double[] a, double[] mean, double[] std) {
        double[] x = null;
        for (int l = 0; l <= depth; l++) {
            int in = l == 0 ? obsDim + actDim : hidden, out = l == depth ? 2 * obsDim : hidden;
            double[] w = weights[l], y = act[l];
            // y = x W + b, then Swish x sigmoid(x) on hidden layers
            for (int j = 0; j < out; j++) {
                double z = biases[l][j];
                for (int i = 0; i < in; i++) {
                    double xi = l == 0 ? (i < obsDim ? s[i] : a[i - obsDim]) : x[i];
                    z += xi * w[i * out + j];
                }
                y[j] = l == depth ? z : z / (1 + StrictMath.exp(-z));
            }
            x = y;
        }
        for (int j = 0; j < obsDim; j++) {
            mean[j] = x[j];
            double lv = MAX_LOGVAR - softplus(MAX_LOGVAR - x[obsDim + j]);
            lv = MIN_LOGVAR + softplus(lv - MIN_LOGVAR);
            std[j] = StrictMath.exp(lv / 2);
        }
    }

    /** log(1 + e^x), stable for large |x|. */
    static double softplus(double x) {
        return x > 30 ? x : StrictMath.log1p(StrictMath.exp(x));
    }
}
