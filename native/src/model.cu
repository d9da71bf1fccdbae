// The dynamics ensemble's kernels (CudaNative.gatherMemberRows, gaussianNll, memberMse), in
// HostDevice's arithmetic (see kernels.cuh).
#include "common.cuh"
#include "kernels.cuh"

namespace vaml4j {
namespace {

// dst[(e b + i) width + j] = src[order[e nTrain + (c b + i) mod nTrain] width + j], c = counter[0].
// The batch position is reduced with floorMod so that a negative counter stays inside `order`
// (HostDevice: % of a non-negative count; it never is negative in a run).
__global__ void gatherMemberRowsKernel(int members, int b, int width, const int* order, int nTrain, const int* counter,
                                       const float* src, float* dst) {
    const long long q = element();
    if (q >= (long long) members * b * width) return;
    const int j = (int) (q % width);
    const long long t = q / width;
    const int i = (int) (t % b);
    const long long e = t / b;
    long long pos = ((long long) counter[0] * b + i) % nTrain;
    if (pos < 0) pos += nTrain;
    const long long row = order[e * nTrain + pos];
    dst[q] = src[row * width + j];
}

// Per element (r, j) of rows x out, HostDevice.gaussianNll's float/double mix.
__global__ void gaussianNllKernel(int rows, int out, const float* raw, const float* y, const float* maxLv, const float* minLv,
                                  float w, float* loss, float* dRaw) {
    const long long q = element();
    if (q >= (long long) rows * out) return;
    const long long r = q / out;
    const int j = (int) (q % out);
    const float mu = raw[r * 2 * out + j], x = raw[r * 2 * out + out + j];
    const float h = maxLv[j], l = minLv[j];
    const float l1 = __fsub_rn(h, (float) softplusD((double) __fsub_rn(h, x)));
    const float logVar = __fadd_rn(l, (float) softplusD((double) __fsub_rn(l1, l)));
    const float d = __fsub_rn(mu, y[q]);
    const float inv = (float) ::exp(-(double) logVar);
    const float d2inv = __fmul_rn(__fmul_rn(d, d), inv);
    loss[q] = __fadd_rn(d2inv, logVar);
    dRaw[r * 2 * out + j] = __fmul_rn(__fmul_rn(__fmul_rn(w, 2.0f), d), inv);
    dRaw[r * 2 * out + out + j] =
        __fmul_rn(__fmul_rn(__fmul_rn(w, __fsub_rn(1.0f, d2inv)), sigmoidD(__fsub_rn(l1, l))), sigmoidD(__fsub_rn(h, x)));
}

// One block per member: thread t sums the squared scaled errors of elements t, t + MSE_THREADS, ...
// of the member's rows x out in double, in order; then a fixed pairwise tree over the threads.
constexpr int MSE_THREADS = 256;

__global__ void __launch_bounds__(MSE_THREADS) memberMseKernel(int rows, int out, const float* pred, int predStride,
                                                               const float* y, const float* scale, float* mse) {
    __shared__ double part[MSE_THREADS];
    const int e = blockIdx.x, t = threadIdx.x;
    const long long total = (long long) rows * out;
    double s = 0.0;
    for (long long q = t; q < total; q += MSE_THREADS) {
        const long long r = q / out;
        const int j = (int) (q % out);
        const float diff = __fsub_rn(pred[((long long) e * rows + r) * predStride + j], y[q]);
        const double d = __dmul_rn((double) scale[j], (double) diff);
        s = __dadd_rn(s, __dmul_rn(d, d));
    }
    part[t] = s;
    __syncthreads();
    for (int w = MSE_THREADS / 2; w > 0; w >>= 1) {
        if (t < w) part[t] = __dadd_rn(part[t], part[t + w]);
        __syncthreads();
    }
    if (t == 0) mse[e] = (float) (part[0] / ((double) rows * out));
}

}  // namespace
}  // namespace vaml4j

using namespace vaml4j;

extern "C" {

VAML4J_JNI(gatherMemberRows)(JNIEnv* env, jclass, jlong s, jint members, jint b, jint width, jlong order, jint nTrain,
                             jlong counter, jlong src, jlong dst) {
    if (members <= 0 || b <= 0 || width <= 0 || nTrain <= 0) return;
    launch(gatherMemberRowsKernel, gridFor((long long) members * b * width), dim3(THREADS), stream(s), members, b, width,
           ptr<const int>(order), nTrain, ptr<const int>(counter), ptr<const float>(src), ptr<float>(dst));
    checkLaunch(env, "gatherMemberRows");
}

VAML4J_JNI(gaussianNll)(JNIEnv* env, jclass, jlong s, jint rows, jint out, jlong raw, jlong y, jlong maxLv, jlong minLv,
                        jfloat w, jlong loss, jlong dRaw) {
    if (rows <= 0 || out <= 0) return;
    launch(gaussianNllKernel, gridFor((long long) rows * out), dim3(THREADS), stream(s), rows, out, ptr<const float>(raw),
           ptr<const float>(y), ptr<const float>(maxLv), ptr<const float>(minLv), w, ptr<float>(loss), ptr<float>(dRaw));
    checkLaunch(env, "gaussianNll");
}

VAML4J_JNI(memberMse)(JNIEnv* env, jclass, jlong s, jint members, jint rows, jint out, jlong pred, jint predStride, jlong y,
                      jlong scale, jlong mse) {
    if (members <= 0) return;
    launch(memberMseKernel, dim3(members), dim3(MSE_THREADS), stream(s), rows < 0 ? 0 : (int) rows, out < 0 ? 0 : (int) out,
           ptr<const float>(pred), predStride, ptr<const float>(y), ptr<const float>(scale), ptr<float>(mse));
    checkLaunch(env, "memberMse");
}

}  // extern "C"
