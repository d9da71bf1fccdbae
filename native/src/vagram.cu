// VaGraM's kernels (CudaNative.clipRowNorms, vagramLoss), in HostDevice's arithmetic (see kernels.cuh).
#include "common.cuh"
#include "kernels.cuh"

namespace vaml4j {
namespace {

// Device.MAX_CLIP_ROWS: one value function's norms, sorted in one block's shared memory (32 KiB).
constexpr int CLIP_ROWS = 8192;
constexpr int CLIP_THREADS = 1024;

// (float) sqrt(sum_j (double) g_j^2) of row i, value function v of g (rows x k x d), j in order.
__device__ __forceinline__ float rowNorm(const float* g, int i, int k, int v, int d) {
    const float* row = g + ((long long) i * k + v) * d;
    double s = 0.0;
    for (int j = 0; j < d; j++) {
        const double x = (double) row[j];
        s = __dadd_rn(s, __dmul_rn(x, x));
    }
    return (float) __dsqrt_rn(s);
}

// One block per value function v: the norms into shared memory (padded with +inf to a power of
// two), a bitonic sort, thread 0's linear quantile (Quantiles.of's double expression), then
// every row above it scaled by q / n (its norm recomputed, the same bits).
__global__ void __launch_bounds__(CLIP_THREADS) clipRowNormsKernel(int rows, int k, int d, double p, float* g) {
    __shared__ float s[CLIP_ROWS];
    __shared__ float quantile;
    const int v = blockIdx.x, t = threadIdx.x;
    int n = 1;
    while (n < rows) n <<= 1;
    for (int i = t; i < n; i += CLIP_THREADS) s[i] = i < rows ? rowNorm(g, i, k, v, d) : __int_as_float(0x7f800000);
    __syncthreads();
    for (int size = 2; size <= n; size <<= 1) {
        for (int stride = size >> 1; stride > 0; stride >>= 1) {
            for (int i = t; i < n; i += CLIP_THREADS) {
                const int j = i ^ stride;
                if (j > i) {
                    const bool up = (i & size) == 0;
                    const float a = s[i], b = s[j];
                    if ((a > b) == up) {
                        s[i] = b;
                        s[j] = a;
                    }
                }
            }
            __syncthreads();
        }
    }
    if (t == 0) {
        const double pos = __dmul_rn(p, (double) (rows - 1));
        const int lo = (int) ::floor(pos);
        if (lo >= rows - 1) {
            quantile = s[rows - 1];
        } else {
            const double frac = __dsub_rn(pos, (double) lo);
            quantile = (float) __dadd_rn((double) s[lo], __dmul_rn(frac, __dsub_rn((double) s[lo + 1], (double) s[lo])));
        }
    }
    __syncthreads();
    const float q = quantile;
    for (int i = t; i < rows; i += CLIP_THREADS) {
        const float norm = rowNorm(g, i, k, v, d);
        if (norm > q) {
            const float f = __fdiv_rn(q, norm);
            float* row = g + ((long long) i * k + v) * d;
            for (int j = 0; j < d; j++) row[j] = __fmul_rn(row[j], f);
        }
    }
}

// Per element (r, j) of rows x (ds + 1), HostDevice.vagramLoss's float/double mix.
__global__ void vagramLossKernel(int rows, int ds, int k, const float* g, const float* pred, const float* y, const float* std,
                                 float lambda, float scale, float w, float* loss, float* dPred) {
    const int out = ds + 1;
    const long long q = element();
    if (q >= (long long) rows * out) return;
    const long long r = q / out;
    const int j = (int) (q % out);
    float c = 1.0f;
    if (j < ds) {
        double s = 0.0;
        for (int v = 0; v < k; v++) {
            const double x = (double) g[(r * k + v) * ds + j];
            s = __dadd_rn(s, __dmul_rn(x, x));
        }
        c = __fmul_rn(scale, __fadd_rn((float) __ddiv_rn(s, (double) k), lambda));
    }
    const float e = __fmul_rn(std[j], __fsub_rn(pred[q], y[q]));
    loss[q] = __fmul_rn(__fmul_rn(c, e), e);
    dPred[q] = __fmul_rn(__fmul_rn(__fmul_rn(__fmul_rn(w, 2.0f), c), e), std[j]);
}

}  // namespace
}  // namespace vaml4j

using namespace vaml4j;

extern "C" {

VAML4J_JNI(clipRowNorms)(JNIEnv* env, jclass, jlong s, jint rows, jint k, jint d, jdouble p, jlong g) {
    if (rows <= 0 || rows > CLIP_ROWS || k <= 0 || d <= 0) return;
    launch(clipRowNormsKernel, dim3(k), dim3(CLIP_THREADS), stream(s), rows, k, d, p, ptr<float>(g));
    checkLaunch(env, "clipRowNorms");
}

VAML4J_JNI(vagramLoss)(JNIEnv* env, jclass, jlong s, jint rows, jint ds, jint k, jlong g, jlong pred, jlong y, jlong std,
                       jfloat lambda, jfloat scale, jfloat w, jlong loss, jlong dPred) {
    if (rows <= 0 || ds <= 0 || k <= 0) return;
    launch(vagramLossKernel, gridFor((long long) rows * (ds + 1)), dim3(THREADS), stream(s), rows, ds, k, ptr<const float>(g),
           ptr<const float>(pred), ptr<const float>(y), ptr<const float>(std), lambda, scale, w, ptr<float>(loss),
           ptr<float>(dPred));
    checkLaunch(env, "vagramLoss");
}

}  // extern "C"
