package org.vaml4j.kernel.device;

import java.util.IdentityHashMap;
import java.util.Map;
import org.vaml4j.kernel.Activation;

/**
 * {@link Device} on an NVIDIA GPU through {@code native/} (JNI, hand-written CUDA kernels, no
 * cuBLAS). Every call is validated here (buffer kinds, bounds, ownership) before it reaches
 * native code, so a wrong call is an exception, never a crash. Kernels run in order on one
 * stream; {@link #capture} records them into a CUDA graph.
 *
 * <p>Obtain one with {@link Cuda#open()}, which says why when CUDA is not usable.
 */
public final class CudaDevice implements Device {

    private final String name;
    private final long stream;
    private final Map<DeviceBuffer, Boolean> live = new IdentityHashMap<>();
    private final Map<Graph, Boolean> graphs = new IdentityHashMap<>();
    private boolean capturing;
    private boolean closed;

    CudaDevice(String name) {
        this.name = name;
        this.stream = CudaNative.createStream();
    }

    @Override public String name() { return name; }

    // ---- memory ----

    @Override
    public DeviceBuffer allocate(DeviceBuffer.Kind kind, int length) {
        open();
        if (length < 0) throw new IllegalArgumentException("allocate: negative length " + length);
        if (capturing) throw new IllegalStateException("allocate is not allowed inside capture");
        long ptr = CudaNative.malloc(Math.max(1L, (long) length * kind.bytes));
        DeviceBuffer b = new DeviceBuffer(this, kind, length, null, ptr);
        live.put(b, Boolean.TRUE);
        return b;
    }

    @Override
    public void release(DeviceBuffer b) {
        if (live.remove(b) != null) CudaNative.free(b.address);
    }

    @Override
    public void upload(float[] src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        transfer("upload", src.length, srcOff, n);
        CudaNative.uploadFloats(stream, src, srcOff, p(dst, DeviceBuffer.Kind.FLOAT, dstOff, n, "upload"), n);
    }

    @Override
    public void upload(int[] src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        transfer("upload", src.length, srcOff, n);
        CudaNative.uploadInts(stream, src, srcOff, p(dst, DeviceBuffer.Kind.INT, dstOff, n, "upload"), n);
    }

    @Override
    public void upload(long[] src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        transfer("upload", src.length, srcOff, n);
        CudaNative.uploadLongs(stream, src, srcOff, p(dst, DeviceBuffer.Kind.LONG, dstOff, n, "upload"), n);
    }

    @Override
    public void download(DeviceBuffer src, int srcOff, float[] dst, int dstOff, int n) {
        transfer("download", dst.length, dstOff, n);
        CudaNative.downloadFloats(stream, p(src, DeviceBuffer.Kind.FLOAT, srcOff, n, "download"), dst, dstOff, n);
    }

    @Override
    public void download(DeviceBuffer src, int srcOff, int[] dst, int dstOff, int n) {
        transfer("download", dst.length, dstOff, n);
        CudaNative.downloadInts(stream, p(src, DeviceBuffer.Kind.INT, srcOff, n, "download"), dst, dstOff, n);
    }

    @Override
    public void download(DeviceBuffer src, int srcOff, long[] dst, int dstOff, int n) {
        transfer("download", dst.length, dstOff, n);
        CudaNative.downloadLongs(stream, p(src, DeviceBuffer.Kind.LONG, srcOff, n, "download"), dst, dstOff, n);
    }

    @Override
    public void copy(DeviceBuffer src, int srcOff, DeviceBuffer dst, int dstOff, int n) {
        long s = p(src, src.kind(), srcOff, n, "copy"), d = p(dst, src.kind(), dstOff, n, "copy");
        if (n > 0) CudaNative.copy(stream, s, d, (long) n * src.kind().bytes);
    }

    @Override
    public void fill(DeviceBuffer x, int off, int n, float value) {
        long a = pf(x, off, n, "fill");
        if (n > 0) CudaNative.fill(stream, a, n, value);
    }

