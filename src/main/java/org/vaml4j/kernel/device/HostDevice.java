package org.vaml4j.kernel.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.vaml4j.kernel.Activation;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.ScalarKernels;

/**
 * {@link Device} on host arrays: every kernel is the plain loop its javadoc states. It is the
 * executable specification of the device instruction set, the oracle of the CUDA kernel tests,
 * and lets the device-resident trainers run (slowly) and be tested on any machine. Products go
 * through a {@link Kernels} backend (scalar by default).
 *
 * <p>Every kernel checks its arguments when it is called and then runs its loop, or, inside
 * {@link #capture}, appends the loop to the graph being recorded (with the arrays and scalars of
 * the call): as on CUDA, a captured body changes nothing until it is replayed, and checks that
 * depend on buffer contents (row indices, step counts, bounds) run when the kernel runs.
 */
public final class HostDevice implements Device {

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private static final double HALF_LOG_2PI = 0.5 * StrictMath.log(2 * Math.PI);
    private static final double LOG_2 = StrictMath.log(2);

    private final Kernels kernels;
    private final Map<DeviceBuffer, Boolean> live = new IdentityHashMap<>();
    private List<Runnable> tape;   // the graph being recorded; null when not capturing

    public HostDevice() {
        this(new ScalarKernels());
    }

    public HostDevice(Kernels kernels) {
        if (kernels == null) throw new IllegalArgumentException("host device: kernels must not be null");
        this.kernels = kernels;
    }

    @Override public String name() { return "host (" + kernels.name() + " kernels)"; }

    // ---- memory ----

    @Override
    public DeviceBuffer allocate(DeviceBuffer.Kind kind, int length) {
        if (length < 0) throw new IllegalArgumentException("allocate: negative length " + length);
        Object a = switch (kind) {
            case FLOAT -> new float[length];
            case INT -> new int[length];
            case LONG -> new long[length];
        };
        DeviceBuffer b = new DeviceBuffer(this, kind, length, a, 0);
        live.put(b, Boolean.TRUE);
        return b;
    }

    @Override
    public void release(DeviceBuffer b) {
        live.remove(b);
    }

    @Override
    public void upload(float[] src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        transfer("upload");
        System.arraycopy(src, srcOff, f(dst, dstOff, n, "upload"), dstOff, n);
    }

    @Override
    public void upload(int[] src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        transfer("upload");
        System.arraycopy(src, srcOff, i(dst, dstOff, n, "upload"), dstOff, n);
    }

    @Override
    public void upload(long[] src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        transfer("upload");
        System.arraycopy(src, srcOff, l(dst, dstOff, n, "upload"), dstOff, n);
    }

    @Override
    public void download(DeviceBuffer src, int srcOff, float[] dst, int dstOff, int n) {
        transfer("download");
        System.arraycopy(f(src, srcOff, n, "download"), srcOff, dst, dstOff, n);
    }

    @Override
    public void download(DeviceBuffer src, int srcOff, int[] dst, int dstOff, int n) {
        transfer("download");
        System.arraycopy(i(src, srcOff, n, "download"), srcOff, dst, dstOff, n);
    }

    @Override
    public void download(DeviceBuffer src, int srcOff, long[] dst, int dstOff, int n) {
        transfer("download");
        System.arraycopy(l(src, srcOff, n, "download"), srcOff, dst, dstOff, n);
    }

    @Override
    public void copy(DeviceBuffer src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        src.check(this, src.kind(), srcOff, n, "copy");
        dst.check(this, src.kind(), dstOff, n, "copy");
        Object from = src.host, to = dst.host;
        launch(() -> System.arraycopy(from, srcOff, to, dstOff, n));
    }

    @Override
    public void fill(DeviceBuffer x, int off, int n, float value) {
        float[] xv = f(x, off, n, "fill");
        launch(() -> Arrays.fill(xv, off, off + n, value));
    }

