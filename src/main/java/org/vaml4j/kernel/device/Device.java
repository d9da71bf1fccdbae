package org.vaml4j.kernel.device;

import org.vaml4j.kernel.Activation;

/**
 * The instruction set of a device-resident engine: buffers that live in the device's memory, the
 * few transfers between host and device, and the kernels a training step is made of. A step is a
 * fixed sequence of these calls; {@link #capture} records it once and {@link Graph#replay}
 * repeats it, so nothing but a few scalars crosses between host and device per step.
 *
 * <p>Two implementations: {@link HostDevice} runs every kernel as a plain Java loop on host arrays
 * (the executable specification, and the oracle of the CUDA tests), {@link CudaDevice} runs them
 * on an NVIDIA GPU through JNI. Semantics, stated per method, are the same; results agree to float
 * tolerance (the GPU's sums use another order and its exp/log/tanh other roundings), and each
 * implementation is deterministic: the same calls on the same device give the same bits.
 *
 * <p>Rules: offsets and sizes are in elements; {@code (buffer, offset)} pairs address the first
 * element of an operand; matrices are row-major and contiguous unless a stride is given; strides
 * are non-negative. Every reduction runs in a fixed order (no atomics). Outputs may alias inputs
 * only where stated. Transfers and {@link #synchronize} are not allowed inside {@link #capture}.
 * Not thread-safe.
 *
 * <p>Arguments are checked when a kernel is called (sizes, buffer kinds, bounds, ownership:
 * {@link IllegalArgumentException}). What lives in device buffers (row indices, step counts,
 * bounds, counters) is read when the kernel runs: {@link HostDevice} checks it then and throws,
 * {@link CudaDevice} cannot, so a call whose buffers break a stated requirement (an index outside
 * the source, a step count below 1, a bound below 1) has undefined results there, and an
 * out-of-range row index reads outside its buffer.
 */
public interface Device extends AutoCloseable {

    /** Number of floats in one SAC statistics row, see {@link #sacTemperature}. */
    int SAC_SCALARS = 8;

    /** For logs: {@code "host"} or {@code "cuda (NVIDIA H200, 139 GiB)"}. */
    String name();

    // ---- memory and transfers ----

    /** A zero-filled buffer of {@code length} elements of {@code kind}. */
    DeviceBuffer allocate(DeviceBuffer.Kind kind, int length);

    /** Frees {@code b}; called by {@link DeviceBuffer#close()}. */
    void release(DeviceBuffer b);

    void upload(float[] src, int srcOff, DeviceBuffer dst, int dstOff, int n);

    void upload(int[] src, int srcOff, DeviceBuffer dst, int dstOff, int n);

    void upload(long[] src, int srcOff, DeviceBuffer dst, int dstOff, int n);

    /** Copies to the host; waits for the kernels launched before. */
    void download(DeviceBuffer src, int srcOff, float[] dst, int dstOff, int n);

    void download(DeviceBuffer src, int srcOff, int[] dst, int dstOff, int n);

    void download(DeviceBuffer src, int srcOff, long[] dst, int dstOff, int n);

    /** Device-to-device copy of {@code n} elements of one kind; the ranges must not overlap. */
    void copy(DeviceBuffer src, int srcOff, DeviceBuffer dst, int dstOff, int n);

    /** {@code x[i] = value} for a FLOAT buffer. */
    void fill(DeviceBuffer x, int off, int n, float value);

    /** Waits until every launched kernel has finished; reports a failed kernel. */
    void synchronize();

    /**
     * Runs {@code launches} once in recording mode and returns what it launched as a replayable
     * graph. Recording does not run the kernels (as a CUDA stream capture): no buffer changes until
     * the first {@link Graph#replay}. The body may only launch kernels (no transfers); every scalar
     * it passes is fixed in the graph, so values that change from step to step must live in device
     * buffers (step counters, random-stream positions, the temperature). Arguments are checked while
     * recording; buffer contents when the graph runs.
     */
    Graph capture(Runnable launches);