    @Override
    public void synchronize() {
        open();
        if (capturing) throw new IllegalStateException("synchronize is not allowed inside capture");
        CudaNative.synchronize(stream);
    }

    @Override
    public Graph capture(Runnable launches) {
        open();
        if (capturing) throw new IllegalStateException("capture: already capturing");
        capturing = true;
        CudaNative.beginCapture(stream);
        long exec;
        try {
            launches.run();
        } catch (RuntimeException | Error e) {
            capturing = false;
            try {
                CudaNative.destroyGraph(CudaNative.endCapture(stream));
            } catch (RuntimeException ignored) {
                // the capture is already broken; the original failure is what matters
            }
            throw e;
        }
        capturing = false;
        exec = CudaNative.endCapture(stream);
        Graph g = new Graph() {
            private boolean gone;

            @Override
            public void replay() {
                if (gone) throw new IllegalStateException("graph: already closed");
                if (capturing) throw new IllegalStateException("graph: replay inside capture");
                CudaNative.replay(stream, exec);
            }

            @Override
            public void close() {
                if (gone) return;
                gone = true;
                graphs.remove(this);
                CudaNative.destroyGraph(exec);
            }
        };
        graphs.put(g, Boolean.TRUE);
        return g;
    }

    // ---- products ----

    @Override
    public void gemm(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                     DeviceBuffer a, int aOff, int aStride, DeviceBuffer b, int bOff, int bStride,
                     float beta, DeviceBuffer c, int cOff, int cStride) {
        if (!DeviceArgs.gemm(batch, m, n, k, a, aOff, aStride, b, bOff, bStride, c, cOff, cStride)) return;
        long pa = pf(a, aOff, (long) (batch - 1) * aStride + (long) m * k, "gemm A");
        long pb = pf(b, bOff, (long) (batch - 1) * bStride + (long) k * n, "gemm B");
        long pc = pf(c, cOff, (long) (batch - 1) * cStride + (long) m * n, "gemm C");
        CudaNative.gemm(stream, batch, transA, transB, m, n, k, alpha, pa, aStride, pb, bStride, beta, pc, cStride);
    }

    @Override
    public void dense(int batch, int m, int n, int k, DeviceBuffer x, int xOff, int xStride, DeviceBuffer w, int wOff,
                      DeviceBuffer bias, int biasOff, Activation act, DeviceBuffer z, int zOff, DeviceBuffer y, int yOff) {
        if (!DeviceArgs.dense(batch, m, n, k, x, xStride, w, act, z, y)) return;
        long px = pf(x, xOff, (long) (batch - 1) * xStride + (long) m * k, "dense x");
        long pw = pf(w, wOff, (long) batch * k * n, "dense W");
        long pb = pf(bias, biasOff, (long) batch * n, "dense bias");
        long py = pf(y, yOff, (long) batch * m * n, "dense y");
        long pz = z == null ? 0 : pf(z, zOff, (long) batch * m * n, "dense z");
        CudaNative.dense(stream, batch, m, n, k, px, xStride, pw, pb, act.ordinal(), pz, py);
    }

    // ---- elementwise ----

    @Override
    public void activationBackward(Activation act, int n, DeviceBuffer z, int zOff, DeviceBuffer y, int yOff,
                                   DeviceBuffer dy, int dyOff, DeviceBuffer dz, int dzOff) {
        long a = pf(z, zOff, n, "activationBackward z"), b = pf(y, yOff, n, "activationBackward y");
        long c = pf(dy, dyOff, n, "activationBackward dy"), d = pf(dz, dzOff, n, "activationBackward dz");
        if (n > 0) CudaNative.activationBackward(stream, act.ordinal(), n, a, b, c, d);
    }

    @Override
    public void axpy(int n, float alpha, DeviceBuffer x, int xOff, DeviceBuffer y, int yOff) {
        long a = pf(x, xOff, n, "axpy x"), b = pf(y, yOff, n, "axpy y");
        if (n > 0) CudaNative.axpy(stream, n, alpha, a, b);
    }

