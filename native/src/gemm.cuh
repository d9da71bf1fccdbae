// The batched SGEMM and the fused dense layer of gemm.cu, callable from C++ (the JNI functions
// CudaNative.gemm / CudaNative.dense, and native/bench/gemm_bench.cu, which forces each tile).
#pragma once
#include <cuda_runtime.h>

namespace vaml4j {
namespace gemm {

// Block tiles. Every tile computes every element of C as the same chain of fp32 fmas in
// increasing k, so all tiles give the same bits; the tile only changes the speed.
//   T128: 128 x 128 block tile, 256 threads of 8 x 8, k step 8   (big products)
//   T64:   64 x 64  block tile, 256 threads of 4 x 4, k step 16  (medium)
//   T32:   32 x 32  block tile,  64 threads of 4 x 4, k step 16  (small products, many blocks)
enum class Tile { Auto, T128, T64, T32 };

// The tile Auto picks for this problem on a GPU with `sms` multiprocessors (see gemm.cu).
Tile choose(int batch, int m, int n, int sms);

// The multiprocessor count of the current device, queried once (not while s is being captured:
// then 132 until a query outside a capture). The choice only affects speed: every tile gives the
// same bits.
int multiprocessors(cudaStream_t s = nullptr);

// C[e] = alpha op(A[e]) op(B[e]) + beta C[e], e in [0, batch); Device.gemm's semantics.
// Requires batch, m, n >= 1, k >= 0; strides in elements (0 broadcasts A or B).
void sgemm(cudaStream_t s, Tile tile, int batch, bool transA, bool transB, int m, int n, int k, float alpha,
           const float* a, long long aStride, const float* b, long long bStride, float beta, float* c,
           long long cStride);

// Y[e] = act(X[e] W[e] + bias[e]), Z[e] = X[e] W[e] + bias[e] when z != nullptr; Device.dense's
// semantics (W stride k n, bias stride n, Y/Z stride m n). act: Activation ordinal.
void dense(cudaStream_t s, Tile tile, int batch, int m, int n, int k, const float* x, long long xStride,
           const float* w, const float* bias, int act, float* z, float* y);

}  // namespace gemm
}  // namespace vaml4j
