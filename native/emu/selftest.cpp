// Self-test of the CUDA emulation (run by native/emu/build.sh): barrier semantics, and that every
// misuse it promises to catch is caught and named. A case that must fault runs in a forked child,
// because a fault is sticky for the whole process (as a fault spoils a CUDA context).
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("  %-4s %s\n", ok ? "ok" : "FAIL", what);
    if (!ok) failures++;
}

float* deviceFloats(size_t n) {
    void* p = nullptr;
    if (cudaMalloc(&p, n * sizeof(float)) != cudaSuccess) {
        std::printf("cudaMalloc failed\n");
        std::exit(2);
    }
    cudaMemset(p, 0, n * sizeof(float));
    return static_cast<float*>(p);
}

// ---- kernels ----

constexpr int N = 256;

// Each thread writes its slot, then reads its neighbour's: right only with a real barrier.
__global__ void exchange(float* out) {
    __shared__ float s[N];
    const int t = threadIdx.x;
    s[t] = (float) (t + 1000 * blockIdx.x);
    __syncthreads();
    float v = s[(t + 1) % N];
    __syncthreads();
    s[t] = v * 2.0f;   // overwritten only after everyone has read
    __syncthreads();
    out[blockIdx.x * N + t] = s[(t + N - 1) % N];
}

// A tree reduction like sumKernel: log2(N) barriers in a loop.
__global__ void treeSum(const float* x, float* out) {
    __shared__ double part[N];
    const int t = threadIdx.x;
    part[t] = x[blockIdx.x * N + t];
    __syncthreads();
    for (int w = N / 2; w > 0; w >>= 1) {
        if (t < w) part[t] += part[t + w];
        __syncthreads();
    }
    if (t == 0) out[blockIdx.x] = (float) part[0];
}

__global__ void divergentBarrier(float* out) {
    if (threadIdx.x < 5) __syncthreads();
    out[threadIdx.x] = 1.0f;
}

__global__ void twoBarriers(float* out) {
    if (threadIdx.x % 2 == 0) {
        __syncthreads();
    } else {
        __syncthreads();
    }
    out[threadIdx.x] = 1.0f;
}

__global__ void earlyReturn(float* out, int n) {
    if ((int) threadIdx.x < n) return;
    __syncthreads();
    out[threadIdx.x] = 1.0f;
}

__global__ void writeAt(float* p, long long i) {
    if (threadIdx.x == 3 && blockIdx.x == 1) p[i] = 1.0f;
}

__global__ void readAt(const float* p, long long i, float* out) {
    if (threadIdx.x == 0) out[0] = p[i];
}

__global__ void vectorRead(const float* p, float* out) {
    const float4 v = *reinterpret_cast<const float4*>(p);
    if (threadIdx.x == 0) out[0] = v.x + v.y + v.z + v.w;
}

__global__ void divide(const int* d, int* out) { out[threadIdx.x] = 7 / d[threadIdx.x]; }

__global__ void fill(float* p, int n, float v) {
    const long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) p[i] = v;
}

// Every thread writes the same element: the last writer wins, and which one is last depends on the order.
__global__ void lastWriter(float* out) { out[0] = (float) (threadIdx.x + blockDim.x * blockIdx.x); }

// Reads the neighbour's shared slot without a barrier between its write and the read.
__global__ void noBarrier(float* out) {
    __shared__ float s[N];
    const int t = threadIdx.x;
    s[t] = (float) t;
    out[t] = s[(t + 1) % N];
    __syncthreads();
}

// Reads shared memory it never wrote: garbage on a GPU, NaN (the poison) here.
__global__ void readUnwritten(float* out) {
    __shared__ float s[N];
    const int t = threadIdx.x;
    if (t % 2 == 0) s[t] = 1.0f;
    __syncthreads();
    out[blockIdx.x * N + t] = s[t];
}

int recurse(int depth) {
    volatile char pad[4096];
    pad[0] = (char) depth;
    return depth == 0 ? pad[0] : recurse(depth - 1) + pad[0];
}

__global__ void deep(int* out) {
    if (threadIdx.x == 0) out[0] = recurse(1 << 20);
}

// ---- negative cases: in a child, expect a sticky error ----