    @Override
    public void exp(int n, DeviceBuffer x, int xOff, DeviceBuffer y, int yOff) {
        long a = pf(x, xOff, n, "exp x"), b = pf(y, yOff, n, "exp y");
        if (n > 0) CudaNative.exp(stream, n, a, b);
    }

    @Override
    public void concatColumns(int rows, DeviceBuffer a, int aOff, int aCols, int aStride,
                              DeviceBuffer b, int bOff, int bCols, int bStride, DeviceBuffer out, int outOff) {
        if (rows < 0 || aCols < 0 || bCols < 0 || aStride < aCols || bStride < bCols) {
            throw new IllegalArgumentException("concatColumns: bad sizes or strides");
        }
        if (rows == 0) return;
        long pa = pf(a, aOff, (long) (rows - 1) * aStride + aCols, "concat a");
        long pb = pf(b, bOff, (long) (rows - 1) * bStride + bCols, "concat b");
        long po = pf(out, outOff, (long) rows * (aCols + bCols), "concat out");
        CudaNative.concatColumns(stream, rows, pa, aCols, aStride, pb, bCols, bStride, po);
    }

    @Override
    public void gatherRows(int rows, int width, DeviceBuffer idx, int idxOff, DeviceBuffer src, int srcOff,
                           DeviceBuffer dst, int dstOff) {
        long pi = p(idx, DeviceBuffer.Kind.INT, idxOff, rows, "gather idx");
        long ps = pf(src, srcOff, 0, "gather src");
        long pd = pf(dst, dstOff, (long) rows * width, "gather dst");
        if (rows > 0 && width > 0) CudaNative.gatherRows(stream, rows, width, pi, ps, pd);
    }

    // ---- reductions ----

    @Override
    public void columnSums(int batch, int rows, int cols, DeviceBuffer x, int xOff, DeviceBuffer out, int outOff,
                           boolean accumulate) {
        long px = pf(x, xOff, (long) batch * rows * cols, "columnSums x"), po = pf(out, outOff, (long) batch * cols, "columnSums out");
        if (batch > 0 && cols > 0) CudaNative.columnSums(stream, batch, rows, cols, px, po, accumulate);
    }

    @Override
    public void sum(int n, DeviceBuffer x, int xOff, float scale, DeviceBuffer out, int outOff) {
        long px = pf(x, xOff, n, "sum x"), po = pf(out, outOff, 1, "sum out");
        CudaNative.sum(stream, n, px, scale, po);
    }

    // ---- optimizer ----

    @Override
    public void increment(DeviceBuffer counters, int index) {
        CudaNative.increment(stream, p(counters, DeviceBuffer.Kind.INT, index, 1, "increment"));
    }

    @Override
    public void adam(int n, DeviceBuffer p, int pOff, DeviceBuffer grad, int gOff, DeviceBuffer m, DeviceBuffer v, int mvOff,
                     DeviceBuffer decay, float lr, float beta1, float beta2, float eps, DeviceBuffer steps, int stepIndex) {
        long pp = pf(p, pOff, n, "adam p"), pg = pf(grad, gOff, n, "adam grad");
        long pm = pf(m, mvOff, n, "adam m"), pv = pf(v, mvOff, n, "adam v");
        long pd = decay == null ? 0 : pf(decay, pOff, n, "adam decay");
        long ps = p(steps, DeviceBuffer.Kind.INT, stepIndex, 1, "adam steps");
        if (n > 0) CudaNative.adam(stream, n, pp, pg, pm, pv, pd, lr, beta1, beta2, eps, ps);
    }

    @Override
    public void polyak(int n, float tau, DeviceBuffer source, int sOff, DeviceBuffer target, int tOff) {
        long s = pf(source, sOff, n, "polyak source"), t = pf(target, tOff, n, "polyak target");
        if (n > 0) CudaNative.polyak(stream, n, tau, s, t);
    }

