#!/bin/bash
# The kernels' checks on a GPU machine, in one go (about a minute of GPU time):
#   1. gemm_bench: every gemm tile against a double-precision reference, bit-identical tiles,
#      then GFLOP/s per tile (skip with BENCH=0);
#   2. HostDeviceTest and CudaDeviceTest against the native library LIB, with the JUnit console
#      launcher (no Maven needed on the GPU machine; build target/classes and target/test-classes
#      first, e.g. `mvn -q test-compile`, and carry them).
# Usage: native/bench/gpu_checks.sh LIB.so JUNIT_CONSOLE_STANDALONE.jar
#   (the jar: ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.10.2/...)
# Environment: JAVA_HOME (default: the java on PATH), NVCC (default nvcc), BENCH=0 to skip step 1.
set -u
cd "$(dirname "$0")/../.."
lib=${1:?"usage: $0 LIB.so JUNIT_CONSOLE_STANDALONE.jar"}
console=${2:?"usage: $0 LIB.so JUNIT_CONSOLE_STANDALONE.jar"}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
status=0

if [ "${BENCH:-1}" != 0 ]; then
    echo "== gemm_bench"
    out=${TMPDIR:-/tmp}/vaml4j_gemm_bench
    if "${NVCC:-nvcc}" -O3 -std=c++17 -gencode arch=compute_90,code=sm_90 -I"$java_home/include" -I"$java_home/include/linux" \
        native/src/gemm.cu native/bench/gemm_bench.cu -o "$out"; then
        timeout 300 "$out" || status=1
    else
        echo "gemm_bench: build failed"
        status=1
    fi
fi

echo "== HostDeviceTest, CudaDeviceTest against $lib"
log=${TMPDIR:-/tmp}/vaml4j_device_tests.log
timeout 600 "$java_home/bin/java" --add-modules=jdk.incubator.vector -Xmx8g -Xss4m -Dvaml4j.cuda.library="$lib" \
    -jar "$console" execute --class-path target/classes:target/test-classes \
    --select-class org.vaml4j.kernel.device.HostDeviceTest --select-class org.vaml4j.kernel.device.CudaDeviceTest \
    --details=tree --disable-banner --disable-ansi-colors 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
# a CudaDeviceTest that skipped (CUDA not usable: the reason is in the log) is a failure here
grep -Eq "\[ +0 tests aborted" "$log" || { echo "some tests were skipped: CUDA not usable?"; status=1; }
exit $status