    @Override
    public void synchronize() {
        transfer("synchronize");
    }

    @Override
    public Graph capture(Runnable launches) {
        if (tape != null) throw new IllegalStateException("capture: already capturing");
        List<Runnable> recorded = new ArrayList<>();
        tape = recorded;
        try {
            launches.run();
        } finally {
            tape = null;
        }
        Runnable[] steps = recorded.toArray(new Runnable[0]);
        return new Graph() {
            private boolean closed;

            @Override
            public void replay() {
                if (closed) throw new IllegalStateException("graph: already closed");
                if (tape != null) throw new IllegalStateException("graph: replay inside capture");
                for (Runnable step : steps) step.run();
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    // ---- products ----

    @Override
    public void gemm(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                     DeviceBuffer a, int aOff, int aStride, DeviceBuffer b, int bOff, int bStride,
                     float beta, DeviceBuffer c, int cOff, int cStride) {
        if (!DeviceArgs.gemm(batch, m, n, k, a, aOff, aStride, b, bOff, bStride, c, cOff, cStride)) return;
        float[] av = f(a, aOff, (long) (batch - 1) * aStride + (long) m * k, "gemm A");
        float[] bv = f(b, bOff, (long) (batch - 1) * bStride + (long) k * n, "gemm B");
        float[] cv = f(c, cOff, (long) (batch - 1) * cStride + (long) m * n, "gemm C");
        launch(() -> kernels.gemmBatched(batch, transA, transB, m, n, k, alpha, av, aOff, aStride, bv, bOff, bStride,
                beta, cv, cOff, cStride));
    }

    @Override
    public void dense(int batch, int m, int n, int k, DeviceBuffer x, int xOff, int xStride, DeviceBuffer w, int wOff,
                      DeviceBuffer bias, int biasOff, Activation act, DeviceBuffer z, int zOff, DeviceBuffer y, int yOff) {
        if (!DeviceArgs.dense(batch, m, n, k, x, xStride, w, act, z, y)) return;
        float[] xv = f(x, xOff, (long) (batch - 1) * xStride + (long) m * k, "dense x");
        float[] wv = f(w, wOff, (long) batch * k * n, "dense W");
        float[] bv = f(bias, biasOff, (long) batch * n, "dense bias");
        float[] yv = f(y, yOff, (long) batch * m * n, "dense y");
        float[] zv = z == null ? null : f(z, zOff, (long) batch * m * n, "dense z");
        launch(() -> {
            kernels.gemmBatched(batch, false, false, m, n, k, 1f, xv, xOff, xStride, wv, wOff, k * n, 0f, yv, yOff, m * n);
            for (int e = 0; e < batch; e++) {
                for (int r = 0; r < m; r++) {
                    for (int j = 0; j < n; j++) {
                        int o = e * m * n + r * n + j;
                        float pre = yv[yOff + o] + bv[biasOff + e * n + j];
                        if (zv != null) zv[zOff + o] = pre;
                        yv[yOff + o] = act.apply(pre);
                    }
                }
            }
        });
    }

    // ---- elementwise ----

    @Override
    public void activationBackward(Activation act, int n, DeviceBuffer z, int zOff, DeviceBuffer y, int yOff,
                                   DeviceBuffer dy, int dyOff, DeviceBuffer dz, int dzOff) {
        float[] zv = f(z, zOff, n, "activationBackward z"), yv = f(y, yOff, n, "activationBackward y");
        float[] dyv = f(dy, dyOff, n, "activationBackward dy"), dzv = f(dz, dzOff, n, "activationBackward dz");
        launch(() -> {
            for (int i = 0; i < n; i++) dzv[dzOff + i] = dyv[dyOff + i] * act.derivative(zv[zOff + i], yv[yOff + i]);
        });
    }

    @Override
    public void axpy(int n, float alpha, DeviceBuffer x, int xOff, DeviceBuffer y, int yOff) {
        float[] xv = f(x, xOff, n, "axpy x"), yv = f(y, yOff, n, "axpy y");
        launch(() -> {
            for (int i = 0; i < n; i++) yv[yOff + i] += alpha * xv[xOff + i];
        });
    }

    @Override
    public void exp(int n, DeviceBuffer x, int xOff, DeviceBuffer y, int yOff) {
        float[] xv = f(x, xOff, n, "exp x"), yv = f(y, yOff, n, "exp y");
        launch(() -> {
            for (int i = 0; i < n; i++) yv[yOff + i] = (float) StrictMath.exp(xv[xOff + i]);
        });
    }

    @Override
    public void concatColumns(int rows, DeviceBuffer a, int aOff, int aCols, int aStride,
                              DeviceBuffer b, int bOff, int bCols, int bStride, DeviceBuffer out, int outOff) {
        if (rows < 0 || aCols < 0 || bCols < 0 || aStride < aCols || bStride < bCols) {
            throw new IllegalArgumentException("concatColumns: bad sizes or strides");
        }
        int w = aCols + bCols;
        float[] av = f(a, aOff, rows == 0 ? 0 : (long) (rows - 1) * aStride + aCols, "concat a");
        float[] bv = f(b, bOff, rows == 0 ? 0 : (long) (rows - 1) * bStride + bCols, "concat b");
        float[] ov = f(out, outOff, (long) rows * w, "concat out");
        launch(() -> {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(av, aOff + r * aStride, ov, outOff + r * w, aCols);
                System.arraycopy(bv, bOff + r * bStride, ov, outOff + r * w + aCols, bCols);
            }
        });
    }

    @Override
    public void gatherRows(int rows, int width, DeviceBuffer idx, int idxOff, DeviceBuffer src, int srcOff,
                           DeviceBuffer dst, int dstOff) {
        int[] iv = i(idx, idxOff, rows, "gather idx");
        float[] sv = f(src, srcOff, 0, "gather src"), dv = f(dst, dstOff, (long) rows * width, "gather dst");
        launch(() -> {
            for (int r = 0; r < rows; r++) {
                long from = srcOff + (long) iv[idxOff + r] * width;
                if (iv[idxOff + r] < 0 || from + width > sv.length) {
                    throw new IllegalArgumentException("gather: row " + iv[idxOff + r] + " outside the source");
                }
                System.arraycopy(sv, (int) from, dv, dstOff + r * width, width);
            }
        });
    }

    // ---- reductions ----

    @Override
    public void columnSums(int batch, int rows, int cols, DeviceBuffer x, int xOff, DeviceBuffer out, int outOff,
                           boolean accumulate) {
        float[] xv = f(x, xOff, (long) batch * rows * cols, "columnSums x"), ov = f(out, outOff, (long) batch * cols, "columnSums out");
        launch(() -> {
            for (int e = 0; e < batch; e++) {
                kernels.columnSums(rows, cols, xv, xOff + e * rows * cols, ov, outOff + e * cols, accumulate);
            }
        });
    }

    @Override
    public void sum(int n, DeviceBuffer x, int xOff, float scale, DeviceBuffer out, int outOff) {
        float[] xv = f(x, xOff, n, "sum x"), ov = f(out, outOff, 1, "sum out");
        launch(() -> {
            double s = 0;
            for (int i = 0; i < n; i++) s += xv[xOff + i];
            ov[outOff] = (float) (scale * s);
        });
    }

    // ---- optimizer ----

    @Override
    public void increment(DeviceBuffer counters, int index) {
        int[] cv = i(counters, index, 1, "increment");
        launch(() -> cv[index]++);
    }

    @Override
    public void adam(int n, DeviceBuffer p, int pOff, DeviceBuffer grad, int gOff, DeviceBuffer m, DeviceBuffer v, int mvOff,
                     DeviceBuffer decay, float lr, float beta1, float beta2, float eps, DeviceBuffer steps, int stepIndex) {
        float[] pv = f(p, pOff, n, "adam p"), gv = f(grad, gOff, n, "adam grad");
        float[] mv = f(m, mvOff, n, "adam m"), vv = f(v, mvOff, n, "adam v");
        float[] dv = decay == null ? null : f(decay, pOff, n, "adam decay");
        int[] sv = i(steps, stepIndex, 1, "adam steps");
        launch(() -> adamStep(n, pv, pOff, gv, gOff, mv, vv, mvOff, dv, lr, beta1, beta2, eps, sv[stepIndex]));
    }

    private static void adamStep(int n, float[] pv, int pOff, float[] gv, int gOff, float[] mv, float[] vv, int mvOff,
                                 float[] dv, float lr, float beta1, float beta2, float eps, int t) {
        if (t < 1) throw new IllegalStateException("adam: step count " + t + "; increment it before the step");
        double bc1 = 1 - StrictMath.pow(beta1, t), bc2 = 1 - StrictMath.pow(beta2, t);
        float stepSize = (float) (lr / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        for (int q = 0; q < n; q++) {
            float wd = dv == null ? 0f : dv[pOff + q];
            float gi = gv[gOff + q] + wd * pv[pOff + q];
            mv[mvOff + q] = beta1 * mv[mvOff + q] + (1 - beta1) * gi;
            vv[mvOff + q] = beta2 * vv[mvOff + q] + (1 - beta2) * gi * gi;
            pv[pOff + q] -= stepSize * mv[mvOff + q] / ((float) Math.sqrt(vv[mvOff + q]) * invSqrtBc2 + eps);
        }
    }

    @Override
    public void polyak(int n, float tau, DeviceBuffer source, int sOff, DeviceBuffer target, int tOff) {
        float[] sv = f(source, sOff, n, "polyak source"), tv = f(target, tOff, n, "polyak target");
        float keep = 1f - tau;
        launch(() -> {
            for (int q = 0; q < n; q++) tv[tOff + q] = keep * tv[tOff + q] + tau * sv[sOff + q];
        });
    }

    // ---- random streams ----

    /** Draw j of the stream with {@code key}: the j-th nextLong of {@code new Rng(key)}. */
    static long draw(long key, long j) {
        long z = key + (j + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public void randomIndices(DeviceBuffer state, int stream, int n, DeviceBuffer bounds, int boundIndex,
                              DeviceBuffer out, int outOff) {
        long[] st = l(state, 2 * stream, 2, "randomIndices state");
        int[] bv = i(bounds, boundIndex, 1, "randomIndices bound");
        int[] ov = i(out, outOff, n, "randomIndices out");
        launch(() -> {
            int bound = bv[boundIndex];
            if (bound < 1) throw new IllegalStateException("randomIndices: bound " + bound);
            long key = st[2 * stream], pos = st[2 * stream + 1];
            for (int q = 0; q < n; q++) ov[outOff + q] = (int) (((draw(key, pos + q) >>> 32) * bound) >>> 32);
        });
    }

    @Override
    public void randomNormal(DeviceBuffer state, int stream, int n, DeviceBuffer out, int outOff) {
        long[] st = l(state, 2 * stream, 2, "randomNormal state");
        float[] ov = f(out, outOff, n, "randomNormal out");
        launch(() -> {
            long key = st[2 * stream], pos = st[2 * stream + 1];
            for (int q = 0; q < n; q++) {
                double u1 = ((draw(key, pos + 2L * q) >>> 11) + 1) * 0x1.0p-53;
                double u2 = (draw(key, pos + 2L * q + 1) >>> 11) * 0x1.0p-53;
                ov[outOff + q] = (float) (Math.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2));
            }
        });
    }

    @Override
    public void advance(DeviceBuffer state, int stream, long draws) {
        long[] st = l(state, 2 * stream, 2, "advance");
        launch(() -> st[2 * stream + 1] += draws);
    }

    @Override
    public void copyToRing(int width, DeviceBuffer src, int srcOff, DeviceBuffer ring, int rows, DeviceBuffer counters, int index) {
        if (rows < 1) throw new IllegalArgumentException("copyToRing: rows must be >= 1");
        float[] sv = f(src, srcOff, width, "copyToRing src"), rv = f(ring, 0, (long) rows * width, "copyToRing ring");
        int[] cv = i(counters, index, 1, "copyToRing counters");
        launch(() -> {
            int row = Math.floorMod(cv[index] - 1, rows);
            System.arraycopy(sv, srcOff, rv, row * width, width);
        });
    }

    // ---- SAC ----

    @Override
    public void tanhGaussian(int rows, int a, DeviceBuffer out, int outOff, DeviceBuffer eps, int epsOff, float logStdMin,
                             float logStdMax, DeviceBuffer action, int actionOff, DeviceBuffer logProb, int logProbOff) {
        float[] ov = f(out, outOff, (long) rows * 2 * a, "tanhGaussian out"), ev = f(eps, epsOff, (long) rows * a, "tanhGaussian eps");
        float[] av = f(action, actionOff, (long) rows * a, "tanhGaussian action");
        float[] lv = f(logProb, logProbOff, rows, "tanhGaussian logProb");
        float half = 0.5f * (logStdMax - logStdMin);
        launch(() -> {
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int j = 0; j < a; j++) {
                    float mu = ov[outOff + r * 2 * a + j], raw = ov[outOff + r * 2 * a + a + j], e = ev[epsOff + r * a + j];
                    float logStd = ((float) StrictMath.tanh(raw)) * half + (logStdMin + half);
                    double std = StrictMath.exp(logStd);
                    double u = mu + std * e;
                    av[actionOff + r * a + j] = (float) StrictMath.tanh(u);
                    double log1mTanh2 = 2 * (LOG_2 - u - softplus(-2 * u));
                    s += -0.5 * e * e - logStd - HALF_LOG_2PI - log1mTanh2;
                }
                lv[logProbOff + r] = (float) s;
            }
        });
    }

    @Override
    public void tanhGaussianBackward(int rows, int a, DeviceBuffer out, int outOff, DeviceBuffer eps, int epsOff,
                                     float logStdMin, float logStdMax, DeviceBuffer action, int actionOff,
                                     DeviceBuffer dAction, int dActionOff, int dActionStride,
                                     DeviceBuffer alpha, int alphaIndex, float logProbScale, DeviceBuffer dOut, int dOutOff) {
        float[] ov = f(out, outOff, (long) rows * 2 * a, "tanhGaussianBackward out");
        float[] ev = f(eps, epsOff, (long) rows * a, "tanhGaussianBackward eps");
        float[] av = f(action, actionOff, (long) rows * a, "tanhGaussianBackward action");
        float[] dav = f(dAction, dActionOff, rows == 0 ? 0 : (long) (rows - 1) * dActionStride + a, "tanhGaussianBackward dAction");
        float[] alv = f(alpha, alphaIndex, 1, "tanhGaussianBackward alpha");
        float[] dv = f(dOut, dOutOff, (long) rows * 2 * a, "tanhGaussianBackward dOut");
        float half = 0.5f * (logStdMax - logStdMin);
        launch(() -> {
            float g = alv[alphaIndex] * logProbScale;
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < a; j++) {
                    float raw = ov[outOff + r * 2 * a + a + j];
                    float th = (float) StrictMath.tanh(raw);
                    float logStd = th * half + (logStdMin + half);
                    float std = (float) StrictMath.exp(logStd);
                    float t = av[actionOff + r * a + j], e = ev[epsOff + r * a + j];
                    float du = dav[dActionOff + r * dActionStride + j] * (1f - t * t) + g * 2f * t;
                    float dLogStd = du * std * e - g;
                    dv[dOutOff + r * 2 * a + j] = du;
                    dv[dOutOff + r * 2 * a + a + j] = dLogStd * half * (1f - th * th);
                }
            }
        });
    }