// Runs body in a child; the child exits 0 when the next synchronize returns `want`.
template <class F>
void expectFault(const char* what, cudaError_t want, F body) {
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body();
        cudaError_t got = cudaStreamSynchronize(nullptr);
        if (got != want) {
            std::fprintf(stderr, "    got %s (%s), wanted %s\n", cudaGetErrorName(got), cudaGetErrorString(got), cudaGetErrorName(want));
            std::_Exit(1);
        }
        std::fprintf(stderr, "    -> %s\n", cudaGetErrorString(got));
        // sticky: every later call reports it too
        void* p = nullptr;
        std::_Exit(cudaMalloc(&p, 16) == want && cudaGetLastError() == want ? 0 : 3);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, what);
}

}  // namespace

// Run with VAML4J_EMU_RACECHECK=1 (build.sh does): races are reported, correct kernels are not.
int raceMain() {
    std::printf("vaml4j cuda emulation self-test, race check\n");
    {
        float* out = deviceFloats(4 * N);
        vaml4j::launch(exchange, dim3(4), dim3(N), nullptr, out);
        check(cudaStreamSynchronize(nullptr) == cudaSuccess, "a kernel without races passes the race check");
    }
    expectFault("a write-write race between threads is reported", cudaErrorLaunchFailure, [] {
        float* out = deviceFloats(1);
        vaml4j::launch(lastWriter, dim3(1), dim3(64), nullptr, out);
    });
    expectFault("a write-write race between blocks is reported", cudaErrorLaunchFailure, [] {
        float* out = deviceFloats(1);
        vaml4j::launch(lastWriter, dim3(3), dim3(1), nullptr, out);
    });
    expectFault("a read of shared memory before the barrier that orders it is reported", cudaErrorLaunchFailure, [] {
        float* out = deviceFloats(N);
        vaml4j::launch(noBarrier, dim3(1), dim3(N), nullptr, out);
    });
    std::printf("%s: %d failure(s)\n", failures == 0 ? "race self-test passed" : "RACE SELF-TEST FAILED", failures);
    return failures == 0 ? 0 : 1;
}

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "race") == 0) return raceMain();
    std::printf("vaml4j cuda emulation self-test\n");
    {
        const int blocks = 5;
        float* out = deviceFloats(blocks * N);
        vaml4j::launch(exchange, dim3(blocks), dim3(N), nullptr, out);
        std::vector<float> h(blocks * N);
        cudaMemcpy(h.data(), out, h.size() * sizeof(float), cudaMemcpyDeviceToHost);
        bool ok = cudaGetLastError() == cudaSuccess;
        for (int b = 0; b < blocks; ++b) {
            for (int t = 0; t < N; ++t) ok = ok && h[b * N + t] == 2.0f * (float) (t + 1000 * b);
        }
        check(ok, "threads exchange shared memory across __syncthreads");
        cudaFree(out);
    }
    {
        const int blocks = 3;
        std::vector<float> x(blocks * N);
        for (size_t i = 0; i < x.size(); ++i) x[i] = (float) (i % 7) - 2.5f;
        float* dx = deviceFloats(x.size());
        float* dout = deviceFloats(blocks);
        cudaMemcpy(dx, x.data(), x.size() * sizeof(float), cudaMemcpyHostToDevice);
        vaml4j::launch(treeSum, dim3(blocks), dim3(N), nullptr, (const float*) dx, dout);
        float h[blocks];
        cudaMemcpy(h, dout, sizeof h, cudaMemcpyDeviceToHost);
        bool ok = true;
        for (int b = 0; b < blocks; ++b) {
            double s = 0;
            for (int t = 0; t < N; ++t) s += x[b * N + t];
            ok = ok && h[b] == (float) s;
        }
        check(ok, "a tree reduction with a barrier in a loop");
        cudaFree(dx);
        cudaFree(dout);
    }
    {
        float* out = deviceFloats(3 * N);
        vaml4j::launch(readUnwritten, dim3(3), dim3(N), nullptr, out);
        std::vector<float> h(3 * N);
        cudaMemcpy(h.data(), out, h.size() * sizeof(float), cudaMemcpyDeviceToHost);
        bool ok = true;
        for (int i = 0; i < 3 * N; ++i) ok = ok && (i % 2 == 0 ? h[i] == 1.0f : h[i] != h[i]);
        check(ok, "shared memory starts as NaN in every block (VAML4J_EMU_POISON_SHARED)");
        cudaFree(out);
    }
    {
        float* p = deviceFloats(1000);
        cudaStream_t s = nullptr;
        cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
        cudaStreamBeginCapture(s, cudaStreamCaptureModeThreadLocal);
        vaml4j::launch(fill, dim3(4), dim3(256), s, p, 1000, 3.0f);
        cudaMemcpyAsync(p + 500, p, 100 * sizeof(float), cudaMemcpyDeviceToDevice, s);
        void* q = nullptr;
        bool refused = cudaMalloc(&q, 16) == cudaErrorStreamCaptureUnsupported;
        cudaGraph_t g = nullptr;
        bool invalidated = cudaStreamEndCapture(s, &g) == cudaErrorStreamCaptureInvalidated && g == nullptr;
        check(refused && invalidated, "cudaMalloc inside a thread-local capture is refused and invalidates it");
        (void) cudaGetLastError();

        cudaStreamBeginCapture(s, cudaStreamCaptureModeThreadLocal);
        vaml4j::launch(fill, dim3(4), dim3(256), s, p, 1000, 3.0f);
        vaml4j::launch(fill, dim3(1), dim3(100), s, p + 100, 100, 5.0f);
        cudaMemcpyAsync(p + 500, p + 100, 100 * sizeof(float), cudaMemcpyDeviceToDevice, s);
        bool ok = cudaStreamEndCapture(s, &g) == cudaSuccess && g != nullptr;
        float h[1000];
        cudaMemcpy(h, p, sizeof h, cudaMemcpyDeviceToHost);
        ok = ok && h[0] == 0.0f && h[999] == 0.0f;   // capture records, it does not run
        cudaGraphExec_t e = nullptr;
        ok = ok && cudaGraphInstantiate(&e, g, 0) == cudaSuccess && cudaGraphDestroy(g) == cudaSuccess;
        ok = ok && cudaGraphLaunch(e, s) == cudaSuccess;
        cudaMemcpy(h, p, sizeof h, cudaMemcpyDeviceToHost);
        ok = ok && h[0] == 3.0f && h[150] == 5.0f && h[550] == 5.0f && h[999] == 3.0f;
        ok = ok && cudaGraphExecDestroy(e) == cudaSuccess && cudaGraphExecDestroy(e) == cudaErrorInvalidValue;
        check(ok, "capture records launches and copies in order; a graph launch runs them");
        (void) cudaGetLastError();
        cudaStreamDestroy(s);
        cudaFree(p);
    }
    {
        float* p = deviceFloats(16);
        vaml4j::launch(fill, dim3(1), dim3(2048), nullptr, p, 16, 1.0f);
        bool a = cudaGetLastError() == cudaErrorInvalidConfiguration;
        vaml4j::launch(fill, dim3(0), dim3(32), nullptr, p, 16, 1.0f);
        bool b = cudaGetLastError() == cudaErrorInvalidConfiguration && cudaGetLastError() == cudaSuccess;
        check(a && b, "an invalid launch configuration is a launch error, not sticky");
        void* q = nullptr;
        check(cudaMalloc(&q, (size_t) 1 << 62) == cudaErrorMemoryAllocation && cudaGetLastError() == cudaErrorMemoryAllocation,
              "an allocation beyond the emulated memory is cudaErrorMemoryAllocation");
        check(cudaFree(p + 1) == cudaErrorInvalidValue, "cudaFree of a pointer inside a buffer is refused");
        float h[17];
        check(cudaMemcpy(h, p, sizeof h, cudaMemcpyDeviceToHost) == cudaErrorInvalidValue, "a copy beyond a buffer is refused");
        check(cudaMemcpyAsync(p + 2, p, 8 * sizeof(float), cudaMemcpyDeviceToDevice, nullptr) == cudaErrorInvalidValue,
              "a device copy between overlapping ranges is refused");
        (void) cudaGetLastError();
        cudaFree(p);
    }

    expectFault("a divergent barrier (some threads skip it) is reported", cudaErrorLaunchFailure, [] {
        float* p = deviceFloats(64);
        vaml4j::launch(divergentBarrier, dim3(1), dim3(64), nullptr, p);
    });
    expectFault("threads at different __syncthreads are reported", cudaErrorLaunchFailure, [] {
        float* p = deviceFloats(64);
        vaml4j::launch(twoBarriers, dim3(1), dim3(64), nullptr, p);
    });
    expectFault("a barrier after the block's first thread returned is reported", cudaErrorLaunchFailure, [] {
        float* p = deviceFloats(64);
        vaml4j::launch(earlyReturn, dim3(1), dim3(64), nullptr, p, 1);
    });
    expectFault("a barrier after some threads returned is reported", cudaErrorLaunchFailure, [] {
        float* p = deviceFloats(64);
        vaml4j::launch(earlyReturn, dim3(1), dim3(64), nullptr, p, 0);
        float* q = deviceFloats(64);
        vaml4j::launch(earlyReturn, dim3(1), dim3(64), nullptr, q, 60);   // thread 0 returns first
    });
    expectFault("a write just past the end of a buffer faults (guard page)", cudaErrorIllegalAddress, [] {
        float* p = deviceFloats(1024);
        vaml4j::launch(writeAt, dim3(2), dim3(32), nullptr, p, 1024LL);
    });
    expectFault("a write into the slack past an odd-sized buffer is found (canary)", cudaErrorIllegalAddress, [] {
        float* p = deviceFloats(1001);
        vaml4j::launch(writeAt, dim3(2), dim3(32), nullptr, p, 1001LL);
    });
    expectFault("a write before the start of a buffer faults", cudaErrorIllegalAddress, [] {
        float* p = deviceFloats(1024);
        vaml4j::launch(writeAt, dim3(2), dim3(32), nullptr, p, -1LL);
    });
    expectFault("a read far past the end of a buffer faults", cudaErrorIllegalAddress, [] {
        float* p = deviceFloats(100);
        float* o = deviceFloats(1);
        vaml4j::launch(readAt, dim3(1), dim3(32), nullptr, (const float*) p, 5000LL, o);
    });
    expectFault("a read of a freed buffer faults", cudaErrorIllegalAddress, [] {
        float* p = deviceFloats(100);
        float* o = deviceFloats(1);
        cudaFree(p);
        vaml4j::launch(readAt, dim3(1), dim3(32), nullptr, (const float*) p, 3LL, o);
    });
    expectFault("a misaligned float4 load is reported", cudaErrorMisalignedAddress, [] {
        float* p = deviceFloats(100);
        float* o = deviceFloats(1);
        vaml4j::launch(vectorRead, dim3(1), dim3(32), nullptr, (const float*) (p + 1), o);
    });
    expectFault("an integer division by zero is reported", cudaErrorLaunchFailure, [] {
        void* d = nullptr;
        cudaMalloc(&d, 32 * sizeof(int));
        cudaMemset(d, 0, 32 * sizeof(int));
        void* o = nullptr;
        cudaMalloc(&o, 32 * sizeof(int));
        vaml4j::launch(divide, dim3(1), dim3(32), nullptr, (const int*) d, (int*) o);
    });
    expectFault("a fiber's stack overflow is reported", cudaErrorIllegalAddress, [] {
        void* o = nullptr;
        cudaMalloc(&o, sizeof(int));
        vaml4j::launch(deep, dim3(1), dim3(4), nullptr, (int*) o);
    });
    expectFault("a graph whose buffer was freed faults when it runs", cudaErrorIllegalAddress, [] {
        float* p = deviceFloats(100);
        cudaStream_t s = nullptr;
        cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
        cudaStreamBeginCapture(s, cudaStreamCaptureModeThreadLocal);
        vaml4j::launch(fill, dim3(1), dim3(128), s, p, 100, 1.0f);
        cudaGraph_t g = nullptr;
        cudaStreamEndCapture(s, &g);
        cudaGraphExec_t e = nullptr;
        cudaGraphInstantiate(&e, g, 0);
        cudaFree(p);
        cudaGraphLaunch(e, s);
    });

    std::printf("%s: %d failure(s)\n", failures == 0 ? "self-test passed" : "SELF-TEST FAILED", failures);
    return failures == 0 ? 0 : 1;
}
