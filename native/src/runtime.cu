// The runtime half of CudaNative: probe, streams, memory, transfers, graphs. The kernels live in
// the other .cu files of this directory.
//
// Transfers cross JNI once: the stream is synchronized first (earlier kernels have finished and
// their faults are reported here), then the Java array is pinned with GetPrimitiveArrayCritical
// for the copy alone and cudaMemcpyAsync reads or writes it directly; the driver stages pageable
// memory itself, so there is no second host copy and no staging buffer to own. The garbage
// collector waits only while that copy runs; no other JNI call happens inside the critical region.
#include "common.cuh"

#include <string>

namespace {

using vaml4j::stream;

// Reports err (true when it is one) and clears the runtime's last error, so that a later launch
// check does not report this failure a second time.
bool fail(JNIEnv* env, const char* where, cudaError_t err) {
    if (err == cudaSuccess) return false;
    (void) cudaGetLastError();
    vaml4j::throwCuda(env, where, err);
    return true;
}

void throwArgument(JNIEnv* env, const char* msg) {
    jclass cls = env->FindClass("java/lang/IllegalArgumentException");
    if (cls != nullptr) env->ThrowNew(cls, msg);
}

// True (and an IllegalArgumentException thrown) when a handle is null.
bool missing(JNIEnv* env, jlong handle, const char* what) {
    if (handle != 0) return false;
    throwArgument(env, what);
    return true;
}

// An empty kernel: probe asks the runtime for its attributes, which loads this library's GPU code
// for the device and so proves it can run there (sm_90 machine code or its compute_90 PTX).
__global__ void probeKernel() {}

std::string versionText(int v) { return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10); }

std::string errorText(cudaError_t err) {
    return std::string(cudaGetErrorString(err)) + " (" + cudaGetErrorName(err) + ")";
}

// Why CUDA is not usable here, or "" when it is; fills the device fields on the way.
std::string probeDevice(cudaDeviceProp& prop, size_t& freeBytes, size_t& totalBytes, int driver, int runtime) {
    int count = 0;
    cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess) {
        if (driver == 0) return "no NVIDIA driver found: cudaGetDeviceCount says " + errorText(err);
        if (err == cudaErrorInsufficientDriver) {
            return "the NVIDIA driver supports CUDA " + versionText(driver) + ", this library needs " + versionText(runtime)
                    + " or newer: " + errorText(err);
        }
        return "cudaGetDeviceCount: " + errorText(err);
    }
    if (count == 0) return "no CUDA device found";
    if ((err = cudaSetDevice(0)) != cudaSuccess) return "cudaSetDevice(0): " + errorText(err);
    if ((err = cudaGetDeviceProperties(&prop, 0)) != cudaSuccess) return "cudaGetDeviceProperties: " + errorText(err);
    cudaFuncAttributes attr;
    if ((err = cudaFuncGetAttributes(&attr, probeKernel)) != cudaSuccess) {
        return std::string("this library's GPU code (sm_90, compute_90 PTX) cannot run on ") + prop.name + " (compute capability "
                + std::to_string(prop.major) + "." + std::to_string(prop.minor) + "): " + errorText(err);
    }
    if ((err = cudaMemGetInfo(&freeBytes, &totalBytes)) != cudaSuccess) return "cudaMemGetInfo: " + errorText(err);
    return "";
}

// Copies n elements host -> device (toDevice) or device -> host, after the stream has drained.
template <typename Array, typename T>
void transfer(JNIEnv* env, jlong s, Array array, jint off, jlong device, jint n, bool toDevice, const char* what) {
    if (array == nullptr) {
        throwArgument(env, "transfer: null array");
        return;
    }
    if (missing(env, s, "transfer: null stream") || missing(env, device, "transfer: null device pointer")) return;
    jsize length = env->GetArrayLength(array);
    if (off < 0 || n < 0 || (jlong) off + n > length) {
        throwArgument(env, "transfer: host range outside the array");
        return;
    }
    if (n == 0) return;
    if (fail(env, "cudaStreamSynchronize before a transfer", cudaStreamSynchronize(stream(s)))) return;
    void* host = env->GetPrimitiveArrayCritical(array, nullptr);
    if (host == nullptr) return;   // OutOfMemoryError pending
    T* h = static_cast<T*>(host) + off;
    T* d = vaml4j::ptr<T>(device);
    size_t bytes = (size_t) n * sizeof(T);
    cudaError_t err = toDevice ? cudaMemcpyAsync(d, h, bytes, cudaMemcpyHostToDevice, stream(s))
                               : cudaMemcpyAsync(h, d, bytes, cudaMemcpyDeviceToHost, stream(s));
    if (err == cudaSuccess) err = cudaStreamSynchronize(stream(s));
    env->ReleasePrimitiveArrayCritical(array, host, toDevice ? JNI_ABORT : 0);
    fail(env, what, err);
}

}  // namespace

