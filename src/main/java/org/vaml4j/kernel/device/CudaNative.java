package org.vaml4j.kernel.device;

/**
 * The JNI entry points of {@code native/} (libvaml4j_cuda.so). Pointers are device addresses
 * with the element offset already added; {@code stream} is the handle from {@link #createStream}.
 * Every function reports a CUDA failure by throwing {@link IllegalStateException} with the CUDA
 * error text. Only {@link CudaDevice} and {@link Cuda} call these; they validate first.
 */
final class CudaNative {

    private CudaNative() {}

    // ---- runtime (native/src/runtime.cu) ----

    /**
     * {@code [status, name, totalBytes, freeBytes, major, minor, driverVersion, runtimeVersion, smCount]};
     * status is "ok" or why CUDA is not usable (no driver, no device, ...). Never throws.
     */
    static native String[] probe();

    static native long createStream();

    static native void destroyStream(long stream);

    /** cudaMalloc + zero fill. */
    static native long malloc(long bytes);

    static native void free(long ptr);

    static native void uploadFloats(long stream, float[] src, int srcOff, long dst, int n);

    static native void uploadInts(long stream, int[] src, int srcOff, long dst, int n);

    static native void uploadLongs(long stream, long[] src, int srcOff, long dst, int n);

    static native void downloadFloats(long stream, long src, float[] dst, int dstOff, int n);

    static native void downloadInts(long stream, long src, int[] dst, int dstOff, int n);

    static native void downloadLongs(long stream, long src, long[] dst, int dstOff, int n);

    static native void copy(long stream, long src, long dst, long bytes);

    static native void synchronize(long stream);

    static native void beginCapture(long stream);

    /** Ends the capture and instantiates the graph; returns the executable graph's handle. */
    static native long endCapture(long stream);

    static native void replay(long stream, long graph);

    static native void destroyGraph(long graph);

    // ---- kernels (native/src/*.cu), semantics as the Device methods of the same name ----

    static native void fill(long stream, long x, int n, float value);

    static native void gemm(long stream, int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                            long a, long aStride, long b, long bStride, float beta, long c, long cStride);

    /** act: Activation ordinal; z 0 for none. */
    static native void dense(long stream, int batch, int m, int n, int k, long x, long xStride, long w, long bias, int act,
                             long z, long y);

    static native void activationBackward(long stream, int act, int n, long z, long y, long dy, long dz);

    static native void axpy(long stream, int n, float alpha, long x, long y);

    static native void exp(long stream, int n, long x, long y);

    static native void concatColumns(long stream, int rows, long a, int aCols, int aStride, long b, int bCols, int bStride,
                                     long out);

    static native void gatherRows(long stream, int rows, int width, long idx, long src, long dst);

    static native void columnSums(long stream, int batch, int rows, int cols, long x, long out, boolean accumulate);

    static native void sum(long stream, int n, long x, float scale, long out);

    static native void increment(long stream, long counter);

    /** decay 0 for none; step: address of the INT step count. */
    static native void adam(long stream, int n, long p, long g, long m, long v, long decay, float lr, float beta1, float beta2,
                            float eps, long step);

    static native void polyak(long stream, int n, float tau, long source, long target);

    /** state: address of the stream's key (its position follows). */
    static native void randomIndices(long stream, long state, int n, long bound, long out);

    static native void randomNormal(long stream, long state, int n, long out);

    static native void advance(long stream, long state, long draws);

    static native void copyToRing(long stream, int width, long src, long ring, int rows, long counter);

    static native void tanhGaussian(long stream, int rows, int a, long out, long eps, float logStdMin, float logStdMax,
                                    long action, long logProb);

    static native void tanhGaussianBackward(long stream, int rows, int a, long out, long eps, float logStdMin, float logStdMax,
                                            long action, long dAction, int dActionStride, long alpha, float logProbScale,
                                            long dOut);

    static native void criticTarget(long stream, int n, long q, long logProb, long reward, long notDone, long alpha,
                                    float gamma, long y);

    static native void criticLossGrad(long stream, int n, long q, long y, long dq, long sq);

    static native void minQ(long stream, int n, long q, float scale, long minQ, long dq);

    static native void sacTemperature(long stream, long s, float targetEntropy, boolean learn, long logAlpha, long m, long v,
                                      float lr, float beta1, float beta2, float eps, long step);

    static native void gatherMemberRows(long stream, int members, int b, int width, long order, int nTrain, long counter,
                                        long src, long dst);

    static native void gaussianNll(long stream, int rows, int out, long raw, long y, long maxLv, long minLv, float w,
                                   long loss, long dRaw);

    static native void memberMse(long stream, int members, int rows, int out, long pred, int predStride, long y, long scale,
                                 long mse);

    static native void clipRowNorms(long stream, int rows, int k, int d, double p, long g);

    static native void vagramLoss(long stream, int rows, int ds, int k, long g, long pred, long y, long std, float lambda,
                                  float scale, float w, long loss, long dPred);
}
