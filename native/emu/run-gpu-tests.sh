#!/usr/bin/env bash
# Runs the gpu-tagged tests against the CPU emulation of CUDA (native/emu/README.md): builds
# target/native-emu/libvaml4j_cuda_emu.so, then runs Maven with the forked test JVM loading it.
#   native/emu/run-gpu-tests.sh [MAVEN ARGS...]
#   native/emu/run-gpu-tests.sh -Dtest=CudaDeviceTest            # one class
#   VAML4J_EMU_ORDER=reverse native/emu/run-gpu-tests.sh         # emulation settings: environment
# The library reaches the test JVM through the pom's test.argLine property (the surefire argLine
# is configured as ${test.argLine}, so -DargLine would be ignored); the value below is the pom's
# own plus -Dvaml4j.cuda.library. EMU_JVM_ARGS adds more JVM arguments.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$(dirname "$here")")"
"$here/build.sh" "$root/target/native-emu"
lib="$root/target/native-emu/libvaml4j_cuda_emu.so"
cd "$root"
exec mvn -Dgroups=gpu -DexcludedGroups=learning,bench -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dtest.argLine=--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx2g -Xss4m -Dvaml4j.cuda.library=$lib ${EMU_JVM_ARGS:-}" \
  "$@" test
