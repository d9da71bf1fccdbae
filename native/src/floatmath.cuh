// org.vaml4j.kernel.FloatMath and Activation on the device, operation for operation.
//
// FloatMath is built only from exactly rounded IEEE operations (add, mul, div, fma, compares,
// bit operations), so the same sequence of operations gives the same bits on the GPU. Every
// operation below is an explicit round-to-nearest intrinsic (__fadd_rn, __fmul_rn, __fdiv_rn,
// __fmaf_rn): nvcc may not contract a mul and an add into an fma, nor replace a division by an
// approximation, whatever -fmad / -prec-div say. Denormals must not be flushed (no -ftz=true,
// no --use_fast_math): FloatMath.log scales subnormal inputs, and Java never flushes.
#pragma once
#include <cuda_runtime.h>

#if defined(__USE_FAST_MATH__)
#error "vaml4j kernels must be compiled without --use_fast_math (FloatMath needs IEEE float semantics)"
#endif

namespace vaml4j {
namespace fm {

// ---- exp (FloatMath.exp) ----

__device__ __forceinline__ float pow2(int k) { return __int_as_float((k + 127) << 23); }

__device__ __forceinline__ float exp(float x) {
    if (x != x) return x;
    const float xc = fminf(fmaxf(x, -104.0f), 89.0f);
    const float n = __fsub_rn(__fadd_rn(__fmul_rn(xc, 1.44269504088896341f), 12582912.0f), 12582912.0f);
    const float r = __fmaf_rn(n, 2.12194440e-4f, __fmaf_rn(n, -0.693359375f, xc));
    float p = __fmaf_rn(r, 1.9875691500e-4f, 1.3981999507e-3f);
    p = __fmaf_rn(p, r, 8.3334519073e-3f);
    p = __fmaf_rn(p, r, 4.1665795894e-2f);
    p = __fmaf_rn(p, r, 1.6666665459e-1f);
    p = __fmaf_rn(p, r, 5.0000001201e-1f);
    const float e = __fadd_rn(__fadd_rn(__fmul_rn(p, __fmul_rn(r, r)), r), 1.0f);
    const int k = (int) n, k1 = k >> 1;   // n is an integer in [-150, 128]; >> is arithmetic
    return __fmul_rn(__fmul_rn(e, pow2(k1)), pow2(k - k1));
}

// ---- log (FloatMath.log) ----

__device__ __forceinline__ float log(float x) {
    if (!(x >= 0.0f)) return __int_as_float(0x7fc00000);
    if (x == 0.0f) return __int_as_float(0xff800000);
    if (x == __int_as_float(0x7f800000)) return x;
    const bool subnormal = x < 1.17549435e-38f;
    const int bits = __float_as_int(subnormal ? __fmul_rn(x, 33554432.0f) : x);
    const float m = __int_as_float((bits & 0x807fffff) | 0x3f000000);
    float e = __fsub_rn((float) ((int) ((((unsigned) bits) >> 23) & 0xffu) - 126), subnormal ? 25.0f : 0.0f);
    const bool low = m < 0.707106781186547524f;
    const float f = __fsub_rn(__fadd_rn(m, low ? m : 0.0f), 1.0f);
    e = __fsub_rn(e, low ? 1.0f : 0.0f);
    const float z = __fmul_rn(f, f);
    float p = __fmaf_rn(f, 7.0376836292e-2f, -1.1514610310e-1f);
    p = __fmaf_rn(p, f, 1.1676998740e-1f);
    p = __fmaf_rn(p, f, -1.2420140846e-1f);
    p = __fmaf_rn(p, f, 1.4249322787e-1f);
    p = __fmaf_rn(p, f, -1.6668057665e-1f);
    p = __fmaf_rn(p, f, 2.0000714765e-1f);
    p = __fmaf_rn(p, f, -2.4999993993e-1f);
    p = __fmaf_rn(p, f, 3.3333331174e-1f);
    const float lowPart = __fmaf_rn(e, -2.12194440e-4f, __fmul_rn(__fmul_rn(p, f), z));
    return __fadd_rn(__fadd_rn(f, __fmaf_rn(z, -0.5f, lowPart)), __fmul_rn(e, 0.693359375f));
}

// log1p(t) for t in [0, 1] (FloatMath.log1p01)
__device__ __forceinline__ float log1p01(float t) {
    const float u = __fadd_rn(t, 1.0f), um1 = __fsub_rn(u, 1.0f);
    return um1 == 0.0f ? t : __fmul_rn(log(u), __fdiv_rn(t, um1));
}

// ---- tanh (FloatMath.tanh) ----

__device__ __forceinline__ float tanh(float x) {
    if (fabsf(x) < 0.625f) {
        const float z = __fmul_rn(x, x);
        float p = __fmaf_rn(z, -5.70498872745e-3f, 2.06390887954e-2f);
        p = __fmaf_rn(p, z, -5.37397155531e-2f);
        p = __fmaf_rn(p, z, 1.33314422036e-1f);
        p = __fmaf_rn(p, z, -3.33332819422e-1f);
        return __fmaf_rn(__fmul_rn(p, z), x, x);
    }
    const float t = __fsub_rn(1.0f, __fdiv_rn(2.0f, __fadd_rn(exp(__fmul_rn(fabsf(x), 2.0f)), 1.0f)));
    return x < 0.0f ? -t : t;
}

// ---- composites ----

__device__ __forceinline__ float sigmoid(float x) { return __fdiv_rn(1.0f, __fadd_rn(exp(-x), 1.0f)); }

__device__ __forceinline__ float silu(float x) { return __fdiv_rn(x, __fadd_rn(exp(-x), 1.0f)); }

__device__ __forceinline__ float siluDerivative(float x) {
    const float s = sigmoid(x);
    return __fmul_rn(s, __fadd_rn(__fmul_rn(x, __fsub_rn(1.0f, s)), 1.0f));
}

// Java's Math.max(x, 0f): NaN stays NaN, -0 becomes +0.
__device__ __forceinline__ float maxZero(float x) { return x != x ? x : (x > 0.0f ? x : 0.0f); }

__device__ __forceinline__ float softplus(float x) { return __fadd_rn(maxZero(x), log1p01(exp(-fabsf(x)))); }

// ---- org.vaml4j.kernel.Activation (ordinals as vaml4j::Act) ----

__device__ __forceinline__ float activate(int act, float x) {
    switch (act) {
        case 1: return x > 0.0f ? x : 0.0f;   // RELU
        case 2: return silu(x);               // SILU
        case 3: return tanh(x);               // TANH
        case 4: return sigmoid(x);            // SIGMOID
        case 5: return softplus(x);           // SOFTPLUS
        default: return x;                    // IDENTITY
    }
}

// f'(x) given x and y = f(x), as Activation.derivative
__device__ __forceinline__ float derivative(int act, float x, float y) {
    switch (act) {
        case 1: return x > 0.0f ? 1.0f : 0.0f;
        case 2: return siluDerivative(x);
        case 3: return __fsub_rn(1.0f, __fmul_rn(y, y));
        case 4: return __fmul_rn(y, __fsub_rn(1.0f, y));
        case 5: return sigmoid(x);
        default: return 1.0f;
    }
}

}  // namespace fm
}  // namespace vaml4j