    // ---- matrix products ----

    /**
     * {@code C[e] = alpha op(A[e]) op(B[e]) + beta C[e]} for e in [0, batch): op(A) is (m x k),
     * stored (m x k) or, with {@code transA}, (k x m); op(B) is (k x n), stored (k x n) or, with
     * {@code transB}, (n x k); C[e] is (m x n). Matrix e of A starts at {@code aOff + e aStride},
     * likewise B and C; a stride of 0 broadcasts A or B (the C matrices must not overlap: with
     * batch > 1, cStride >= m n). With beta 0, C is overwritten (NaN in C does not propagate); with
     * k 0, C = beta C. C must not overlap A or B.
     */
    void gemm(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
              DeviceBuffer a, int aOff, int aStride, DeviceBuffer b, int bOff, int bStride,
              float beta, DeviceBuffer c, int cOff, int cStride);

    /**
     * A dense layer's forward, fused: {@code Y[e] = act(X[e] W[e] + bias[e])} with X[e] (m x k)
     * at {@code xOff + e xStride} (stride 0: one input for every member), W[e] (k x n) at
     * {@code wOff + e k n}, bias[e] (n) at {@code biasOff + e n}, Y[e] (m x n) at {@code yOff + e m n}.
     * When {@code z} is not null, the pre-activation {@code X W + bias} is stored there too (same
     * layout as Y). With IDENTITY pass z null. Needs batch, n, k >= 1. Y and Z must not be the
     * buffer of X or W.
     */
    void dense(int batch, int m, int n, int k, DeviceBuffer x, int xOff, int xStride, DeviceBuffer w, int wOff,
               DeviceBuffer bias, int biasOff, Activation act, DeviceBuffer z, int zOff, DeviceBuffer y, int yOff);

    // ---- elementwise ----

    /** {@code dz[i] = dy[i] act'(z[i])} given the pre-activation z and output y (either may be used); dz may alias dy. */
    void activationBackward(Activation act, int n, DeviceBuffer z, int zOff, DeviceBuffer y, int yOff,
                            DeviceBuffer dy, int dyOff, DeviceBuffer dz, int dzOff);

    /** {@code y[i] += alpha x[i]}. */
    void axpy(int n, float alpha, DeviceBuffer x, int xOff, DeviceBuffer y, int yOff);

    /** {@code y[i] = exp(x[i])}. */
    void exp(int n, DeviceBuffer x, int xOff, DeviceBuffer y, int yOff);

    /**
     * {@code out[r] = [a[r, 0..aCols), b[r, 0..bCols)]} for r in [0, rows): row r of a starts at
     * {@code aOff + r aStride}, of b at {@code bOff + r bStride} ({@code aStride >= aCols},
     * {@code bStride >= bCols}); out is (rows x (aCols + bCols)).
     */
    void concatColumns(int rows, DeviceBuffer a, int aOff, int aCols, int aStride,
                       DeviceBuffer b, int bOff, int bCols, int bStride, DeviceBuffer out, int outOff);

    /**
     * {@code dst[r, :] = src[idx[idxOff + r], :]} for r in [0, rows), rows of {@code width} floats;
     * every index must name a whole row of src (not checked on CUDA).
     */
    void gatherRows(int rows, int width, DeviceBuffer idx, int idxOff, DeviceBuffer src, int srcOff,
                    DeviceBuffer dst, int dstOff);

    // ---- reductions (fixed order) ----

    /**
     * Bias gradients: {@code out[e cols + j] (+)= sum_r x[e rows cols + r cols + j]} for e in
     * [0, batch), j in [0, cols).
     */
    void columnSums(int batch, int rows, int cols, DeviceBuffer x, int xOff, DeviceBuffer out, int outOff,
                    boolean accumulate);

    /** {@code out[outOff] = scale * sum_i x[xOff + i]}, summed in a fixed order. */
    void sum(int n, DeviceBuffer x, int xOff, float scale, DeviceBuffer out, int outOff);

