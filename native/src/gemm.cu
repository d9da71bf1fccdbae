// Batched SGEMM (CudaNative.gemm) and the fused dense layer (CudaNative.dense): one templated
// kernel body for the four transpose combinations, two epilogues, three block tiles.
//
// The kernel. A block computes a BM x BN tile of C[e]; its threads form an NTY x NTX grid
// (NTY = BM / TM, NTX = BN / TN) and each keeps a TM x TN block of accumulators in registers.
// The k dimension is walked in steps of BK: the (BM x BK) slice of op(A) and the (BK x BN) slice
// of op(B) are staged in shared memory, both k-major (As[kk][i], Bs[kk][j]), double buffered:
// while the threads multiply out step t from one buffer, they hold step t + 1 in registers (loaded
// from global memory before the multiply) and store it into the other buffer after it, so there
// is one __syncthreads per step. Global loads are float4 where the operand allows it (16-byte
// aligned base, leading dimension and batch stride multiples of 4), else four scalar loads; the
// parts of a tile outside the matrix are loaded as zeros.
//
// Thread (ty, tx) owns rows  c * 4 NTY + 4 ty + v  (c < TM / 4, v < 4) and columns
// d * 4 NTX + 4 tx + u  (d < TN / 4, u < 4) of the block tile: its fragments of As and Bs are
// float4 reads, and the 4 NTX columns of one chunk read by a warp are contiguous (no bank
// conflicts; a warp's rows are few distinct addresses, broadcast).
//
// Numerics. acc[i][j] starts at 0 and takes one fma per k in increasing k (zero-padded k steps
// add 0 * 0), so every element of C is the same chain of fp32 fmas whatever the tile and
// whatever the launch: the result is deterministic and the same for all tiles. No TF32, no
// tensor cores. The epilogue is HostDevice's: beta == 0 ? alpha acc : alpha acc + beta C (C is
// not read when beta == 0, so NaN there does not propagate), without contraction into an fma.
//
// Tile choice (Tile::Auto, choose()): for each tile t, blocks(t) = batch ceil(m / t) ceil(n / t);
// the estimated time is ceil(blocks(t) / SMs) t^2 / rate(t), the number of block rounds the
// busiest multiprocessor runs times one block's work over the tile's relative per-SM throughput
// (rate 1 for T128, 0.7 for T64, 0.4 for T32: smaller tiles reload more from shared memory per
// fma and run fewer fmas per thread). The smallest estimate wins, ties to the larger tile. On 132
// SMs: 4096^3 and 2048^3 take T128, 1024^3 T64 (256 blocks instead of 64), batch 7 of 256 x 200
// T64 (112 blocks), batch 2 of 256 x 256 and 256 x 14 take T32.
#include "common.cuh"
#include "floatmath.cuh"
#include "gemm.cuh"
#include "launch.cuh"
#include <atomic>
#include <cstdint>

namespace vaml4j {
namespace gemm {

namespace {

constexpr int PAD = 4;   // shared-memory row padding (floats), a multiple of 4 so rows stay 16-byte
                         // aligned for float4; the slot mapping of loadTile already makes every
                         // store conflict-free, the padding only keeps that true for other maps

// Minimum resident blocks per multiprocessor for __launch_bounds__, i.e. the register caps, set
// so that no variant spills (ptxas -v, sm_90): T128 1 (~151 registers: 64 accumulators plus the
// fragments of the next k step in flight; one block of 8 warps per SM), T64 2 (<= 128, uses ~95:
// 2 blocks, 16 warps), T32 6 (<= 168, uses ~119: 8 blocks of 2 warps).
#ifndef T128_BLOCKS
#define T128_BLOCKS 1
#endif
#ifndef T64_BLOCKS
#define T64_BLOCKS 2
#endif
#ifndef T32_BLOCKS
#define T32_BLOCKS 6
#endif

struct Operands {
    const float* a;
    const float* b;
    long long lda, ldb, sa, sb;   // leading dimensions (of the stored matrices) and batch strides
    int m, n, k, batch;
    int tilesM, tilesN;
    bool vecA, vecB;              // float4 global loads allowed
};

// C = alpha acc + beta C.
struct GemmStore {
    float* c;
    long long sc;
    int ldc;
    float alpha, beta;
    bool vec;                     // float4 accesses allowed (aligned base, ldc and sc % 4 == 0)

    __device__ __forceinline__ float one(float acc, const float* p) const {
        return beta == 0.0f ? __fmul_rn(alpha, acc) : __fadd_rn(__fmul_rn(alpha, acc), __fmul_rn(beta, *p));
    }