    // ---- random streams ----

    @Override
    public void randomIndices(DeviceBuffer state, int stream, int n, DeviceBuffer bounds, int boundIndex,
                              DeviceBuffer out, int outOff) {
        long ps = p(state, DeviceBuffer.Kind.LONG, 2 * stream, 2, "randomIndices state");
        long pb = p(bounds, DeviceBuffer.Kind.INT, boundIndex, 1, "randomIndices bound");
        long po = p(out, DeviceBuffer.Kind.INT, outOff, n, "randomIndices out");
        if (n > 0) CudaNative.randomIndices(this.stream, ps, n, pb, po);
    }

    @Override
    public void randomNormal(DeviceBuffer state, int stream, int n, DeviceBuffer out, int outOff) {
        long ps = p(state, DeviceBuffer.Kind.LONG, 2 * stream, 2, "randomNormal state");
        long po = pf(out, outOff, n, "randomNormal out");
        if (n > 0) CudaNative.randomNormal(this.stream, ps, n, po);
    }

    @Override
    public void advance(DeviceBuffer state, int stream, long draws) {
        CudaNative.advance(this.stream, p(state, DeviceBuffer.Kind.LONG, 2 * stream, 2, "advance"), draws);
    }

    @Override
    public void copyToRing(int width, DeviceBuffer src, int srcOff, DeviceBuffer ring, int rows, DeviceBuffer counters, int index) {
        if (rows < 1) throw new IllegalArgumentException("copyToRing: rows must be >= 1");
        long ps = pf(src, srcOff, width, "copyToRing src"), pr = pf(ring, 0, (long) rows * width, "copyToRing ring");
        long pc = p(counters, DeviceBuffer.Kind.INT, index, 1, "copyToRing counters");
        CudaNative.copyToRing(stream, width, ps, pr, rows, pc);
    }

    // ---- SAC ----

    @Override
    public void tanhGaussian(int rows, int a, DeviceBuffer out, int outOff, DeviceBuffer eps, int epsOff, float logStdMin,
                             float logStdMax, DeviceBuffer action, int actionOff, DeviceBuffer logProb, int logProbOff) {
        long po = pf(out, outOff, (long) rows * 2 * a, "tanhGaussian out"), pe = pf(eps, epsOff, (long) rows * a, "tanhGaussian eps");
        long pa = pf(action, actionOff, (long) rows * a, "tanhGaussian action");
        long pl = pf(logProb, logProbOff, rows, "tanhGaussian logProb");
        if (rows > 0) CudaNative.tanhGaussian(stream, rows, a, po, pe, logStdMin, logStdMax, pa, pl);
    }

    @Override
    public void tanhGaussianBackward(int rows, int a, DeviceBuffer out, int outOff, DeviceBuffer eps, int epsOff,
                                     float logStdMin, float logStdMax, DeviceBuffer action, int actionOff,
                                     DeviceBuffer dAction, int dActionOff, int dActionStride,
                                     DeviceBuffer alpha, int alphaIndex, float logProbScale, DeviceBuffer dOut, int dOutOff) {
        if (rows < 1) return;
        long po = pf(out, outOff, (long) rows * 2 * a, "tanhGaussianBackward out");
        long pe = pf(eps, epsOff, (long) rows * a, "tanhGaussianBackward eps");
        long pa = pf(action, actionOff, (long) rows * a, "tanhGaussianBackward action");
        long pda = pf(dAction, dActionOff, (long) (rows - 1) * dActionStride + a, "tanhGaussianBackward dAction");
        long pal = pf(alpha, alphaIndex, 1, "tanhGaussianBackward alpha");
        long pd = pf(dOut, dOutOff, (long) rows * 2 * a, "tanhGaussianBackward dOut");
        CudaNative.tanhGaussianBackward(stream, rows, a, po, pe, logStdMin, logStdMax, pa, pda, dActionStride, pal, logProbScale, pd);
    }

