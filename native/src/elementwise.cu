// Element-wise kernels, reductions and the optimizer (CudaNative.fill ... copyToRing): one thread
// per element unless stated, semantics and arithmetic order as HostDevice (see kernels.cuh).
#include "common.cuh"
#include "floatmath.cuh"
#include "kernels.cuh"

namespace vaml4j {
namespace {

__global__ void fillKernel(float* x, int n, float value) {
    const long long i = element();
    if (i < n) x[i] = value;
}

// dz may alias dy (same element).
__global__ void activationBackwardKernel(int act, int n, const float* z, const float* y, const float* dy, float* dz) {
    const long long i = element();
    if (i < n) dz[i] = __fmul_rn(dy[i], fm::derivative(act, z[i], y[i]));
}

__global__ void axpyKernel(int n, float alpha, const float* x, float* y) {
    const long long i = element();
    if (i < n) y[i] = __fadd_rn(y[i], __fmul_rn(alpha, x[i]));
}

// (float) StrictMath.exp(x): the double exp, rounded once.
__global__ void expKernel(int n, const float* x, float* y) {
    const long long i = element();
    if (i < n) y[i] = (float) ::exp((double) x[i]);
}

__global__ void concatColumnsKernel(int rows, const float* a, int aCols, int aStride, const float* b, int bCols,
                                    int bStride, float* out) {
    const long long i = element();
    const int w = aCols + bCols;
    if (i >= (long long) rows * w) return;
    const long long r = i / w;
    const int j = (int) (i % w);
    out[i] = j < aCols ? a[r * aStride + j] : b[r * bStride + (j - aCols)];
}

__global__ void gatherRowsKernel(int rows, int width, const int* idx, const float* src, float* dst) {
    const long long i = element();
    if (i >= (long long) rows * width) return;
    const long long r = i / width;
    const int j = (int) (i % width);
    dst[i] = src[(long long) idx[r] * width + j];
}

// One thread per (member, column), summing the rows in order in float: the same chain of adds
// as ScalarKernels.columnSums (HostDevice's default backend), hence its bits.
__global__ void columnSumsKernel(int batch, int rows, int cols, const float* x, float* out, bool accumulate) {
    const long long t = element();
    if (t >= (long long) batch * cols) return;
    const long long e = t / cols;
    const int j = (int) (t % cols);
    const float* p = x + e * rows * cols + j;
    float s = 0.0f;
#pragma unroll 8
    for (int r = 0; r < rows; ++r) s = __fadd_rn(s, p[(long long) r * cols]);
    out[t] = accumulate ? __fadd_rn(out[t], s) : s;
}

// One block of SUM_THREADS: thread t sums x[t], x[t + SUM_THREADS], ... in double, in order; then a
// fixed pairwise tree over the threads' sums. Deterministic for every n.
constexpr int SUM_THREADS = 1024;

__global__ void __launch_bounds__(SUM_THREADS) sumKernel(int n, const float* x, float scale, float* out) {
    __shared__ double part[SUM_THREADS];
    const int t = threadIdx.x;
    double s = 0.0;
#pragma unroll 4
    for (long long i = t; i < n; i += SUM_THREADS) s = __dadd_rn(s, (double) x[i]);   // long: no overflow near 2^31
    part[t] = s;
    __syncthreads();
    for (int w = SUM_THREADS / 2; w > 0; w >>= 1) {
        if (t < w) part[t] = __dadd_rn(part[t], part[t + w]);
        __syncthreads();
    }
    if (t == 0) out[0] = (float) __dmul_rn((double) scale, part[0]);
}

__global__ void incrementKernel(int* counter) {
    if (threadIdx.x == 0 && blockIdx.x == 0) counter[0] += 1;
}

// HostDevice.adam; t is read on the device (each thread recomputes the two corrections).
__global__ void adamKernel(int n, float* p, const float* g, float* m, float* v, const float* decay, float lr, float beta1,
                           float beta2, float eps, const int* step) {
    const long long i = element();
    if (i >= n) return;
    const AdamScale sc = adamScale(lr, beta1, beta2, step[0]);
    float pi = p[i], mi = m[i], vi = v[i];
    adamUpdate(pi, g[i], mi, vi, decay == nullptr ? 0.0f : decay[i], beta1, beta2, eps, sc);
    m[i] = mi;
    v[i] = vi;
    p[i] = pi;
}

__global__ void polyakKernel(int n, float tau, const float* source, float* target) {
    const long long i = element();
    if (i >= n) return;
    const float keep = __fsub_rn(1.0f, tau);
    target[i] = __fadd_rn(__fmul_rn(keep, target[i]), __fmul_rn(tau, source[i]));
}

// Row floorMod(counter - 1, rows) of the ring.
__global__ void copyToRingKernel(int width, const float* src, float* ring, int rows, const int* counter) {
    const long long j = element();
    if (j >= width) return;
    long long row = ((long long) counter[0] - 1) % rows;
    if (row < 0) row += rows;
    ring[row * width + j] = src[j];
}

}  // namespace
}  // namespace vaml4j

using namespace vaml4j;

