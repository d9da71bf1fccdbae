// Shared by the element-wise kernel files: thread indexing, launch shapes, Adam's update and the
// double-precision helpers that mirror HostDevice's Java expressions.
//
// Arithmetic that HostDevice does in float or double with Java's evaluation order is written
// with explicit round-to-nearest intrinsics (__fmul_rn, __fadd_rn, __dmul_rn, ...), so nvcc
// cannot contract a multiply and an add into one fma: with IEEE division and square root (the
// defaults; never --use_fast_math) these kernels then give HostDevice's bits wherever HostDevice
// uses only +, -, *, / and sqrt, and differ only by the last-bit roundings of exp, log, tanh, cos
// and pow elsewhere.
#pragma once
#include "common.cuh"
#include "launch.cuh"

namespace vaml4j {

constexpr int THREADS = 256;

// This thread's element in a 1-D launch of blocksFor(n, THREADS) blocks of THREADS threads.
__device__ __forceinline__ long long element() { return (long long) blockIdx.x * blockDim.x + threadIdx.x; }

// Blocks of THREADS covering n > 0 elements.
inline dim3 gridFor(long long n) { return dim3(blocksFor(n, THREADS)); }

// Java's Math.min(float, float): NaN if either is NaN, -0 below +0.
__device__ __forceinline__ float javaMin(float a, float b) {
    if (a != a) return a;
    if (a == 0.0f && b == 0.0f) return signbit(a) ? a : b;
    return a <= b ? a : b;
}

// HostDevice.softplus (double): max(x, 0) + log1p(exp(-|x|)).
__device__ __forceinline__ double softplusD(double x) {
    return __dadd_rn(x > 0.0 ? x : 0.0, ::log1p(::exp(-::fabs(x))));
}

// HostDevice.sigmoid: (float) (1 / (1 + exp(-x))) in double.
__device__ __forceinline__ float sigmoidD(float x) {
    return (float) (1.0 / __dadd_rn(1.0, ::exp(-(double) x)));
}

// Adam's bias corrections for step count t, as HostDevice.adam (double, then rounded to float).
struct AdamScale {
    float stepSize, invSqrtBc2;
};

__device__ __forceinline__ AdamScale adamScale(float lr, float beta1, float beta2, int t) {
    const double bc1 = 1.0 - ::pow((double) beta1, (double) t);
    const double bc2 = 1.0 - ::pow((double) beta2, (double) t);
    return AdamScale{(float) ((double) lr / bc1), (float) (1.0 / ::sqrt(bc2))};
}

// One parameter's Adam step with coupled weight decay wd, in HostDevice.adam's float order.
__device__ __forceinline__ void adamUpdate(float& p, float g, float& m, float& v, float wd, float beta1, float beta2,
                                           float eps, AdamScale sc) {
    const float gi = __fadd_rn(g, __fmul_rn(wd, p));
    m = __fadd_rn(__fmul_rn(beta1, m), __fmul_rn(__fsub_rn(1.0f, beta1), gi));
    v = __fadd_rn(__fmul_rn(beta2, v), __fmul_rn(__fmul_rn(__fsub_rn(1.0f, beta2), gi), gi));
    const float den = __fadd_rn(__fmul_rn(__fsqrt_rn(v), sc.invSqrtBc2), eps);
    p = __fsub_rn(p, __fdiv_rn(__fmul_rn(sc.stepSize, m), den));
}

}  // namespace vaml4j