    // Stores v[0..cnt) at row `row`, columns [col, col + cnt) of C[e].
    __device__ __forceinline__ void store(int e, int row, int col, const float (&v)[4], int cnt) const {
        float* p = c + (long long) e * sc + (long long) row * ldc + col;
        if (vec && cnt == 4) {
            float4 o;
            if (beta == 0.0f) {
                o = make_float4(__fmul_rn(alpha, v[0]), __fmul_rn(alpha, v[1]), __fmul_rn(alpha, v[2]),
                                __fmul_rn(alpha, v[3]));
            } else {
                const float4 old = *reinterpret_cast<const float4*>(p);
                o = make_float4(__fadd_rn(__fmul_rn(alpha, v[0]), __fmul_rn(beta, old.x)),
                                __fadd_rn(__fmul_rn(alpha, v[1]), __fmul_rn(beta, old.y)),
                                __fadd_rn(__fmul_rn(alpha, v[2]), __fmul_rn(beta, old.z)),
                                __fadd_rn(__fmul_rn(alpha, v[3]), __fmul_rn(beta, old.w)));
            }
            *reinterpret_cast<float4*>(p) = o;
        } else {
#pragma unroll
            for (int u = 0; u < 4; ++u) {
                if (u < cnt) p[u] = one(v[u], p + u);
            }
        }
    }
};

// pre = acc + bias; z = pre (optional); y = act(pre)  (HostDevice.dense with alpha 1, beta 0).
struct DenseStore {
    const float* bias;
    float* y;
    float* z;                     // nullptr: no pre-activation output
    long long sy;                 // m n: batch stride of Y and Z
    int n, act;
    bool vec;