    // ---- optimizer and targets ----

    /** {@code counters[index] += 1} (INT buffer): step counts of optimizers, update counts. */
    void increment(DeviceBuffer counters, int index);

    /**
     * Adam with coupled weight decay on {@code n} parameters, as {@code org.vaml4j.nn.Adam}:
     * {@code g = grad + wd p; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
     * p -= lr/(1-b1^t) m / (sqrt(v)/sqrt(1-b2^t) + eps)} with {@code t = steps[stepIndex]} read
     * on the device (increment it before: t >= 1) and {@code wd = decay[i]} (decay at the same
     * offset as p; null: none, {@code wd = 0}).
     */
    void adam(int n, DeviceBuffer p, int pOff, DeviceBuffer grad, int gOff, DeviceBuffer m, DeviceBuffer v, int mvOff,
              DeviceBuffer decay, float lr, float beta1, float beta2, float eps, DeviceBuffer steps, int stepIndex);

    /** {@code target[i] = (1 - tau) target[i] + tau source[i]}. */
    void polyak(int n, float tau, DeviceBuffer source, int sOff, DeviceBuffer target, int tOff);

    // ---- counter-based random streams ----

    /**
     * Stream s of {@code state} (LONG) has key {@code state[2s]} and position {@code state[2s+1]};
     * draw j of a stream is {@code mix64(key + (j + 1) 0x9e3779b97f4a7c15)}, the j-th
     * {@code nextLong()} of {@code new org.vaml4j.rl.Rng(key)}. This fills
     * {@code out[i] = (int) (((draw(pos + i) >>> 32) bound) >>> 32)}, uniform in [0, bound) with
     * {@code bound = bounds[boundIndex] >= 1} read on the device; it does not move the position
     * ({@link #advance}).
     */
    void randomIndices(DeviceBuffer state, int stream, int n, DeviceBuffer bounds, int boundIndex,
                       DeviceBuffer out, int outOff);

    /**
     * {@code out[i] ~ N(0, 1)} by Box-Muller from draws {@code d1 = draw(pos + 2i)},
     * {@code d2 = draw(pos + 2i + 1)}: {@code u1 = ((d1 >>> 11) + 1) 2^-53}, {@code u2 = (d2 >>> 11) 2^-53},
     * {@code out = (float) (sqrt(-2 ln u1) cos(2 pi u2))} in double. Does not move the position.
     */
    void randomNormal(DeviceBuffer state, int stream, int n, DeviceBuffer out, int outOff);

    /** {@code state[2s + 1] += draws}. */
    void advance(DeviceBuffer state, int stream, long draws);

    /**
     * Writes the {@code width} floats at {@code src[srcOff..]} as row {@code (counters[index] - 1) mod rows}
     * of {@code ring} ((rows x width)): per-step statistics collected on the device, read by the host
     * once in a while. Needs rows >= 1.
     */
    void copyToRing(int width, DeviceBuffer src, int srcOff, DeviceBuffer ring, int rows, DeviceBuffer counters, int index);

    // ---- SAC (org.vaml4j.rl.Sac, TanhGaussianPolicy, TanhGaussianLogProb) ----

    /**
     * The squashed Gaussian policy sample: for r in [0, rows), j in [0, a), with
     * {@code mu = out[r, j]}, {@code raw = out[r, a + j]} (out is (rows x 2a)):
     * {@code logStd = lo + (hi - lo) (tanh(raw) + 1) / 2; u = mu + exp(logStd) eps[r, j]};
     * {@code action[r, j] = tanh(u)};
     * {@code logProb[r] = sum_j (-eps^2/2 - logStd - log(2 pi)/2 - 2 (log 2 - u - softplus(-2u)))}.
     */
    void tanhGaussian(int rows, int a, DeviceBuffer out, int outOff, DeviceBuffer eps, int epsOff, float logStdMin,
                      float logStdMax, DeviceBuffer action, int actionOff, DeviceBuffer logProb, int logProbOff);