extern "C" {

VAML4J_JNI(fill)(JNIEnv* env, jclass, jlong s, jlong x, jint n, jfloat value) {
    if (n <= 0) return;
    launch(fillKernel, gridFor(n), dim3(THREADS), stream(s), ptr<float>(x), n, value);
    checkLaunch(env, "fill");
}

VAML4J_JNI(activationBackward)(JNIEnv* env, jclass, jlong s, jint act, jint n, jlong z, jlong y, jlong dy, jlong dz) {
    if (n <= 0) return;
    launch(activationBackwardKernel, gridFor(n), dim3(THREADS), stream(s), (int) act, n, ptr<const float>(z),
           ptr<const float>(y), ptr<const float>(dy), ptr<float>(dz));
    checkLaunch(env, "activationBackward");
}

VAML4J_JNI(axpy)(JNIEnv* env, jclass, jlong s, jint n, jfloat alpha, jlong x, jlong y) {
    if (n <= 0) return;
    launch(axpyKernel, gridFor(n), dim3(THREADS), stream(s), n, alpha, ptr<const float>(x), ptr<float>(y));
    checkLaunch(env, "axpy");
}

VAML4J_JNI(exp)(JNIEnv* env, jclass, jlong s, jint n, jlong x, jlong y) {
    if (n <= 0) return;
    launch(expKernel, gridFor(n), dim3(THREADS), stream(s), n, ptr<const float>(x), ptr<float>(y));
    checkLaunch(env, "exp");
}

VAML4J_JNI(concatColumns)(JNIEnv* env, jclass, jlong s, jint rows, jlong a, jint aCols, jint aStride, jlong b, jint bCols,
                          jint bStride, jlong out) {
    const long long total = (long long) rows * (aCols + bCols);
    if (rows <= 0 || total <= 0) return;
    launch(concatColumnsKernel, gridFor(total), dim3(THREADS), stream(s), rows, ptr<const float>(a), aCols, aStride,
           ptr<const float>(b), bCols, bStride, ptr<float>(out));
    checkLaunch(env, "concatColumns");
}

VAML4J_JNI(gatherRows)(JNIEnv* env, jclass, jlong s, jint rows, jint width, jlong idx, jlong src, jlong dst) {
    if (rows <= 0 || width <= 0) return;
    launch(gatherRowsKernel, gridFor((long long) rows * width), dim3(THREADS), stream(s), rows, width, ptr<const int>(idx),
           ptr<const float>(src), ptr<float>(dst));
    checkLaunch(env, "gatherRows");
}

VAML4J_JNI(columnSums)(JNIEnv* env, jclass, jlong s, jint batch, jint rows, jint cols, jlong x, jlong out,
                       jboolean accumulate) {
    if (batch <= 0 || cols <= 0) return;
    launch(columnSumsKernel, gridFor((long long) batch * cols), dim3(THREADS), stream(s), batch, rows, cols,
           ptr<const float>(x), ptr<float>(out), accumulate != JNI_FALSE);
    checkLaunch(env, "columnSums");
}

VAML4J_JNI(sum)(JNIEnv* env, jclass, jlong s, jint n, jlong x, jfloat scale, jlong out) {
    launch(sumKernel, dim3(1), dim3(SUM_THREADS), stream(s), n < 0 ? 0 : (int) n, ptr<const float>(x), scale,
           ptr<float>(out));
    checkLaunch(env, "sum");
}

VAML4J_JNI(increment)(JNIEnv* env, jclass, jlong s, jlong counter) {
    launch(incrementKernel, dim3(1), dim3(1), stream(s), ptr<int>(counter));
    checkLaunch(env, "increment");
}

VAML4J_JNI(adam)(JNIEnv* env, jclass, jlong s, jint n, jlong p, jlong g, jlong m, jlong v, jlong decay, jfloat lr,
                 jfloat beta1, jfloat beta2, jfloat eps, jlong step) {
    if (n <= 0) return;
    launch(adamKernel, gridFor(n), dim3(THREADS), stream(s), n, ptr<float>(p), ptr<const float>(g), ptr<float>(m),
           ptr<float>(v), ptr<const float>(decay), lr, beta1, beta2, eps, ptr<const int>(step));
    checkLaunch(env, "adam");
}

VAML4J_JNI(polyak)(JNIEnv* env, jclass, jlong s, jint n, jfloat tau, jlong source, jlong target) {
    if (n <= 0) return;
    launch(polyakKernel, gridFor(n), dim3(THREADS), stream(s), n, tau, ptr<const float>(source), ptr<float>(target));
    checkLaunch(env, "polyak");
}

VAML4J_JNI(copyToRing)(JNIEnv* env, jclass, jlong s, jint width, jlong src, jlong ring, jint rows, jlong counter) {
    if (width <= 0 || rows <= 0) return;
    launch(copyToRingKernel, gridFor(width), dim3(THREADS), stream(s), width, ptr<const float>(src), ptr<float>(ring), rows,
           ptr<const int>(counter));
    checkLaunch(env, "copyToRing");
}

}  // extern "C"