    __device__ __forceinline__ void store(int e, int row, int col, const float (&v)[4], int cnt) const {
        const long long o = (long long) e * sy + (long long) row * n + col;
        const float* bp = bias + (long long) e * n + col;
        float pre[4], out[4];
#pragma unroll
        for (int u = 0; u < 4; ++u) {
            pre[u] = u < cnt ? __fadd_rn(v[u], bp[u]) : 0.0f;
            out[u] = fm::activate(act, pre[u]);
        }
        if (vec && cnt == 4) {
            if (z != nullptr) *reinterpret_cast<float4*>(z + o) = make_float4(pre[0], pre[1], pre[2], pre[3]);
            *reinterpret_cast<float4*>(y + o) = make_float4(out[0], out[1], out[2], out[3]);
        } else {
#pragma unroll
            for (int u = 0; u < 4; ++u) {
                if (u < cnt) {
                    if (z != nullptr) z[o + u] = pre[u];
                    y[o + u] = out[u];
                }
            }
        }
    }
};

// Thread tid's share of one BK-step tile of an operand, global -> registers. The operand's stored
// matrix is row-major with leading dimension ld. KC ("k contiguous"): stored rows run along mn and
// columns along k (A not transposed, B transposed); else stored rows run along k and columns along
// mn. Each float4 slot is 4 consecutive elements of a stored row:
//   KC:  slot f covers mn = f % BMN, k = 4 (f / BMN) .. + 3   (a warp: 32 rows, one k quad)
//   !KC: slot f covers k = f / (BMN / 4), mn = 4 (f % (BMN / 4)) .. + 3   (a warp: one k row)
template <int BMN, int BK, int NT, bool KC>
__device__ __forceinline__ void loadTile(float4 (&r)[BMN * BK / 4 / NT], const float* __restrict__ p, long long ld,
                                         int mnSize, int kSize, int mn0, int k0, bool vec, int tid) {
#pragma unroll
    for (int i = 0; i < BMN * BK / 4 / NT; ++i) {
        const int f = tid + i * NT;
        int row, col, rows, cols;
        if (KC) {
            row = mn0 + f % BMN;
            col = k0 + (f / BMN) * 4;
            rows = mnSize;
            cols = kSize;
        } else {
            row = k0 + f / (BMN / 4);
            col = mn0 + (f % (BMN / 4)) * 4;
            rows = kSize;
            cols = mnSize;
        }
        float4 v = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
        if (row < rows && col < cols) {
            const float* q = p + (long long) row * ld + col;
            if (vec && col + 3 < cols) {
                v = *reinterpret_cast<const float4*>(q);
            } else {
                v.x = q[0];
                if (col + 1 < cols) v.y = q[1];
                if (col + 2 < cols) v.z = q[2];
                if (col + 3 < cols) v.w = q[3];
            }
        }
        r[i] = v;
    }
}

// Registers -> the k-major shared tile s[BK][BMN + PAD], slots as in loadTile.
template <int BMN, int BK, int NT, bool KC>
__device__ __forceinline__ void storeTile(float (*s)[BMN + PAD], const float4 (&r)[BMN * BK / 4 / NT], int tid) {
#pragma unroll
    for (int i = 0; i < BMN * BK / 4 / NT; ++i) {
        const int f = tid + i * NT;
        if (KC) {
            const int mn = f % BMN, kq = (f / BMN) * 4;
            s[kq][mn] = r[i].x;
            s[kq + 1][mn] = r[i].y;
            s[kq + 2][mn] = r[i].z;
            s[kq + 3][mn] = r[i].w;
        } else {
            const int kr = f / (BMN / 4), mq = (f % (BMN / 4)) * 4;
            *reinterpret_cast<float4*>(&s[kr][mq]) = r[i];
        }
    }
}

template <int BM, int BN, int BK, int TM, int TN, int MIN_BLOCKS, bool TA, bool TB, class Epi>
__global__ void __launch_bounds__((BM / TM) * (BN / TN), MIN_BLOCKS)
gemmKernel(Operands op, Epi epi) {
    constexpr int NTX = BN / TN, NTY = BM / TM, NT = NTX * NTY;
    constexpr int FA = BM * BK / 4 / NT, FB = BN * BK / 4 / NT;
    static_assert(TM % 4 == 0 && TN % 4 == 0, "thread tiles are float4 chunks");
    static_assert(BK % 4 == 0, "k step in float4 quads");
    static_assert(FA * NT * 4 == BM * BK && FB * NT * 4 == BN * BK, "tile slots must divide among the threads");

    __shared__ __align__(16) float As[2][BK][BM + PAD];
    __shared__ __align__(16) float Bs[2][BK][BN + PAD];

    const int tid = threadIdx.x, tx = tid % NTX, ty = tid / NTX;

    // Block -> tile, in groups of 8 tile rows (consecutive blocks share B column panels in L2).
    constexpr int GROUP = 8;
    const int tile = blockIdx.x;
    const int perGroup = GROUP * op.tilesN;
    const int firstM = (tile / perGroup) * GROUP;
    const int groupRows = min(op.tilesM - firstM, GROUP);
    const int inGroup = tile % perGroup;
    const int m0 = (firstM + inGroup % groupRows) * BM;
    const int n0 = (inGroup / groupRows) * BN;

    const int kTiles = (op.k + BK - 1) / BK;

    for (int e = blockIdx.y; e < op.batch; e += gridDim.y) {
        const float* __restrict__ A = op.a + (long long) e * op.sa;
        const float* __restrict__ B = op.b + (long long) e * op.sb;

        float acc[TM][TN];
#pragma unroll
        for (int i = 0; i < TM; ++i) {
#pragma unroll
            for (int j = 0; j < TN; ++j) acc[i][j] = 0.0f;
        }
        float4 ra[FA], rb[FB];

        __syncthreads();   // the previous batch member's last step may still read As/Bs[0]
        if (kTiles > 0) {
            loadTile<BM, BK, NT, !TA>(ra, A, op.lda, op.m, op.k, m0, 0, op.vecA, tid);
            loadTile<BN, BK, NT, TB>(rb, B, op.ldb, op.n, op.k, n0, 0, op.vecB, tid);
            storeTile<BM, BK, NT, !TA>(As[0], ra, tid);
            storeTile<BN, BK, NT, TB>(Bs[0], rb, tid);
        }
        __syncthreads();

        for (int kt = 0; kt < kTiles; ++kt) {
            const int cur = kt & 1;
            const bool more = kt + 1 < kTiles;
            if (more) {
                loadTile<BM, BK, NT, !TA>(ra, A, op.lda, op.m, op.k, m0, (kt + 1) * BK, op.vecA, tid);
                loadTile<BN, BK, NT, TB>(rb, B, op.ldb, op.n, op.k, n0, (kt + 1) * BK, op.vecB, tid);
            }
#pragma unroll
            for (int kk = 0; kk < BK; ++kk) {
                float fa[TM], fb[TN];
#pragma unroll
                for (int c = 0; c < TM / 4; ++c) {
                    const float4 t = *reinterpret_cast<const float4*>(&As[cur][kk][c * 4 * NTY + 4 * ty]);
                    fa[4 * c] = t.x;
                    fa[4 * c + 1] = t.y;
                    fa[4 * c + 2] = t.z;
                    fa[4 * c + 3] = t.w;
                }
#pragma unroll
                for (int d = 0; d < TN / 4; ++d) {
                    const float4 t = *reinterpret_cast<const float4*>(&Bs[cur][kk][d * 4 * NTX + 4 * tx]);
                    fb[4 * d] = t.x;
                    fb[4 * d + 1] = t.y;
                    fb[4 * d + 2] = t.z;
                    fb[4 * d + 3] = t.w;
                }
#pragma unroll
                for (int i = 0; i < TM; ++i) {
#pragma unroll
                    for (int j = 0; j < TN; ++j) acc[i][j] = __fmaf_rn(fa[i], fb[j], acc[i][j]);
                }
            }
            if (more) {
                storeTile<BM, BK, NT, !TA>(As[cur ^ 1], ra, tid);
                storeTile<BN, BK, NT, TB>(Bs[cur ^ 1], rb, tid);
            }
            __syncthreads();
        }

#pragma unroll
        for (int c = 0; c < TM / 4; ++c) {
#pragma unroll
            for (int v = 0; v < 4; ++v) {
                const int row = m0 + c * 4 * NTY + 4 * ty + v;
                if (row >= op.m) continue;
#pragma unroll
                for (int d = 0; d < TN / 4; ++d) {
                    const int col = n0 + d * 4 * NTX + 4 * tx;
                    if (col >= op.n) continue;
                    const float out[4] = {acc[4 * c + v][4 * d], acc[4 * c + v][4 * d + 1], acc[4 * c + v][4 * d + 2],
                                          acc[4 * c + v][4 * d + 3]};
                    epi.store(e, row, col, out, min(4, op.n - col));
                }
            }
        }
    }
}

template <int BM, int BN, int BK, int TM, int TN, int MIN_BLOCKS, bool TA, bool TB, class Epi>
void go(cudaStream_t s, Operands op, const Epi& epi) {
    op.tilesM = (op.m + BM - 1) / BM;
    op.tilesN = (op.n + BN - 1) / BN;
    const dim3 grid((unsigned) op.tilesM * (unsigned) op.tilesN, (unsigned) min(op.batch, 65535));
    launch(gemmKernel<BM, BN, BK, TM, TN, MIN_BLOCKS, TA, TB, Epi>, grid, dim3((BM / TM) * (BN / TN)), s, op, epi);
}

template <class Epi, bool TA, bool TB>
void byTile(Tile t, cudaStream_t s, const Operands& op, const Epi& epi) {
    switch (t) {
        case Tile::T128: go<128, 128, 8, 8, 8, T128_BLOCKS, TA, TB>(s, op, epi); break;
        case Tile::T64: go<64, 64, 16, 4, 4, T64_BLOCKS, TA, TB>(s, op, epi); break;
        default: go<32, 32, 16, 4, 4, T32_BLOCKS, TA, TB>(s, op, epi); break;
    }
}

bool aligned16(const void* p) { return (reinterpret_cast<std::uintptr_t>(p) & 15u) == 0; }

}  // namespace

Tile choose(int batch, int m, int n, int sms) {
    if (sms < 1) sms = 1;
    const int tiles[3] = {128, 64, 32};
    const double rate[3] = {1.0, 0.7, 0.4};
    const Tile kinds[3] = {Tile::T128, Tile::T64, Tile::T32};
    int best = 0;
    double bestCost = 0;
    for (int i = 0; i < 3; ++i) {
        const long long t = tiles[i];
        const long long blocks = (long long) batch * ((m + t - 1) / t) * ((n + t - 1) / t);
        const long long rounds = (blocks + sms - 1) / sms;
        const double cost = (double) rounds * (double) (t * t) / rate[i];
        if (i == 0 || cost < bestCost) {
            best = i;
            bestCost = cost;
        }
    }
    return kinds[best];
}

int multiprocessors(cudaStream_t s) {
    // Queried once, outside any stream capture (a device query is no stream operation, but a
    // capture must see nothing but launches); inside a capture, before the first query, 132.
    static std::atomic<int> cached{0};
    const int known = cached.load(std::memory_order_relaxed);
    if (known > 0) return known;
    cudaStreamCaptureStatus capture = cudaStreamCaptureStatusNone;
    if (cudaStreamIsCapturing(s, &capture) != cudaSuccess || capture != cudaStreamCaptureStatusNone) {
        (void) cudaGetLastError();
        return 132;
    }
    int dev = 0, count = 0;
    if (cudaGetDevice(&dev) != cudaSuccess || cudaDeviceGetAttribute(&count, cudaDevAttrMultiProcessorCount, dev) != cudaSuccess
        || count < 1) {
        (void) cudaGetLastError();   // not a launch error: forget it
        return 132;
    }
    cached.store(count, std::memory_order_relaxed);
    return count;
}

void sgemm(cudaStream_t s, Tile tile, int batch, bool transA, bool transB, int m, int n, int k, float alpha,
           const float* a, long long aStride, const float* b, long long bStride, float beta, float* c,
           long long cStride) {
    if (batch < 1 || m < 1 || n < 1 || k < 0) return;
    if (tile == Tile::Auto) tile = choose(batch, m, n, multiprocessors(s));
    Operands op{};
    op.a = a;
    op.b = b;
    op.lda = transA ? m : k;
    op.ldb = transB ? k : n;
    op.sa = aStride;
    op.sb = bStride;
    op.m = m;
    op.n = n;
    op.k = k;
    op.batch = batch;
    op.vecA = aligned16(a) && op.lda % 4 == 0 && aStride % 4 == 0;
    op.vecB = aligned16(b) && op.ldb % 4 == 0 && bStride % 4 == 0;
    GemmStore epi{c, cStride, n, alpha, beta, aligned16(c) && n % 4 == 0 && cStride % 4 == 0};
    if (!transA && !transB) byTile<GemmStore, false, false>(tile, s, op, epi);
    else if (!transA && transB) byTile<GemmStore, false, true>(tile, s, op, epi);
    else if (transA && !transB) byTile<GemmStore, true, false>(tile, s, op, epi);
    else byTile<GemmStore, true, true>(tile, s, op, epi);
}

void dense(cudaStream_t s, Tile tile, int batch, int m, int n, int k, const float* x, long long xStride,
           const float* w, const float* bias, int act, float* z, float* y) {
    if (batch < 1 || m < 1 || n < 1 || k < 0) return;
    if (tile == Tile::Auto) tile = choose(batch, m, n, multiprocessors(s));
    Operands op{};
    op.a = x;
    op.b = w;
    op.lda = k;
    op.ldb = n;
    op.sa = xStride;
    op.sb = (long long) k * n;
    op.m = m;
    op.n = n;
    op.k = k;
    op.batch = batch;
    op.vecA = aligned16(x) && k % 4 == 0 && xStride % 4 == 0;
    op.vecB = aligned16(w) && n % 4 == 0;
    const long long mn = (long long) m * n;
    DenseStore epi{bias, y, z, mn, n, act, aligned16(y) && (z == nullptr || aligned16(z)) && n % 4 == 0};
    byTile<DenseStore, false, false>(tile, s, op, epi);
}

}  // namespace gemm
}  // namespace vaml4j