    @Override
    public void criticTarget(int n, DeviceBuffer q, int qOff, DeviceBuffer logProb, int lpOff, DeviceBuffer reward, int rOff,
                             DeviceBuffer notDone, int ndOff, DeviceBuffer alpha, int alphaIndex, float gamma,
                             DeviceBuffer y, int yOff) {
        float[] qv = f(q, qOff, 2L * n, "criticTarget q"), lp = f(logProb, lpOff, n, "criticTarget logProb");
        float[] rv = f(reward, rOff, n, "criticTarget reward"), nd = f(notDone, ndOff, n, "criticTarget notDone");
        float[] alv = f(alpha, alphaIndex, 1, "criticTarget alpha");
        float[] yv = f(y, yOff, n, "criticTarget y");
        launch(() -> {
            float al = alv[alphaIndex];
            for (int r = 0; r < n; r++) {
                float minQ = Math.min(qv[qOff + r], qv[qOff + n + r]);
                yv[yOff + r] = rv[rOff + r] + gamma * nd[ndOff + r] * (minQ - al * lp[lpOff + r]);
            }
        });
    }

    @Override
    public void criticLossGrad(int n, DeviceBuffer q, int qOff, DeviceBuffer y, int yOff, DeviceBuffer dq, int dqOff,
                               DeviceBuffer sq, int sqOff) {
        float[] qv = f(q, qOff, 2L * n, "criticLossGrad q"), yv = f(y, yOff, n, "criticLossGrad y");
        float[] dv = f(dq, dqOff, 2L * n, "criticLossGrad dq"), sv = f(sq, sqOff, 2L * n, "criticLossGrad sq");
        launch(() -> {
            for (int k = 0; k < 2 * n; k++) {
                float d = qv[qOff + k] - yv[yOff + k % n];
                dv[dqOff + k] = 2f * d / n;
                sv[sqOff + k] = d * d;
            }
        });
    }