    /**
     * Backward of {@link #tanhGaussian} into {@code dOut} (rows x 2a, overwritten), given the action
     * gradient {@code dAction[r, j]} at {@code dActionOff + r dActionStride + j} and the same
     * log-probability gradient for every row, {@code g = alpha[alphaIndex] logProbScale}:
     * {@code du = dAction (1 - action^2) + 2 g action}; {@code dOut[r, j] = du};
     * {@code dOut[r, a + j] = (du exp(logStd) eps - g) (hi - lo)/2 (1 - tanh(raw)^2)}.
     */
    void tanhGaussianBackward(int rows, int a, DeviceBuffer out, int outOff, DeviceBuffer eps, int epsOff,
                              float logStdMin, float logStdMax, DeviceBuffer action, int actionOff,
                              DeviceBuffer dAction, int dActionOff, int dActionStride,
                              DeviceBuffer alpha, int alphaIndex, float logProbScale, DeviceBuffer dOut, int dOutOff);

    /**
     * Critic targets {@code y[i] = r[i] + gamma notDone[i] (min(q[i], q[n + i]) - alpha logProb[i])}
     * with {@code alpha = alpha[alphaIndex]}, q the two target critics (2 x n); float arithmetic in
     * that order, as {@code Sac}.
     */
    void criticTarget(int n, DeviceBuffer q, int qOff, DeviceBuffer logProb, int lpOff, DeviceBuffer reward, int rOff,
                      DeviceBuffer notDone, int ndOff, DeviceBuffer alpha, int alphaIndex, float gamma,
                      DeviceBuffer y, int yOff);

    /**
     * The twin-critic loss {@code mean over both critics and rows of 2 (q - y)^2}'s pieces, for q
     * (2 x n) and y (n): {@code dq[k n + i] = 2 (q[k n + i] - y[i]) / n} and
     * {@code sq[k n + i] = (q[k n + i] - y[i])^2}.
     */
    void criticLossGrad(int n, DeviceBuffer q, int qOff, DeviceBuffer y, int yOff, DeviceBuffer dq, int dqOff,
                        DeviceBuffer sq, int sqOff);

    /**
     * {@code minQ[i] = min(q[i], q[n + i])} and its gradient times {@code scale}:
     * {@code dq[i] = scale} when {@code q[i] <= q[n + i]} (a tie goes to the first critic), else
     * {@code dq[n + i] = scale}; the other entry 0.
     */
    void minQ(int n, DeviceBuffer q, int qOff, float scale, DeviceBuffer minQ, int mOff, DeviceBuffer dq, int dqOff);

    /**
     * The end of the actor step on the SAC scalars {@code s} ({@value #SAC_SCALARS} floats:
     * 0 critic loss, 1 actor loss, 2 alpha loss, 3 alpha, 4 entropy, 5 mean Q, 6 mean log pi, 7 mean min Q),
     * one thread: {@code s1 = s3 s6 - s7; s2 = -s3 (s6 + targetEntropy); s4 = -s6}; then, when
     * {@code learn}, one Adam step of {@code logAlpha[0]} with gradient {@code s2} (moments
     * {@code m[0], v[0]}, step count {@code steps[stepIndex]}, incremented here).
     */
    void sacTemperature(DeviceBuffer s, int sOff, float targetEntropy, boolean learn, DeviceBuffer logAlpha,
                        DeviceBuffer m, DeviceBuffer v, float lr, float beta1, float beta2, float eps,
                        DeviceBuffer steps, int stepIndex);

    // ---- dynamics ensemble (org.vaml4j.mbrl.DynamicsEnsemble, GaussianNllLoss) ----