extern "C" {

VAML4J_JNI(gemm)(JNIEnv* env, jclass, jlong stream, jint batch, jboolean transA, jboolean transB, jint m, jint n, jint k,
                 jfloat alpha, jlong a, jlong aStride, jlong b, jlong bStride, jfloat beta, jlong c, jlong cStride) {
    if (batch < 1 || m < 1 || n < 1) return;
    vaml4j::gemm::sgemm(vaml4j::stream(stream), vaml4j::gemm::Tile::Auto, batch, transA != JNI_FALSE, transB != JNI_FALSE,
                        m, n, k, alpha, vaml4j::ptr<const float>(a), aStride, vaml4j::ptr<const float>(b), bStride, beta,
                        vaml4j::ptr<float>(c), cStride);
    vaml4j::checkLaunch(env, "gemm");
}

VAML4J_JNI(dense)(JNIEnv* env, jclass, jlong stream, jint batch, jint m, jint n, jint k, jlong x, jlong xStride, jlong w,
                  jlong bias, jint act, jlong z, jlong y) {
    if (batch < 1 || m < 1 || n < 1) return;
    vaml4j::gemm::dense(vaml4j::stream(stream), vaml4j::gemm::Tile::Auto, batch, m, n, k, vaml4j::ptr<const float>(x), xStride,
                        vaml4j::ptr<const float>(w), vaml4j::ptr<const float>(bias), act, vaml4j::ptr<float>(z),
                        vaml4j::ptr<float>(y));
    vaml4j::checkLaunch(env, "dense");
}

}  // extern "C"