    @Override
    public void criticTarget(int n, DeviceBuffer q, int qOff, DeviceBuffer logProb, int lpOff, DeviceBuffer reward, int rOff,
                             DeviceBuffer notDone, int ndOff, DeviceBuffer alpha, int alphaIndex, float gamma,
                             DeviceBuffer y, int yOff) {
        long pq = pf(q, qOff, 2L * n, "criticTarget q"), pl = pf(logProb, lpOff, n, "criticTarget logProb");
        long pr = pf(reward, rOff, n, "criticTarget reward"), pn = pf(notDone, ndOff, n, "criticTarget notDone");
        long pa = pf(alpha, alphaIndex, 1, "criticTarget alpha"), py = pf(y, yOff, n, "criticTarget y");
        if (n > 0) CudaNative.criticTarget(stream, n, pq, pl, pr, pn, pa, gamma, py);
    }

    @Override
    public void criticLossGrad(int n, DeviceBuffer q, int qOff, DeviceBuffer y, int yOff, DeviceBuffer dq, int dqOff,
                               DeviceBuffer sq, int sqOff) {
        long pq = pf(q, qOff, 2L * n, "criticLossGrad q"), py = pf(y, yOff, n, "criticLossGrad y");
        long pd = pf(dq, dqOff, 2L * n, "criticLossGrad dq"), ps = pf(sq, sqOff, 2L * n, "criticLossGrad sq");
        if (n > 0) CudaNative.criticLossGrad(stream, n, pq, py, pd, ps);
    }

    @Override
    public void minQ(int n, DeviceBuffer q, int qOff, float scale, DeviceBuffer minQ, int mOff, DeviceBuffer dq, int dqOff) {
        long pq = pf(q, qOff, 2L * n, "minQ q"), pm = pf(minQ, mOff, n, "minQ out"), pd = pf(dq, dqOff, 2L * n, "minQ dq");
        if (n > 0) CudaNative.minQ(stream, n, pq, scale, pm, pd);
    }

    @Override
    public void sacTemperature(DeviceBuffer s, int sOff, float targetEntropy, boolean learn, DeviceBuffer logAlpha,
                               DeviceBuffer m, DeviceBuffer v, float lr, float beta1, float beta2, float eps,
                               DeviceBuffer steps, int stepIndex) {
        long ps = pf(s, sOff, SAC_SCALARS, "sacTemperature scalars"), pl = pf(logAlpha, 0, 1, "sacTemperature logAlpha");
        long pm = pf(m, 0, 1, "sacTemperature m"), pv = pf(v, 0, 1, "sacTemperature v");
        long pt = p(steps, DeviceBuffer.Kind.INT, stepIndex, 1, "sacTemperature steps");
        CudaNative.sacTemperature(stream, ps, targetEntropy, learn, pl, pm, pv, lr, beta1, beta2, eps, pt);
    }

    // ---- dynamics ensemble ----

    @Override
    public void gatherMemberRows(int members, int b, int width, DeviceBuffer order, int nTrain, DeviceBuffer counters, int index,
                                 DeviceBuffer src, DeviceBuffer dst) {
        if (nTrain < 1) throw new IllegalArgumentException("gatherMemberRows: nTrain must be >= 1");
        long po = p(order, DeviceBuffer.Kind.INT, 0, (long) members * nTrain, "gatherMemberRows order");
        long pc = p(counters, DeviceBuffer.Kind.INT, index, 1, "gatherMemberRows counters");
        long ps = pf(src, 0, 0, "gatherMemberRows src"), pd = pf(dst, 0, (long) members * b * width, "gatherMemberRows dst");
        if (members > 0 && b > 0 && width > 0) CudaNative.gatherMemberRows(stream, members, b, width, po, nTrain, pc, ps, pd);
    }