    /**
     * Member rows of a training batch: {@code dst[(e B + i) width + j] = src[order[e nTrain + (c B + i) mod nTrain] width + j]}
     * for e in [0, members), i in [0, B), with the batch number {@code c = counters[index]} (>= 0)
     * and {@code nTrain >= 1}; every order entry must name a row of src (not checked on CUDA).
     */
    void gatherMemberRows(int members, int b, int width, DeviceBuffer order, int nTrain, DeviceBuffer counters, int index,
                          DeviceBuffer src, DeviceBuffer dst);

    /**
     * MBPO's Gaussian NLL, fused with the bounded log-variance head, per element of
     * {@code rows x out} (rows = members x batch): with {@code mu = raw[r, j]}, {@code x = raw[r, out + j]},
     * {@code hi = maxLv[j]}, {@code lo = minLv[j]}:
     * {@code l1 = hi - softplus(hi - x); lv = lo + softplus(l1 - lo); d = mu - y[r, j]};
     * {@code loss[r, j] = d^2 exp(-lv) + lv}; {@code dRaw[r, j] = w 2 d exp(-lv)};
     * {@code dRaw[r, out + j] = w (1 - d^2 exp(-lv)) sigmoid(l1 - lo) sigmoid(hi - x)}.
     */
    void gaussianNll(int rows, int out, DeviceBuffer raw, DeviceBuffer y, DeviceBuffer bounds, int maxOff, int minOff,
                     float w, DeviceBuffer loss, DeviceBuffer dRaw);

    /**
     * Per-member validation error: {@code mse[e] = mean_{i, j} (scale[j] (pred[e, i, j] - y[i, j]))^2} for
     * pred row (e, i) at {@code (e rows + i) predStride} (its first {@code out} columns), y (rows x out)
     * shared by the members; {@code predStride >= out}.
     */
    void memberMse(int members, int rows, int out, DeviceBuffer pred, int predStride, DeviceBuffer y, DeviceBuffer scale,
                   DeviceBuffer mse);

    // ---- VaGraM (org.vaml4j.mbrl.loss.Vagram, ValueGradients) ----

    /** Most rows {@link #clipRowNorms} supports (one value function's norms are sorted in one block's shared memory). */
    int MAX_CLIP_ROWS = 8192;

    /**
     * VaGraM's per-value-function norm clip, in place on {@code g} ((rows x k x d) from {@code gOff}:
     * row i's gradient of value function v at {@code gOff + (i k + v) d}): for each v, with
     * {@code n_i = (float) sqrt(sum_j (double) g_ij^2)} (j in order) and {@code q} the p-quantile of
     * the n_i (numpy's linear interpolation over the sorted norms, {@code pos = p (rows - 1)}, in
     * double, rounded to float), every row with {@code n_i > q} is scaled by {@code f = q / n_i}
     * (float); the others are unchanged. Needs {@code 1 <= rows} and rows at most {@value #MAX_CLIP_ROWS}, {@code k, d >= 1} and
     * p in [0, 1]; NaN norms are not allowed (undefined on CUDA).
     */
    void clipRowNorms(int rows, int k, int d, double p, DeviceBuffer g, int gOff);

    /**
     * VaGraM's loss pieces per element of {@code rows x (ds + 1)} in standardized units: with
     * {@code e = std[j] (pred[r, j] - y[r, j])} (raw units) and, for {@code j < ds}, the weight
     * {@code c = scale ((float) (sum_v (double) g[r, v, j]^2 / k) + lambda)} (g (rows x k x ds), v in
     * order), for the reward column j = ds {@code c = 1}: {@code loss[r, j] = c e e};
     * {@code dPred[r, j] = w 2 c e std[j]}. pred and dPred have row stride {@code ds + 1}.
     */
    void vagramLoss(int rows, int ds, int k, DeviceBuffer g, DeviceBuffer pred, DeviceBuffer y, DeviceBuffer std,
                    float lambda, float scale, float w, DeviceBuffer loss, DeviceBuffer dPred);

    /** Frees every buffer still allocated and the device's own resources. */
    @Override
    void close();
}
