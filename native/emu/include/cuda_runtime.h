// CPU stand-in for <cuda_runtime.h>: just the subset of CUDA that native/src uses, so that the
// unchanged kernel and runtime sources compile with g++ (-x c++ -DVAML4J_EMULATE) and run on the
// host, each CUDA thread a fiber (see native/emu/README.md). Implemented by native/emu/runtime_emu.cpp.
//
// What this header provides:
//   - the CUDA qualifiers as macros (__global__, __device__, __shared__ -> static thread_local, ...)
//   - the built-in variables threadIdx, blockIdx, blockDim, gridDim (read-only, per OS thread,
//     set by the block scheduler before it switches to a CUDA thread's fiber)
//   - the vector types (float4, int4, ...) whose copies check 16-byte (8-byte) alignment as the
//     GPU's vector loads and stores need, and make_float4 & co
//   - the exactly rounded intrinsics (__fadd_rn, __fmaf_rn, __dmul_rn, ...), bit casts, min/max
//   - __syncthreads() (a barrier of the block's fibers; it records its source line so that threads
//     waiting at different barriers are reported)
//   - the runtime API calls of native/src (error codes and strings, device queries, memory,
//     streams, capture, graphs)
//   - vaml4j::launch, the one way native/src launches a kernel (launch.cuh leaves it to us under
//     VAML4J_EMULATE): it binds the arguments by value and hands the closure to the scheduler, or
//     to the graph being captured on that stream.
#pragma once

#ifndef VAML4J_EMULATE
#error "native/emu/include/cuda_runtime.h is the CPU emulation of CUDA: compile with -DVAML4J_EMULATE"
#endif

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <tuple>
#include <type_traits>
#include <math.h>
#include <cmath>

// ---- qualifiers ----

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline __attribute__((always_inline))
#define __launch_bounds__(...)
#define __restrict__ __restrict
// Blocks run one after another on one OS thread, so a function-local static is exactly the
// shared memory of the block being run; thread_local keeps two host threads that launch kernels
// at the same time apart. (Unlike the GPU, it keeps its contents from the previous block.)
#define __shared__ static thread_local
#define __align__(n) __attribute__((aligned(n)))
#define __device_builtin__

// ---- error codes (the values of the real runtime) ----

enum cudaError {
    cudaSuccess = 0,
    cudaErrorInvalidValue = 1,
    cudaErrorMemoryAllocation = 2,
    cudaErrorInitializationError = 3,
    cudaErrorInvalidConfiguration = 9,
    cudaErrorInvalidDevicePointer = 17,
    cudaErrorInsufficientDriver = 35,
    cudaErrorNoDevice = 100,
    cudaErrorInvalidDevice = 101,
    cudaErrorInvalidResourceHandle = 400,
    cudaErrorIllegalState = 401,
    cudaErrorIllegalAddress = 700,
    cudaErrorLaunchOutOfResources = 701,
    cudaErrorMisalignedAddress = 716,
    cudaErrorLaunchFailure = 719,
    cudaErrorStreamCaptureUnsupported = 900,
    cudaErrorStreamCaptureInvalidated = 901,
    cudaErrorStreamCaptureUnmatched = 903,
    cudaErrorStreamCaptureWrongThread = 908,
    cudaErrorUnknown = 999,
};
typedef enum cudaError cudaError_t;

// ---- handles and enums ----

struct CUstream_st;
struct CUgraph_st;
struct CUgraphExec_st;
typedef CUstream_st* cudaStream_t;
typedef CUgraph_st* cudaGraph_t;
typedef CUgraphExec_st* cudaGraphExec_t;

#define cudaStreamDefault 0x00
#define cudaStreamNonBlocking 0x01

enum cudaStreamCaptureMode {
    cudaStreamCaptureModeGlobal = 0,
    cudaStreamCaptureModeThreadLocal = 1,
    cudaStreamCaptureModeRelaxed = 2,
};

enum cudaMemcpyKind {
    cudaMemcpyHostToHost = 0,
    cudaMemcpyHostToDevice = 1,
    cudaMemcpyDeviceToHost = 2,
    cudaMemcpyDeviceToDevice = 3,
    cudaMemcpyDefault = 4,
};

enum cudaDeviceAttr {
    cudaDevAttrMaxThreadsPerBlock = 1,
    cudaDevAttrMultiProcessorCount = 16,
    cudaDevAttrComputeCapabilityMajor = 75,
    cudaDevAttrComputeCapabilityMinor = 76,
};