    @Override
    public void minQ(int n, DeviceBuffer q, int qOff, float scale, DeviceBuffer minQ, int mOff, DeviceBuffer dq, int dqOff) {
        float[] qv = f(q, qOff, 2L * n, "minQ q"), mv = f(minQ, mOff, n, "minQ out"), dv = f(dq, dqOff, 2L * n, "minQ dq");
        launch(() -> {
            for (int r = 0; r < n; r++) {
                boolean first = qv[qOff + r] <= qv[qOff + n + r];
                mv[mOff + r] = first ? qv[qOff + r] : qv[qOff + n + r];
                dv[dqOff + r] = first ? scale : 0f;
                dv[dqOff + n + r] = first ? 0f : scale;
            }
        });
    }

    @Override
    public void sacTemperature(DeviceBuffer s, int sOff, float targetEntropy, boolean learn, DeviceBuffer logAlpha,
                               DeviceBuffer m, DeviceBuffer v, float lr, float beta1, float beta2, float eps,
                               DeviceBuffer steps, int stepIndex) {
        float[] sv = f(s, sOff, SAC_SCALARS, "sacTemperature scalars");
        float[] la = f(logAlpha, 0, 1, "sacTemperature logAlpha");
        float[] mv = f(m, 0, 1, "sacTemperature m"), vv = f(v, 0, 1, "sacTemperature v");
        int[] st = i(steps, stepIndex, 1, "sacTemperature steps");
        launch(() -> {
            float al = sv[sOff + 3], meanLogp = sv[sOff + 6], meanMinQ = sv[sOff + 7];
            sv[sOff + 1] = al * meanLogp - meanMinQ;
            sv[sOff + 2] = -al * (meanLogp + targetEntropy);
            sv[sOff + 4] = -meanLogp;
            if (learn) {
                st[stepIndex]++;
                adamStep(1, la, 0, sv, sOff + 2, mv, vv, 0, null, lr, beta1, beta2, eps, st[stepIndex]);
            }
        });
    }

