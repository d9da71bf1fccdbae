// SAC's kernels (CudaNative.tanhGaussian ... sacTemperature), each in HostDevice's arithmetic:
// float where HostDevice uses float, double where it uses double (see kernels.cuh).
#include "common.cuh"
#include "kernels.cuh"

namespace vaml4j {
namespace {

constexpr double LOG_2 = 0x1.62e42fefa39efp-1;         // StrictMath.log(2)
constexpr double HALF_LOG_2PI = 0x1.d67f1c864beb4p-1;  // 0.5 * StrictMath.log(2 * Math.PI)

// One thread per row: the log-probability sums the a actions in order, in double, as HostDevice.
__global__ void tanhGaussianKernel(int rows, int a, const float* out, const float* eps, float lo, float hi, float* action,
                                   float* logProb) {
    const long long r = element();
    if (r >= rows) return;
    const float half = __fmul_rn(0.5f, __fsub_rn(hi, lo));
    const float shift = __fadd_rn(lo, half);
    const float* o = out + r * 2 * a;
    const float* e = eps + r * a;
    float* act = action + r * a;
    double s = 0.0;
    for (int j = 0; j < a; ++j) {
        const float mu = o[j], raw = o[a + j], ej = e[j];
        const float logStd = __fadd_rn(__fmul_rn((float) ::tanh((double) raw), half), shift);
        const double sd = ::exp((double) logStd);
        const double u = __dadd_rn((double) mu, __dmul_rn(sd, (double) ej));
        act[j] = (float) ::tanh(u);
        const double log1mTanh2 = __dmul_rn(2.0, __dsub_rn(__dsub_rn(LOG_2, u), softplusD(__dmul_rn(-2.0, u))));
        const double term = __dsub_rn(__dsub_rn(__dsub_rn(__dmul_rn(__dmul_rn(-0.5, (double) ej), (double) ej), (double) logStd),
                                                HALF_LOG_2PI),
                                      log1mTanh2);
        s = __dadd_rn(s, term);
    }
    logProb[r] = (float) s;
}

// One thread per (row, action).
__global__ void tanhGaussianBackwardKernel(int rows, int a, const float* out, const float* eps, float lo, float hi,
                                           const float* action, const float* dAction, int dActionStride, const float* alpha,
                                           float logProbScale, float* dOut) {
    const long long i = element();
    if (i >= (long long) rows * a) return;
    const long long r = i / a;
    const int j = (int) (i % a);
    const float half = __fmul_rn(0.5f, __fsub_rn(hi, lo));
    const float shift = __fadd_rn(lo, half);
    const float g = __fmul_rn(alpha[0], logProbScale);
    const float raw = out[r * 2 * a + a + j];
    const float th = (float) ::tanh((double) raw);
    const float logStd = __fadd_rn(__fmul_rn(th, half), shift);
    const float sd = (float) ::exp((double) logStd);
    const float t = action[i], e = eps[i];
    const float du = __fadd_rn(__fmul_rn(dAction[r * dActionStride + j], __fsub_rn(1.0f, __fmul_rn(t, t))),
                               __fmul_rn(__fmul_rn(g, 2.0f), t));
    const float dLogStd = __fsub_rn(__fmul_rn(__fmul_rn(du, sd), e), g);
    dOut[r * 2 * a + j] = du;
    dOut[r * 2 * a + a + j] = __fmul_rn(__fmul_rn(dLogStd, half), __fsub_rn(1.0f, __fmul_rn(th, th)));
}

// y = r + gamma notDone (min(q1, q2) - alpha logProb), float, Java's order.
__global__ void criticTargetKernel(int n, const float* q, const float* logProb, const float* reward, const float* notDone,
                                   const float* alpha, float gamma, float* y) {
    const long long i = element();
    if (i >= n) return;
    const float minQ = javaMin(q[i], q[n + i]);
    const float soft = __fsub_rn(minQ, __fmul_rn(alpha[0], logProb[i]));
    y[i] = __fadd_rn(reward[i], __fmul_rn(__fmul_rn(gamma, notDone[i]), soft));
}

// Over the 2n entries of q: d = q - y[k mod n]; dq = 2 d / n; sq = d^2.
__global__ void criticLossGradKernel(int n, const float* q, const float* y, float* dq, float* sq) {
    const long long k = element();
    if (k >= 2LL * n) return;
    const float d = __fsub_rn(q[k], y[k % n]);
    dq[k] = __fdiv_rn(__fmul_rn(2.0f, d), (float) n);
    sq[k] = __fmul_rn(d, d);
}

__global__ void minQKernel(int n, const float* q, float scale, float* minQ, float* dq) {
    const long long i = element();
    if (i >= n) return;
    const float q1 = q[i], q2 = q[n + i];
    const bool first = q1 <= q2;
    minQ[i] = first ? q1 : q2;
    dq[i] = first ? scale : 0.0f;
    dq[n + i] = first ? 0.0f : scale;
}

// One thread: the actor-step scalars, then (learn) one Adam step of log alpha.
__global__ void sacTemperatureKernel(float* s, float targetEntropy, bool learn, float* logAlpha, float* m, float* v, float lr,
                                     float beta1, float beta2, float eps, int* step) {
    if (threadIdx.x != 0 || blockIdx.x != 0) return;
    const float al = s[3], meanLogp = s[6], meanMinQ = s[7];
    s[1] = __fsub_rn(__fmul_rn(al, meanLogp), meanMinQ);
    s[2] = __fmul_rn(-al, __fadd_rn(meanLogp, targetEntropy));
    s[4] = -meanLogp;
    if (learn) {
        const int t = step[0] + 1;
        step[0] = t;
        float p = logAlpha[0], mi = m[0], vi = v[0];
        adamUpdate(p, s[2], mi, vi, 0.0f, beta1, beta2, eps, adamScale(lr, beta1, beta2, t));
        m[0] = mi;
        v[0] = vi;
        logAlpha[0] = p;
    }
}

}  // namespace
}  // namespace vaml4j