struct cudaDeviceProp {
    char name[256];
    size_t totalGlobalMem;
    size_t sharedMemPerBlock;
    int warpSize;
    int maxThreadsPerBlock;
    int maxThreadsDim[3];
    int maxGridSize[3];
    int major;
    int minor;
    int multiProcessorCount;
};

struct cudaFuncAttributes {
    size_t sharedSizeBytes;
    size_t constSizeBytes;
    size_t localSizeBytes;
    int maxThreadsPerBlock;
    int numRegs;
    int ptxVersion;
    int binaryVersion;
};

// ---- vector types ----

struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
};

struct uint3 {
    unsigned int x, y, z;
};

namespace vaml4j_emu {
// A vector access at an address the GPU cannot load or store as one vector (a float4 needs 16
// bytes of alignment): reported like the GPU's cudaErrorMisalignedAddress, naming the kernel.
[[noreturn]] void misaligned(const void* address, std::size_t alignment, const char* type);

template <std::size_t A>
inline void checkAligned(const void* p, const char* type) {
    if (__builtin_expect((reinterpret_cast<std::uintptr_t>(p) & (A - 1)) != 0, 0)) misaligned(p, A, type);
}
}  // namespace vaml4j_emu

// A CUDA vector type: the members, and copies that check both addresses' alignment, because on
// the GPU `*reinterpret_cast<float4*>(p)` is one 16-byte access that faults when p is misaligned.
#define VAML4J_EMU_VECTOR(NAME, T, ALIGN, ...)                                                         \
    struct __attribute__((aligned(ALIGN))) NAME {                                                      \
        T __VA_ARGS__;                                                                                 \
        NAME() = default;                                                                              \
        NAME(const NAME& o) {                                                                          \
            ::vaml4j_emu::checkAligned<ALIGN>(this, #NAME);                                            \
            ::vaml4j_emu::checkAligned<ALIGN>(&o, #NAME);                                              \
            std::memcpy(static_cast<void*>(this), static_cast<const void*>(&o), sizeof(NAME));         \
        }                                                                                              \
        NAME& operator=(const NAME& o) {                                                               \
            ::vaml4j_emu::checkAligned<ALIGN>(this, #NAME);                                            \
            ::vaml4j_emu::checkAligned<ALIGN>(&o, #NAME);                                              \
            std::memcpy(static_cast<void*>(this), static_cast<const void*>(&o), sizeof(NAME));         \
            return *this;                                                                              \
        }                                                                                              \
    };

VAML4J_EMU_VECTOR(float2, float, 8, x, y)
VAML4J_EMU_VECTOR(float4, float, 16, x, y, z, w)
VAML4J_EMU_VECTOR(int2, int, 8, x, y)
VAML4J_EMU_VECTOR(int4, int, 16, x, y, z, w)
VAML4J_EMU_VECTOR(uint4, unsigned int, 16, x, y, z, w)
VAML4J_EMU_VECTOR(double2, double, 16, x, y)
#undef VAML4J_EMU_VECTOR

inline float2 make_float2(float x, float y) { float2 v; v.x = x; v.y = y; return v; }
inline float4 make_float4(float x, float y, float z, float w) { float4 v; v.x = x; v.y = y; v.z = z; v.w = w; return v; }
inline int2 make_int2(int x, int y) { int2 v; v.x = x; v.y = y; return v; }
inline int4 make_int4(int x, int y, int z, int w) { int4 v; v.x = x; v.y = y; v.z = z; v.w = w; return v; }
inline uint4 make_uint4(unsigned x, unsigned y, unsigned z, unsigned w) { uint4 v; v.x = x; v.y = y; v.z = z; v.w = w; return v; }
inline double2 make_double2(double x, double y) { double2 v; v.x = x; v.y = y; return v; }

// ---- built-in variables ----

namespace vaml4j_emu {
struct Ids {
    uint3 thread, block;
    dim3 blockSize, gridSize;
};
// The CUDA thread being run on this OS thread (set by the scheduler before each switch).
extern thread_local Ids ids;
inline const Ids& current() { return ids; }
}  // namespace vaml4j_emu

#define threadIdx (::vaml4j_emu::current().thread)
#define blockIdx (::vaml4j_emu::current().block)
#define blockDim (::vaml4j_emu::current().blockSize)
#define gridDim (::vaml4j_emu::current().gridSize)

// ---- barrier ----

namespace vaml4j_emu {
// All threads of the block reach the same __syncthreads before any goes on; a thread that has
// returned while others wait, or threads waiting at different barriers, are reported.
void syncthreads(const char* file, int line);
}  // namespace vaml4j_emu

#define __syncthreads() ::vaml4j_emu::syncthreads(__FILE__, __LINE__)

// ---- intrinsics: IEEE round-to-nearest, never contracted ----

#define VAML4J_EMU_INTRINSIC static inline __attribute__((always_inline))

VAML4J_EMU_INTRINSIC float __fadd_rn(float a, float b) { return a + b; }
VAML4J_EMU_INTRINSIC float __fsub_rn(float a, float b) { return a - b; }
// The products go through an empty asm, so that no compiler setting can fuse them with an add
// into an fma (nvcc never contracts these intrinsics; -ffp-contract then decides only for plain
// a * b + c in the kernels, as nvcc's -fmad does).
VAML4J_EMU_INTRINSIC float __fmul_rn(float a, float b) {
    float r = a * b;
    __asm__("" : "+x"(r));
    return r;
}
VAML4J_EMU_INTRINSIC float __fdiv_rn(float a, float b) { return a / b; }
VAML4J_EMU_INTRINSIC float __frcp_rn(float a) { return 1.0f / a; }
VAML4J_EMU_INTRINSIC float __fsqrt_rn(float a) { return __builtin_sqrtf(a); }
VAML4J_EMU_INTRINSIC float __fmaf_rn(float a, float b, float c) { return __builtin_fmaf(a, b, c); }
VAML4J_EMU_INTRINSIC double __dadd_rn(double a, double b) { return a + b; }
VAML4J_EMU_INTRINSIC double __dsub_rn(double a, double b) { return a - b; }
VAML4J_EMU_INTRINSIC double __dmul_rn(double a, double b) {
    double r = a * b;
    __asm__("" : "+x"(r));
    return r;
}
VAML4J_EMU_INTRINSIC double __ddiv_rn(double a, double b) { return a / b; }
VAML4J_EMU_INTRINSIC double __drcp_rn(double a) { return 1.0 / a; }
VAML4J_EMU_INTRINSIC double __dsqrt_rn(double a) { return __builtin_sqrt(a); }
VAML4J_EMU_INTRINSIC double __fma_rn(double a, double b, double c) { return __builtin_fma(a, b, c); }

VAML4J_EMU_INTRINSIC float __int_as_float(int i) { float f; std::memcpy(&f, &i, 4); return f; }
VAML4J_EMU_INTRINSIC int __float_as_int(float f) { int i; std::memcpy(&i, &f, 4); return i; }
VAML4J_EMU_INTRINSIC float __uint_as_float(unsigned i) { float f; std::memcpy(&f, &i, 4); return f; }
VAML4J_EMU_INTRINSIC unsigned __float_as_uint(float f) { unsigned i; std::memcpy(&i, &f, 4); return i; }
VAML4J_EMU_INTRINSIC double __longlong_as_double(long long i) { double d; std::memcpy(&d, &i, 8); return d; }
VAML4J_EMU_INTRINSIC long long __double_as_longlong(double d) { long long i; std::memcpy(&i, &d, 8); return i; }

// CUDA's integer and floating min/max overloads (global namespace, host and device).
#define VAML4J_EMU_MINMAX(T)                                  \
    VAML4J_EMU_INTRINSIC T min(T a, T b) { return a < b ? a : b; } \
    VAML4J_EMU_INTRINSIC T max(T a, T b) { return a > b ? a : b; }
VAML4J_EMU_MINMAX(int)
VAML4J_EMU_MINMAX(unsigned int)
VAML4J_EMU_MINMAX(long)
VAML4J_EMU_MINMAX(unsigned long)
VAML4J_EMU_MINMAX(long long)
VAML4J_EMU_MINMAX(unsigned long long)
#undef VAML4J_EMU_MINMAX
VAML4J_EMU_INTRINSIC float min(float a, float b) { return fminf(a, b); }
VAML4J_EMU_INTRINSIC float max(float a, float b) { return fmaxf(a, b); }
VAML4J_EMU_INTRINSIC double min(double a, double b) { return fmin(a, b); }
VAML4J_EMU_INTRINSIC double max(double a, double b) { return fmax(a, b); }

// ---- runtime API (runtime_emu.cpp) ----

const char* cudaGetErrorString(cudaError_t err);
const char* cudaGetErrorName(cudaError_t err);
cudaError_t cudaGetLastError();
cudaError_t cudaPeekAtLastError();

cudaError_t cudaDriverGetVersion(int* version);
cudaError_t cudaRuntimeGetVersion(int* version);
cudaError_t cudaGetDeviceCount(int* count);
cudaError_t cudaSetDevice(int device);
cudaError_t cudaGetDevice(int* device);
cudaError_t cudaGetDeviceProperties(cudaDeviceProp* prop, int device);
cudaError_t cudaDeviceGetAttribute(int* value, cudaDeviceAttr attr, int device);
cudaError_t cudaMemGetInfo(size_t* freeBytes, size_t* totalBytes);
cudaError_t cudaDeviceSynchronize();

namespace vaml4j_emu {
cudaError_t funcGetAttributes(cudaFuncAttributes* attr, const void* entry);
}
template <class T>
inline cudaError_t cudaFuncGetAttributes(cudaFuncAttributes* attr, T* entry) {
    return ::vaml4j_emu::funcGetAttributes(attr, reinterpret_cast<const void*>(entry));
}

cudaError_t cudaMalloc(void** p, size_t bytes);
template <class T>
inline cudaError_t cudaMalloc(T** p, size_t bytes) {
    return cudaMalloc(reinterpret_cast<void**>(p), bytes);
}
cudaError_t cudaFree(void* p);
cudaError_t cudaMemset(void* p, int value, size_t bytes);
cudaError_t cudaMemcpy(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind);
cudaError_t cudaMemcpyAsync(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind, cudaStream_t s = nullptr);

cudaError_t cudaStreamCreate(cudaStream_t* s);
cudaError_t cudaStreamCreateWithFlags(cudaStream_t* s, unsigned int flags);
cudaError_t cudaStreamDestroy(cudaStream_t s);
cudaError_t cudaStreamSynchronize(cudaStream_t s);
enum cudaStreamCaptureStatus {
    cudaStreamCaptureStatusNone = 0,
    cudaStreamCaptureStatusActive = 1,
    cudaStreamCaptureStatusInvalidated = 2,
};

cudaError_t cudaStreamBeginCapture(cudaStream_t s, cudaStreamCaptureMode mode);
cudaError_t cudaStreamIsCapturing(cudaStream_t s, cudaStreamCaptureStatus* status);
cudaError_t cudaStreamEndCapture(cudaStream_t s, cudaGraph_t* graph);

cudaError_t cudaGraphInstantiate(cudaGraphExec_t* exec, cudaGraph_t graph, unsigned long long flags = 0);
cudaError_t cudaGraphDestroy(cudaGraph_t graph);
cudaError_t cudaGraphExecDestroy(cudaGraphExec_t exec);
cudaError_t cudaGraphLaunch(cudaGraphExec_t exec, cudaStream_t s);

// ---- kernel launch ----

namespace vaml4j_emu {
// Runs grid.x * grid.y * grid.z blocks of `block` threads of `body` now (blockIdx.x fastest), or
// appends them to the graph being captured on s. Launch errors go to cudaGetLastError. words: the
// 8-byte words of the arguments (pointers among them), whose buffers' canaries are checked after
// the kernel.
void launchKernel(const void* kernel, dim3 grid, dim3 block, cudaStream_t s, const std::uintptr_t* words, std::size_t count,
                  std::function<void()> body);

// Appends the aligned 8-byte words of an argument (a pointer, or a struct holding pointers).
inline void argumentWords(const void* p, std::size_t size, std::uintptr_t* out, std::size_t& count, std::size_t capacity) {
    for (std::size_t off = 0; off + sizeof(std::uintptr_t) <= size && count < capacity; off += sizeof(std::uintptr_t)) {
        std::memcpy(&out[count++], static_cast<const char*>(p) + off, sizeof(std::uintptr_t));
    }
}
}  // namespace vaml4j_emu

namespace vaml4j {
// kernel<<<grid, block, 0, s>>>(args...): the arguments converted to the kernel's parameter types
// and copied into the closure (a captured launch keeps them, as a CUDA graph's kernel node does).
template <typename... P, typename... A>
inline void launch(void (*kernel)(P...), dim3 grid, dim3 block, cudaStream_t s, A... args) {
    static_assert(sizeof...(P) == sizeof...(A), "launch: argument count");
    std::tuple<std::decay_t<P>...> bound(static_cast<P>(args)...);
    std::uintptr_t words[64];
    std::size_t count = 0;
    std::apply([&](const auto&... e) { (::vaml4j_emu::argumentWords(&e, sizeof e, words, count, 64), ...); }, bound);
    ::vaml4j_emu::launchKernel(reinterpret_cast<const void*>(kernel), grid, block, s, words, count,
                               [kernel, bound]() { std::apply(kernel, bound); });
}
}  // namespace vaml4j