extern "C" {

VAML4J_JNI_T(jobjectArray, probe)(JNIEnv* env, jclass) {
    int driver = 0, runtime = 0;
    (void) cudaDriverGetVersion(&driver);
    (void) cudaRuntimeGetVersion(&runtime);
    cudaDeviceProp prop{};
    size_t freeBytes = 0, totalBytes = 0;
    std::string reason = probeDevice(prop, freeBytes, totalBytes, driver, runtime);
    (void) cudaGetLastError();   // a failed probe leaves nothing for a later launch check to find
    bool ok = reason.empty();
    std::string fields[9] = {
        ok ? "ok" : reason,
        ok ? prop.name : "",
        std::to_string(totalBytes),
        std::to_string(freeBytes),
        std::to_string(ok ? prop.major : 0),
        std::to_string(ok ? prop.minor : 0),
        std::to_string(driver),
        std::to_string(runtime),
        std::to_string(ok ? prop.multiProcessorCount : 0),
    };
    jclass stringClass = env->FindClass("java/lang/String");
    if (stringClass == nullptr) return nullptr;
    jobjectArray out = env->NewObjectArray(9, stringClass, nullptr);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < 9; i++) {
        jstring s = env->NewStringUTF(fields[i].c_str());
        if (s == nullptr) return nullptr;
        env->SetObjectArrayElement(out, i, s);
        env->DeleteLocalRef(s);
    }
    return out;
}

VAML4J_JNI_T(jlong, createStream)(JNIEnv* env, jclass) {
    if (fail(env, "cudaSetDevice(0)", cudaSetDevice(0))) return 0;
    cudaStream_t s = nullptr;
    if (fail(env, "cudaStreamCreateWithFlags", cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking))) return 0;
    return reinterpret_cast<jlong>(s);
}

VAML4J_JNI(destroyStream)(JNIEnv* env, jclass, jlong s) {
    if (missing(env, s, "destroyStream: null stream")) return;
    fail(env, "cudaStreamDestroy", cudaStreamDestroy(stream(s)));
}

VAML4J_JNI_T(jlong, malloc)(JNIEnv* env, jclass, jlong bytes) {
    if (bytes <= 0) {
        throwArgument(env, "malloc: bytes must be positive");
        return 0;
    }
    void* p = nullptr;
    char where[64];
    std::snprintf(where, sizeof where, "cudaMalloc(%lld bytes)", (long long) bytes);
    if (fail(env, where, cudaMalloc(&p, (size_t) bytes))) return 0;
    // cudaMemset runs on the legacy default stream, which a non-blocking stream does not wait
    // for: wait here, so the zeros are in place before any kernel can read them.
    cudaError_t err = cudaMemset(p, 0, (size_t) bytes);
    if (err == cudaSuccess) err = cudaStreamSynchronize(0);
    if (fail(env, "cudaMemset after cudaMalloc", err)) {
        cudaFree(p);
        return 0;
    }
    return reinterpret_cast<jlong>(p);
}

VAML4J_JNI(free)(JNIEnv* env, jclass, jlong p) {
    if (missing(env, p, "free: null device pointer")) return;
    fail(env, "cudaFree", cudaFree(vaml4j::ptr<void>(p)));
}

VAML4J_JNI(uploadFloats)(JNIEnv* env, jclass, jlong s, jfloatArray src, jint off, jlong dst, jint n) {
    transfer<jfloatArray, jfloat>(env, s, src, off, dst, n, true, "upload floats (cudaMemcpyAsync)");
}

VAML4J_JNI(uploadInts)(JNIEnv* env, jclass, jlong s, jintArray src, jint off, jlong dst, jint n) {
    transfer<jintArray, jint>(env, s, src, off, dst, n, true, "upload ints (cudaMemcpyAsync)");
}