    @Override
    public void gaussianNll(int rows, int out, DeviceBuffer raw, DeviceBuffer y, DeviceBuffer bounds, int maxOff, int minOff,
                            float w, DeviceBuffer loss, DeviceBuffer dRaw) {
        long pr = pf(raw, 0, (long) rows * 2 * out, "gaussianNll raw"), py = pf(y, 0, (long) rows * out, "gaussianNll y");
        long ph = pf(bounds, maxOff, out, "gaussianNll max"), pl = pf(bounds, minOff, out, "gaussianNll min");
        long pL = pf(loss, 0, (long) rows * out, "gaussianNll loss"), pd = pf(dRaw, 0, (long) rows * 2 * out, "gaussianNll dRaw");
        if (rows > 0 && out > 0) CudaNative.gaussianNll(stream, rows, out, pr, py, ph, pl, w, pL, pd);
    }

    @Override
    public void memberMse(int members, int rows, int out, DeviceBuffer pred, int predStride, DeviceBuffer y, DeviceBuffer scale,
                          DeviceBuffer mse) {
        if (predStride < out) throw new IllegalArgumentException("memberMse: predStride " + predStride + " < out " + out);
        long pp = pf(pred, 0, (long) members * rows * predStride, "memberMse pred"), py = pf(y, 0, (long) rows * out, "memberMse y");
        long ps = pf(scale, 0, out, "memberMse scale"), pm = pf(mse, 0, members, "memberMse out");
        if (members > 0) CudaNative.memberMse(stream, members, rows, out, pp, predStride, py, ps, pm);
    }

    @Override
    public void clipRowNorms(int rows, int k, int d, double p, DeviceBuffer g, int gOff) {
        DeviceArgs.clipRowNorms(rows, k, d, p);
        long pg = pf(g, gOff, (long) rows * k * d, "clipRowNorms g");
        CudaNative.clipRowNorms(stream, rows, k, d, p, pg);
    }

    @Override
    public void vagramLoss(int rows, int ds, int k, DeviceBuffer g, DeviceBuffer pred, DeviceBuffer y, DeviceBuffer std,
                           float lambda, float scale, float w, DeviceBuffer loss, DeviceBuffer dPred) {
        DeviceArgs.vagramLoss(rows, ds, k);
        int out = ds + 1;
        long pg = pf(g, 0, (long) rows * k * ds, "vagramLoss g"), pp = pf(pred, 0, (long) rows * out, "vagramLoss pred");
        long py = pf(y, 0, (long) rows * out, "vagramLoss y"), ps = pf(std, 0, out, "vagramLoss std");
        long pl = pf(loss, 0, (long) rows * out, "vagramLoss loss"), pd = pf(dPred, 0, (long) rows * out, "vagramLoss dPred");
        if (rows > 0) CudaNative.vagramLoss(stream, rows, ds, k, pg, pp, py, ps, lambda, scale, w, pl, pd);
    }

    @Override
    public void close() {
        if (closed) return;
        for (Graph g : graphs.keySet().toArray(new Graph[0])) g.close();
        for (DeviceBuffer b : live.keySet().toArray(new DeviceBuffer[0])) b.close();
        CudaNative.destroyStream(stream);
        closed = true;
    }

    // ---- helpers ----

    private void open() {
        if (closed) throw new IllegalStateException("cuda device already closed");
    }

    private void transfer(String what, int arrayLength, int off, int n) {
        open();
        if (capturing) throw new IllegalStateException(what + " is not allowed inside capture");
        if (off < 0 || n < 0 || (long) off + n > arrayLength) {
            throw new IllegalArgumentException(what + ": host range [" + off + ", " + ((long) off + n) + ") outside an array of " + arrayLength);
        }
    }

    private long pf(DeviceBuffer b, int off, long n, String what) {
        return p(b, DeviceBuffer.Kind.FLOAT, off, n, what);
    }

    private long p(DeviceBuffer b, DeviceBuffer.Kind kind, int off, long n, String what) {
        open();
        b.check(this, kind, off, n, what);
        return b.address + (long) off * kind.bytes;
    }
}
