// Stand-alone check and benchmark of gemm.cu on a GPU, no JVM needed:
//   1. every tile (T128, T64, T32, and Auto) against a double-precision reference kernel on odd
//      shapes, all transposes, k = 0, unaligned operands, batch strides 0; all tiles must give
//      bit-identical C;
//   2. GFLOP/s of each tile on the big and the RL-sized products (cuBLAS fp32 on an H200, for
//      scale: 25.3 TFLOP/s at 1024^3, 50.6 at 4096^3), with the tile Auto picks marked.
// native/prepare-device-kit.sh builds it and native/check-device.sh runs it. By hand (from the
// repository root; about 10 s of GPU time):
//   nvcc -O3 -std=c++17 -gencode arch=compute_90,code=sm_90 -I$JAVA_HOME/include -I$JAVA_HOME/include/linux \
//        native/src/gemm.cu native/bench/gemm_bench.cu -o /tmp/gemm_bench && /tmp/gemm_bench
// Exit status 0 when every check passed.
#include "../src/gemm.cuh"
#include <cuda_runtime.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

using vaml4j::gemm::Tile;

#define CHECK(x)                                                                                    \
    do {                                                                                            \
        cudaError_t e_ = (x);                                                                       \
        if (e_ != cudaSuccess) {                                                                    \
            std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #x, cudaGetErrorString(e_)); \
            std::exit(2);                                                                           \
        }                                                                                           \
    } while (0)

static const char* tileName(Tile t) {
    switch (t) {
        case Tile::T128: return "T128";
        case Tile::T64: return "T64";
        case Tile::T32: return "T32";
        default: return "Auto";
    }
}

// One thread per element of C[e]: the exact-ish value (double) and the magnitude
// |alpha| sum |a||b| + |beta| |C0|.
__global__ void reference(int batch, bool ta, bool tb, int m, int n, int k, float alpha, const float* a, long long sa,
                          const float* b, long long sb, float beta, const float* c0, long long sc, double* want, double* mag) {
    long long q = (long long) blockIdx.x * blockDim.x + threadIdx.x;
    if (q >= (long long) batch * m * n) return;
    int e = (int) (q / ((long long) m * n)), i = (int) (q / n % m), j = (int) (q % n);
    const float* A = a + e * sa;
    const float* B = b + e * sb;
    double s = 0, g = 0;
    for (int p = 0; p < k; ++p) {
        double av = ta ? A[(long long) p * m + i] : A[(long long) i * k + p];
        double bv = tb ? B[(long long) j * k + p] : B[(long long) p * n + j];
        s += av * bv;
        g += fabs(av * bv);
    }
    double c = beta == 0.0f ? 0.0 : (double) beta * c0[e * sc + (long long) i * n + j];
    want[q] = (double) alpha * s + c;
    mag[q] = fabs((double) alpha) * g + (beta == 0.0f ? 0.0 : fabs(c));
}

struct Case {
    int batch, m, n, k;
    bool ta, tb;
    int offA, offB, offC;
    bool broadcastA, broadcastB;
    float alpha, beta;
};

static std::mt19937_64 rng(7);

static void fillRandom(std::vector<float>& v) {
    std::uniform_real_distribution<float> u(0.1f, 1.0f);
    for (auto& x : v) x = (rng() & 1) ? u(rng) : -u(rng);
}