VAML4J_JNI(uploadLongs)(JNIEnv* env, jclass, jlong s, jlongArray src, jint off, jlong dst, jint n) {
    transfer<jlongArray, jlong>(env, s, src, off, dst, n, true, "upload longs (cudaMemcpyAsync)");
}

VAML4J_JNI(downloadFloats)(JNIEnv* env, jclass, jlong s, jlong src, jfloatArray dst, jint off, jint n) {
    transfer<jfloatArray, jfloat>(env, s, dst, off, src, n, false, "download floats (cudaMemcpyAsync)");
}

VAML4J_JNI(downloadInts)(JNIEnv* env, jclass, jlong s, jlong src, jintArray dst, jint off, jint n) {
    transfer<jintArray, jint>(env, s, dst, off, src, n, false, "download ints (cudaMemcpyAsync)");
}

VAML4J_JNI(downloadLongs)(JNIEnv* env, jclass, jlong s, jlong src, jlongArray dst, jint off, jint n) {
    transfer<jlongArray, jlong>(env, s, dst, off, src, n, false, "download longs (cudaMemcpyAsync)");
}

VAML4J_JNI(copy)(JNIEnv* env, jclass, jlong s, jlong src, jlong dst, jlong bytes) {
    if (missing(env, s, "copy: null stream") || missing(env, src, "copy: null source") || missing(env, dst, "copy: null target")) return;
    if (bytes < 0) {
        throwArgument(env, "copy: negative byte count");
        return;
    }
    if (bytes == 0) return;
    fail(env, "copy (cudaMemcpyAsync device to device)",
         cudaMemcpyAsync(vaml4j::ptr<void>(dst), vaml4j::ptr<void>(src), (size_t) bytes, cudaMemcpyDeviceToDevice, stream(s)));
}

VAML4J_JNI(synchronize)(JNIEnv* env, jclass, jlong s) {
    if (missing(env, s, "synchronize: null stream")) return;
    fail(env, "cudaStreamSynchronize", cudaStreamSynchronize(stream(s)));
}

// ThreadLocal mode: a capture forbids the unsafe calls (cudaMalloc, synchronous copies, ...) on
// the capturing thread only. Global mode would also make such calls fail on every other thread
// of the process for the whole capture (another CudaDevice allocating, Cuda probing); Relaxed
// would not catch them on the capturing thread either.
VAML4J_JNI(beginCapture)(JNIEnv* env, jclass, jlong s) {
    if (missing(env, s, "beginCapture: null stream")) return;
    fail(env, "cudaStreamBeginCapture", cudaStreamBeginCapture(stream(s), cudaStreamCaptureModeThreadLocal));
}

VAML4J_JNI_T(jlong, endCapture)(JNIEnv* env, jclass, jlong s) {
    if (missing(env, s, "endCapture: null stream")) return 0;
    cudaGraph_t graph = nullptr;
    cudaError_t err = cudaStreamEndCapture(stream(s), &graph);   // ends even an invalidated capture
    if (err != cudaSuccess) {
        if (graph != nullptr) cudaGraphDestroy(graph);
        fail(env, "cudaStreamEndCapture", err);
        return 0;
    }
    cudaGraphExec_t exec = nullptr;
    err = cudaGraphInstantiate(&exec, graph, 0);
    cudaError_t destroyed = cudaGraphDestroy(graph);   // the executable graph does not need its template
    if (fail(env, "cudaGraphInstantiate", err)) return 0;
    if (fail(env, "cudaGraphDestroy", destroyed)) {
        cudaGraphExecDestroy(exec);
        return 0;
    }
    return reinterpret_cast<jlong>(exec);
}

VAML4J_JNI(replay)(JNIEnv* env, jclass, jlong s, jlong graph) {
    if (missing(env, s, "replay: null stream") || missing(env, graph, "replay: null graph")) return;
    fail(env, "cudaGraphLaunch", cudaGraphLaunch(reinterpret_cast<cudaGraphExec_t>(graph), stream(s)));
}

VAML4J_JNI(destroyGraph)(JNIEnv* env, jclass, jlong graph) {
    if (missing(env, graph, "destroyGraph: null graph")) return;
    fail(env, "cudaGraphExecDestroy", cudaGraphExecDestroy(reinterpret_cast<cudaGraphExec_t>(graph)));
}

}  // extern "C"
