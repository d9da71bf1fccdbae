// Shared by every translation unit of libvaml4j_cuda: JNI types, error reporting, launch checks.
#pragma once
#include <jni.h>
#include <cuda_runtime.h>
#include <cstdint>
#include <cstdio>

namespace vaml4j {

// Throws java.lang.IllegalStateException("cuda: <where>: <error text>") into the calling JVM.
inline void throwCuda(JNIEnv* env, const char* where, cudaError_t err) {
    char msg[512];
    std::snprintf(msg, sizeof msg, "cuda: %s: %s (%s)", where, cudaGetErrorString(err), cudaGetErrorName(err));
    jclass cls = env->FindClass("java/lang/IllegalStateException");
    if (cls != nullptr) env->ThrowNew(cls, msg);
}

// Returns true (and throws into Java) when err is not cudaSuccess.
inline bool failed(JNIEnv* env, const char* where, cudaError_t err) {
    if (err == cudaSuccess) return false;
    throwCuda(env, where, err);
    return true;
}

// After a kernel launch: reports a bad launch configuration (not an asynchronous fault, which
// the next synchronize reports).
inline void checkLaunch(JNIEnv* env, const char* where) {
    failed(env, where, cudaGetLastError());
}

inline cudaStream_t stream(jlong handle) { return reinterpret_cast<cudaStream_t>(handle); }

template <typename T> inline T* ptr(jlong address) { return reinterpret_cast<T*>(address); }

// Blocks of `threads` covering n elements.
inline unsigned blocksFor(long long n, int threads) { return (unsigned) ((n + threads - 1) / threads); }

// The Activation enum's ordinals (org.vaml4j.kernel.Activation).
enum Act : int { IDENTITY = 0, RELU = 1, SILU = 2, TANH = 3, SIGMOID = 4, SOFTPLUS = 5 };

}  // namespace vaml4j

// JNI function name for a static native of org.vaml4j.kernel.device.CudaNative.
#define VAML4J_JNI(name) JNIEXPORT void JNICALL Java_org_vaml4j_kernel_device_CudaNative_##name
#define VAML4J_JNI_T(type, name) JNIEXPORT type JNICALL Java_org_vaml4j_kernel_device_CudaNative_##name