    // ---- dynamics ensemble ----

    @Override
    public void gatherMemberRows(int members, int b, int width, DeviceBuffer order, int nTrain, DeviceBuffer counters, int index,
                                 DeviceBuffer src, DeviceBuffer dst) {
        if (nTrain < 1) throw new IllegalArgumentException("gatherMemberRows: nTrain must be >= 1");
        int[] ov = i(order, 0, (long) members * nTrain, "gatherMemberRows order");
        int[] cv = i(counters, index, 1, "gatherMemberRows counters");
        float[] sv = f(src, 0, 0, "gatherMemberRows src"), dv = f(dst, 0, (long) members * b * width, "gatherMemberRows dst");
        launch(() -> {
            int c = cv[index];
            for (int e = 0; e < members; e++) {
                for (int r = 0; r < b; r++) {
                    int row = ov[e * nTrain + (int) (((long) c * b + r) % nTrain)];
                    if (row < 0 || (long) (row + 1) * width > sv.length) {
                        throw new IllegalArgumentException("gatherMemberRows: row " + row + " outside the source");
                    }
                    System.arraycopy(sv, row * width, dv, (e * b + r) * width, width);
                }
            }
        });
    }

    @Override
    public void gaussianNll(int rows, int out, DeviceBuffer raw, DeviceBuffer y, DeviceBuffer bounds, int maxOff, int minOff,
                            float w, DeviceBuffer loss, DeviceBuffer dRaw) {
        float[] rv = f(raw, 0, (long) rows * 2 * out, "gaussianNll raw"), yv = f(y, 0, (long) rows * out, "gaussianNll y");
        float[] hi = f(bounds, maxOff, out, "gaussianNll max"), lo = f(bounds, minOff, out, "gaussianNll min");
        float[] lv = f(loss, 0, (long) rows * out, "gaussianNll loss"), dv = f(dRaw, 0, (long) rows * 2 * out, "gaussianNll dRaw");
        launch(() -> {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    float mu = rv[r * 2 * out + j], x = rv[r * 2 * out + out + j];
                    float h = hi[maxOff + j], l = lo[minOff + j];
                    float l1 = h - (float) softplus(h - x);
                    float logVar = l + (float) softplus(l1 - l);
                    float d = mu - yv[r * out + j];
                    float inv = (float) StrictMath.exp(-logVar);
                    lv[r * out + j] = d * d * inv + logVar;
                    dv[r * 2 * out + j] = w * 2f * d * inv;
                    dv[r * 2 * out + out + j] = w * (1f - d * d * inv) * sigmoid(l1 - l) * sigmoid(h - x);
                }
            }
        });
    }

    @Override
    public void memberMse(int members, int rows, int out, DeviceBuffer pred, int predStride, DeviceBuffer y, DeviceBuffer scale,
                          DeviceBuffer mse) {
        if (predStride < out) throw new IllegalArgumentException("memberMse: predStride " + predStride + " < out " + out);
        float[] pv = f(pred, 0, (long) members * rows * predStride, "memberMse pred"), yv = f(y, 0, (long) rows * out, "memberMse y");
        float[] sv = f(scale, 0, out, "memberMse scale"), mv = f(mse, 0, members, "memberMse out");
        launch(() -> {
            for (int e = 0; e < members; e++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < out; j++) {
                        double d = (double) sv[j] * (pv[(e * rows + r) * predStride + j] - yv[r * out + j]);
                        s += d * d;
                    }
                }
                mv[e] = (float) (s / ((double) rows * out));
            }
        });
    }

    @Override
    public void clipRowNorms(int rows, int k, int d, double p, DeviceBuffer g, int gOff) {
        DeviceArgs.clipRowNorms(rows, k, d, p);
        float[] gv = f(g, gOff, (long) rows * k * d, "clipRowNorms g");
        launch(() -> {
            float[] norms = new float[rows], sorted = new float[rows];
            for (int v = 0; v < k; v++) {
                for (int i = 0; i < rows; i++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        double x = gv[gOff + (i * k + v) * d + j];
                        s += x * x;
                    }
                    norms[i] = (float) Math.sqrt(s);
                    if (Float.isNaN(norms[i])) throw new IllegalStateException("clipRowNorms: NaN norm at row " + i + ", value function " + v);
                }
                System.arraycopy(norms, 0, sorted, 0, rows);
                java.util.Arrays.sort(sorted);
                float q = linearQuantile(sorted, p);
                for (int i = 0; i < rows; i++) {
                    if (norms[i] > q) {
                        float f = q / norms[i];
                        for (int j = 0; j < d; j++) gv[gOff + (i * k + v) * d + j] *= f;
                    }
                }
            }
        });
    }

    /** numpy's linear quantile of sorted values, as {@code org.vaml4j.autodiff.Quantiles}. */
    private static float linearQuantile(float[] sorted, double p) {
        int n = sorted.length;
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        if (lo >= n - 1) return sorted[n - 1];
        double frac = pos - lo;
        return (float) (sorted[lo] + frac * ((double) sorted[lo + 1] - sorted[lo]));
    }

    @Override
    public void vagramLoss(int rows, int ds, int k, DeviceBuffer g, DeviceBuffer pred, DeviceBuffer y, DeviceBuffer std,
                           float lambda, float scale, float w, DeviceBuffer loss, DeviceBuffer dPred) {
        DeviceArgs.vagramLoss(rows, ds, k);
        int out = ds + 1;
        float[] gv = f(g, 0, (long) rows * k * ds, "vagramLoss g"), pv = f(pred, 0, (long) rows * out, "vagramLoss pred");
        float[] yv = f(y, 0, (long) rows * out, "vagramLoss y"), sv = f(std, 0, out, "vagramLoss std");
        float[] lv = f(loss, 0, (long) rows * out, "vagramLoss loss"), dv = f(dPred, 0, (long) rows * out, "vagramLoss dPred");
        launch(() -> {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    float c = 1f;
                    if (j < ds) {
                        double s = 0;
                        for (int v = 0; v < k; v++) {
                            double x = gv[(r * k + v) * ds + j];
                            s += x * x;
                        }
                        c = scale * ((float) (s / k) + lambda);
                    }
                    float e = sv[j] * (pv[r * out + j] - yv[r * out + j]);
                    lv[r * out + j] = c * e * e;
                    dv[r * out + j] = w * 2f * c * e * sv[j];
                }
            }
        });
    }

    @Override
    public void close() {
        for (DeviceBuffer b : live.keySet().toArray(new DeviceBuffer[0])) b.close();
    }

    // ---- helpers ----

    private void transfer(String what) {
        if (tape != null) throw new IllegalStateException(what + " is not allowed inside capture");
    }

    /** Runs a checked kernel now, or records it into the graph being captured. */
    private void launch(Runnable kernel) {
        if (tape != null) tape.add(kernel);
        else kernel.run();
    }

    private float[] f(DeviceBuffer b, int off, long n, String what) {
        b.check(this, DeviceBuffer.Kind.FLOAT, off, n, what);
        return (float[]) b.host;
    }

    private int[] i(DeviceBuffer b, int off, long n, String what) {
        b.check(this, DeviceBuffer.Kind.INT, off, n, what);
        return (int[]) b.host;
    }

    private long[] l(DeviceBuffer b, int off, long n, String what) {
        b.check(this, DeviceBuffer.Kind.LONG, off, n, what);
        return (long[]) b.host;
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + StrictMath.exp(-x)));
    }
}
