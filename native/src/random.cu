// Counter-based random streams (CudaNative.randomIndices, randomNormal, advance): draw j of the
// stream with key K is SplitMix64's j-th output, mix64(K + (j + 1) 0x9e3779b97f4a7c15), in 64-bit
// unsigned arithmetic (wrapping, so bit-for-bit Java's long arithmetic; >>> is >> on unsigned).
// The stream's key and position are read on the device: state[0], state[1].
#include "common.cuh"
#include "kernels.cuh"

namespace vaml4j {
namespace {

__device__ __forceinline__ unsigned long long draw(unsigned long long key, unsigned long long j) {
    unsigned long long z = key + (j + 1ull) * 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

// out[i] = (int) (((draw(pos + i) >>> 32) * bound) >>> 32), the product in Java's (wrapping) long
// arithmetic with bound sign-extended, so even a bound < 1 gives HostDevice's formula (HostDevice
// throws for it; the device cannot).
__global__ void randomIndicesKernel(const long long* state, int n, const int* bound, int* out) {
    const long long i = element();
    if (i >= n) return;
    const unsigned long long key = (unsigned long long) state[0], pos = (unsigned long long) state[1];
    const unsigned long long hi = draw(key, pos + (unsigned long long) i) >> 32;
    const unsigned long long product = hi * (unsigned long long) (long long) bound[0];
    out[i] = (int) (unsigned) (product >> 32);
}

// Box-Muller in double from draws pos + 2i and pos + 2i + 1, as HostDevice.randomNormal.
__global__ void randomNormalKernel(const long long* state, int n, float* out) {
    const long long i = element();
    if (i >= n) return;
    const unsigned long long key = (unsigned long long) state[0], pos = (unsigned long long) state[1];
    const unsigned long long d1 = draw(key, pos + 2ull * (unsigned long long) i);
    const unsigned long long d2 = draw(key, pos + 2ull * (unsigned long long) i + 1ull);
    const double u1 = (double) ((d1 >> 11) + 1ull) * 0x1.0p-53;
    const double u2 = (double) (d2 >> 11) * 0x1.0p-53;
    const double twoPi = 6.283185307179586;   // 2 * Math.PI, exactly
    out[i] = (float) __dmul_rn(::sqrt(__dmul_rn(-2.0, ::log(u1))), ::cos(__dmul_rn(twoPi, u2)));
}

__global__ void advanceKernel(long long* state, long long draws) {
    if (threadIdx.x == 0 && blockIdx.x == 0) {
        state[1] = (long long) ((unsigned long long) state[1] + (unsigned long long) draws);
    }
}

}  // namespace
}  // namespace vaml4j

using namespace vaml4j;

extern "C" {

VAML4J_JNI(randomIndices)(JNIEnv* env, jclass, jlong s, jlong state, jint n, jlong bound, jlong out) {
    if (n <= 0) return;
    launch(randomIndicesKernel, gridFor(n), dim3(THREADS), stream(s), ptr<const long long>(state), n, ptr<const int>(bound),
           ptr<int>(out));
    checkLaunch(env, "randomIndices");
}

VAML4J_JNI(randomNormal)(JNIEnv* env, jclass, jlong s, jlong state, jint n, jlong out) {
    if (n <= 0) return;
    launch(randomNormalKernel, gridFor(n), dim3(THREADS), stream(s), ptr<const long long>(state), n, ptr<float>(out));
    checkLaunch(env, "randomNormal");
}

VAML4J_JNI(advance)(JNIEnv* env, jclass, jlong s, jlong state, jlong draws) {
    launch(advanceKernel, dim3(1), dim3(1), stream(s), ptr<long long>(state), (long long) draws);
    checkLaunch(env, "advance");
}

}  // extern "C"