using namespace vaml4j;

extern "C" {

VAML4J_JNI(tanhGaussian)(JNIEnv* env, jclass, jlong s, jint rows, jint a, jlong out, jlong eps, jfloat logStdMin,
                         jfloat logStdMax, jlong action, jlong logProb) {
    if (rows <= 0) return;
    launch(tanhGaussianKernel, gridFor(rows), dim3(THREADS), stream(s), rows, a, ptr<const float>(out), ptr<const float>(eps),
           logStdMin, logStdMax, ptr<float>(action), ptr<float>(logProb));
    checkLaunch(env, "tanhGaussian");
}

VAML4J_JNI(tanhGaussianBackward)(JNIEnv* env, jclass, jlong s, jint rows, jint a, jlong out, jlong eps, jfloat logStdMin,
                                 jfloat logStdMax, jlong action, jlong dAction, jint dActionStride, jlong alpha,
                                 jfloat logProbScale, jlong dOut) {
    if (rows <= 0 || a <= 0) return;
    launch(tanhGaussianBackwardKernel, gridFor((long long) rows * a), dim3(THREADS), stream(s), rows, a, ptr<const float>(out),
           ptr<const float>(eps), logStdMin, logStdMax, ptr<const float>(action), ptr<const float>(dAction), dActionStride,
           ptr<const float>(alpha), logProbScale, ptr<float>(dOut));
    checkLaunch(env, "tanhGaussianBackward");
}

VAML4J_JNI(criticTarget)(JNIEnv* env, jclass, jlong s, jint n, jlong q, jlong logProb, jlong reward, jlong notDone,
                         jlong alpha, jfloat gamma, jlong y) {
    if (n <= 0) return;
    launch(criticTargetKernel, gridFor(n), dim3(THREADS), stream(s), n, ptr<const float>(q), ptr<const float>(logProb),
           ptr<const float>(reward), ptr<const float>(notDone), ptr<const float>(alpha), gamma, ptr<float>(y));
    checkLaunch(env, "criticTarget");
}

VAML4J_JNI(criticLossGrad)(JNIEnv* env, jclass, jlong s, jint n, jlong q, jlong y, jlong dq, jlong sq) {
    if (n <= 0) return;
    launch(criticLossGradKernel, gridFor(2LL * n), dim3(THREADS), stream(s), n, ptr<const float>(q), ptr<const float>(y),
           ptr<float>(dq), ptr<float>(sq));
    checkLaunch(env, "criticLossGrad");
}

VAML4J_JNI(minQ)(JNIEnv* env, jclass, jlong s, jint n, jlong q, jfloat scale, jlong minQ, jlong dq) {
    if (n <= 0) return;
    launch(minQKernel, gridFor(n), dim3(THREADS), stream(s), n, ptr<const float>(q), scale, ptr<float>(minQ), ptr<float>(dq));
    checkLaunch(env, "minQ");
}

VAML4J_JNI(sacTemperature)(JNIEnv* env, jclass, jlong st, jlong s, jfloat targetEntropy, jboolean learn, jlong logAlpha,
                           jlong m, jlong v, jfloat lr, jfloat beta1, jfloat beta2, jfloat eps, jlong step) {
    launch(sacTemperatureKernel, dim3(1), dim3(1), stream(st), ptr<float>(s), targetEntropy, learn != JNI_FALSE,
           ptr<float>(logAlpha), ptr<float>(m), ptr<float>(v), lr, beta1, beta2, eps, ptr<int>(step));
    checkLaunch(env, "sacTemperature");
}

}  // extern "C"