// Runs one case on every tile; returns the number of failures.
static int check(const Case& cs) {
    const long long sa = cs.broadcastA ? 0 : (long long) cs.m * cs.k + 4, sb = cs.broadcastB ? 0 : (long long) cs.k * cs.n + 3;
    const long long sc = (long long) cs.m * cs.n + 1;
    const long long lenA = cs.offA + (cs.batch - 1) * sa + (long long) cs.m * cs.k + 1;
    const long long lenB = cs.offB + (cs.batch - 1) * sb + (long long) cs.k * cs.n + 1;
    const long long lenC = cs.offC + (cs.batch - 1) * sc + (long long) cs.m * cs.n + 1;
    std::vector<float> A(lenA), B(lenB), C0(lenC);
    fillRandom(A);
    fillRandom(B);
    fillRandom(C0);
    if (cs.beta == 0.0f) for (auto& x : C0) x = NAN;
    float *a, *b, *c, *c0;
    double *want, *mag;
    const long long outs = (long long) cs.batch * cs.m * cs.n;
    CHECK(cudaMalloc(&a, lenA * 4));
    CHECK(cudaMalloc(&b, lenB * 4));
    CHECK(cudaMalloc(&c, lenC * 4));
    CHECK(cudaMalloc(&c0, lenC * 4));
    CHECK(cudaMalloc(&want, outs * 8));
    CHECK(cudaMalloc(&mag, outs * 8));
    CHECK(cudaMemcpy(a, A.data(), lenA * 4, cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(b, B.data(), lenB * 4, cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(c0, C0.data(), lenC * 4, cudaMemcpyHostToDevice));
    reference<<<(unsigned) ((outs + 255) / 256), 256>>>(cs.batch, cs.ta, cs.tb, cs.m, cs.n, cs.k, cs.alpha, a + cs.offA, sa,
                                                        b + cs.offB, sb, cs.beta, c0 + cs.offC, sc, want, mag);
    CHECK(cudaGetLastError());
    std::vector<double> W(outs), M(outs);
    CHECK(cudaMemcpy(W.data(), want, outs * 8, cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(M.data(), mag, outs * 8, cudaMemcpyDeviceToHost));
    int fails = 0;
    std::vector<float> first;
    const Tile tiles[4] = {Tile::T128, Tile::T64, Tile::T32, Tile::Auto};
    for (Tile t : tiles) {
        CHECK(cudaMemcpy(c, C0.data(), lenC * 4, cudaMemcpyHostToDevice));
        vaml4j::gemm::sgemm(0, t, cs.batch, cs.ta, cs.tb, cs.m, cs.n, cs.k, cs.alpha, a + cs.offA, sa, b + cs.offB, sb, cs.beta,
                            c + cs.offC, sc);
        CHECK(cudaGetLastError());
        CHECK(cudaDeviceSynchronize());
        std::vector<float> C(lenC);
        CHECK(cudaMemcpy(C.data(), c, lenC * 4, cudaMemcpyDeviceToHost));
        int bad = 0;
        double worst = 0;
        for (int e = 0; e < cs.batch; ++e) {
            for (long long q = 0; q < (long long) cs.m * cs.n; ++q) {
                const long long o = e * (long long) cs.m * cs.n + q;
                const double got = C[cs.offC + e * sc + q];
                const double tol = 2.0 * (cs.k + 2) * 0x1p-24 * M[o] + 1e-30;
                const double err = std::fabs(got - W[o]);
                if (!(err <= tol)) {
                    if (bad < 3) std::printf("    %s e %d elem %lld: got %.9g want %.9g tol %.3g\n", tileName(t), e, q, got, W[o], tol);
                    ++bad;
                }
                if (tol > 0 && err / tol > worst) worst = err / tol;
            }
        }
        // nothing outside the C matrices may change
        for (long long i = 0; i < lenC; ++i) {
            long long rel = i - cs.offC;
            bool inside = rel >= 0 && rel % sc < (long long) cs.m * cs.n && rel / sc < cs.batch;
            if (!inside && std::memcmp(&C[i], &C0[i], 4) != 0) {
                if (bad < 3) std::printf("    %s wrote outside C at %lld\n", tileName(t), i);
                ++bad;
            }
        }
        if (first.empty()) first = C;
        else if (std::memcmp(first.data(), C.data(), lenC * 4) != 0) {
            std::printf("    %s differs bitwise from T128\n", tileName(t));
            ++bad;
        }
        fails += bad != 0;
        (void) worst;
    }
    std::printf("%s batch %d %c%c %dx%dx%d off %d/%d/%d%s%s alpha %g beta %g (auto %s)\n", fails ? "FAIL" : "ok  ", cs.batch,
                cs.ta ? 'T' : 'N', cs.tb ? 'T' : 'N', cs.m, cs.n, cs.k, cs.offA, cs.offB, cs.offC, cs.broadcastA ? " A shared" : "",
                cs.broadcastB ? " B shared" : "", cs.alpha, cs.beta,
                tileName(vaml4j::gemm::choose(cs.batch, cs.m, cs.n, vaml4j::gemm::multiprocessors())));
    CHECK(cudaFree(a));
    CHECK(cudaFree(b));
    CHECK(cudaFree(c));
    CHECK(cudaFree(c0));
    CHECK(cudaFree(want));
    CHECK(cudaFree(mag));
    return fails;
}

// Median time of `reps` launches of one tile, in ms.
static double timeTile(Tile t, int batch, bool ta, bool tb, int m, int n, int k, const float* a, const float* b, float* c, int reps) {
    cudaEvent_t s, e;
    CHECK(cudaEventCreate(&s));
    CHECK(cudaEventCreate(&e));
    const long long sa = (long long) m * k, sb = (long long) k * n, sc = (long long) m * n;
    vaml4j::gemm::sgemm(0, t, batch, ta, tb, m, n, k, 1.0f, a, sa, b, sb, 0.0f, c, sc);   // warm-up
    CHECK(cudaGetLastError());
    std::vector<float> ms;
    for (int r = 0; r < reps; ++r) {
        CHECK(cudaEventRecord(s));
        vaml4j::gemm::sgemm(0, t, batch, ta, tb, m, n, k, 1.0f, a, sa, b, sb, 0.0f, c, sc);
        CHECK(cudaEventRecord(e));
        CHECK(cudaEventSynchronize(e));
        float x;
        CHECK(cudaEventElapsedTime(&x, s, e));
        ms.push_back(x);
    }
    std::sort(ms.begin(), ms.end());
    CHECK(cudaEventDestroy(s));
    CHECK(cudaEventDestroy(e));
    return ms[ms.size() / 2];
}

int main(int argc, char** argv) {
    const bool benchOnly = argc > 1 && std::strcmp(argv[1], "bench") == 0;
    cudaDeviceProp prop;
    CHECK(cudaGetDeviceProperties(&prop, 0));
    std::printf("%s, %d SMs, compute capability %d.%d\n", prop.name, prop.multiProcessorCount, prop.major, prop.minor);
    int fails = 0;
    if (!benchOnly) {
        const int sizes[] = {1, 3, 17, 31, 33, 127, 129, 255, 257};
        const int ks[] = {0, 1, 3, 8, 17, 64, 129, 257};
        for (int i = 0; i < 80; ++i) {
            Case cs;
            cs.batch = 1 + (int) (rng() % 3);
            cs.m = sizes[rng() % 9];
            cs.n = sizes[rng() % 9];
            cs.k = ks[rng() % 8];
            cs.ta = i & 1;
            cs.tb = (i >> 1) & 1;
            cs.offA = (int) (rng() % 4) == 0 ? 1 : 0;
            cs.offB = (int) (rng() % 4) == 0 ? 2 : 0;
            cs.offC = (int) (rng() % 4) == 0 ? 3 : 0;
            cs.broadcastA = i % 7 == 3;
            cs.broadcastB = i % 7 == 5;
            cs.alpha = (i % 3 == 0) ? 1.0f : -0.75f;
            cs.beta = (i % 4 == 0) ? 0.5f : (i % 4 == 1 ? 1.0f : 0.0f);
            fails += check(cs);
        }
        fails += check(Case{7, 256, 200, 200, false, false, 0, 0, 0, false, false, 1.0f, 0.0f});
        fails += check(Case{7, 200, 200, 256, true, false, 0, 0, 0, false, false, 1.0f, 1.0f});
        fails += check(Case{7, 256, 200, 200, false, true, 0, 0, 0, false, false, 1.0f, 0.0f});
        fails += check(Case{1, 1024, 1024, 1024, false, false, 0, 0, 0, false, false, 1.0f, 0.0f});
        fails += check(Case{1, 2048, 512, 768, true, false, 0, 0, 0, false, false, 1.0f, 0.0f});
        fails += check(Case{1, 2048, 512, 768, false, true, 0, 0, 0, false, false, 1.0f, 0.0f});
        fails += check(Case{70000, 2, 3, 5, false, false, 0, 0, 0, false, false, 1.0f, 0.0f});   // batch > 65535
        std::printf("%d failing cases\n\n", fails);
    }

    struct Shape {
        int batch, m, n, k;
        bool ta, tb;
        const char* what;
    };
    const Shape shapes[] = {
        {1, 1024, 1024, 1024, false, false, "1024^3"},
        {1, 1024, 1024, 1024, true, false, "1024^3 TN"},
        {1, 1024, 1024, 1024, false, true, "1024^3 NT"},
        {1, 2048, 2048, 2048, false, false, "2048^3"},
        {1, 4096, 4096, 4096, false, false, "4096^3"},
        {1, 2048, 512, 768, true, false, "2048x512x768 TN"},
        {1, 2048, 512, 768, false, true, "2048x512x768 NT"},
        {7, 256, 200, 200, false, false, "7 x 256x200x200 (ensemble hidden)"},
        {7, 200, 200, 256, true, false, "7 x 200x200x256 TN (weight grad)"},
        {7, 256, 200, 200, false, true, "7 x 256x200x200 NT (input grad)"},
        {2, 256, 256, 256, false, false, "2 x 256^3 (twin critics)"},
        {1, 256, 14, 200, false, false, "256x14x200 (output layer)"},
        {1, 256, 200, 24, false, false, "256x200x24 (input layer)"},
        {1, 200, 14, 256, true, false, "200x14x256 TN (output weight grad)"},
    };
    const long long maxElems = 4096LL * 4096;
    float *a, *b, *c;
    CHECK(cudaMalloc(&a, maxElems * 4));
    CHECK(cudaMalloc(&b, maxElems * 4));
    CHECK(cudaMalloc(&c, maxElems * 4));
    {
        std::vector<float> v(maxElems);
        fillRandom(v);
        CHECK(cudaMemcpy(a, v.data(), maxElems * 4, cudaMemcpyHostToDevice));
        CHECK(cudaMemcpy(b, v.data(), maxElems * 4, cudaMemcpyHostToDevice));
    }
    std::printf("%-38s %10s %10s %10s   (GFLOP/s; * = Auto's pick; us = median time of the pick)\n", "shape", "T128", "T64", "T32");
    for (const Shape& s : shapes) {
        const double flops = 2.0 * s.batch * s.m * s.n * (double) s.k;
        const int reps = flops > 1e10 ? 5 : (flops > 1e9 ? 10 : 50);
        const Tile pick = vaml4j::gemm::choose(s.batch, s.m, s.n, prop.multiProcessorCount);
        std::printf("%-38s", s.what);
        double pickMs = 0;
        for (Tile t : {Tile::T128, Tile::T64, Tile::T32}) {
            const double ms = timeTile(t, s.batch, s.ta, s.tb, s.m, s.n, s.k, a, b, c, reps);
            if (t == pick) pickMs = ms;
            std::printf(" %9.0f%c", flops / ms * 1e-6, t == pick ? '*' : ' ');
        }
        std::printf("   %8.1f us\n", pickMs * 1e3);
    }
    CHECK(cudaFree(a));
    CHECK(cudaFree(b));
    CHECK(cudaFree(c));
    return fails == 0 ? 0 : 1;
}
