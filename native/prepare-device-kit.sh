#!/usr/bin/env bash
# Prepares, on a CPU machine, everything the GPU machine needs for native/check-device.sh in one
# ignored folder (default .devicekit/, which the device tool carries): a jlinked Java runtime (the
# GPU machine has none), the jar with the CUDA library inside, the test classes, the JUnit console
# launcher, the gemm check (native/bench/gemm_bench.cu) and a copy of the PyTorch anchors
# (../shared does not travel).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kit="${1:-$root/.devicekit}"
jdk="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
anchors="${ANCHORS:-$root/../shared/anchors/torch}"
junit="${JUNIT_CONSOLE:-$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.10.2/junit-platform-console-standalone-1.10.2.jar}"
mkdir -p "$kit"
cd "$root"
VAML4J_REQUIRE_NATIVE=1 mvn -q -B -DskipTests package test-compile
jar="$(ls target/vaml4j-*.jar | grep -v -E 'original|sources|javadoc' | head -n 1)"
unzip -l "$jar" | grep -c libvaml4j_cuda.so > /dev/null || { echo "prepare-device-kit: $jar carries no CUDA library" >&2; exit 1; }
cp "$jar" "$kit/vaml4j.jar"
# the stand-alone gemm check and tile benchmark (static CUDA runtime: runs where no toolkit is installed)
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
"${NVCC:-nvcc}" -O3 -std=c++17 -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90 \
  -I"$java_home/include" -I"$java_home/include/linux" native/src/gemm.cu native/bench/gemm_bench.cu -o "$kit/gemm_bench"
rm -rf "$kit/test-classes" && cp -r target/test-classes "$kit/test-classes"
[ -f "$junit" ] || mvn -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:1.10.2
cp "$junit" "$kit/junit-console.jar"
if [ ! -f "$kit/jre.tar.xz" ]; then
  tmp="$(mktemp -d)"
  "$jdk/bin/jlink" --add-modules java.base,java.logging,java.xml,java.management,jdk.management,jdk.incubator.vector,jdk.unsupported,java.naming \
    --compress zip-9 --strip-debug --no-header-files --no-man-pages --output "$tmp/jre"
  (cd "$tmp" && tar -cJf "$kit/jre.tar.xz" jre)
  rm -rf "$tmp"
fi
rm -rf "$kit/torch" && mkdir -p "$kit/torch" && cp "$anchors/bench.py" "$kit/torch/" && cp -r "$anchors/gpu" "$kit/torch/gpu"
du -sh "$kit"
