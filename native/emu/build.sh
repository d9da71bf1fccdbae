#!/usr/bin/env bash
# Builds libvaml4j_cuda_emu.so: the UNCHANGED native/src/*.cu (kernels and runtime.cu's JNI
# functions) compiled as C++ with g++ against the CPU emulation of CUDA in native/emu (see
# native/emu/README.md), then builds and runs the emulation's own self-test.
#   native/emu/build.sh [OUTPUT_DIR]     (default: target/native-emu)
# Environment: CXX (default g++), JAVA_HOME (default: from javac), VAML4J_EMU_DEBUG=1 (-O0, for gdb),
# VAML4J_EMU_SELFTEST=0 (skip the self-test).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
native="$(dirname "$here")"
root="$(dirname "$native")"
out="${1:-$root/target/native-emu}"
cxx="${CXX:-g++}"
lib="$out/libvaml4j_cuda_emu.so"
objects="$out/obj"

if [ -z "${JAVA_HOME:-}" ]; then
  javac="$(command -v javac || true)"
  if [ -z "$javac" ]; then
    echo "native/emu/build.sh: error: neither JAVA_HOME nor javac found (the JNI headers are needed)" >&2
    exit 1
  fi
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$javac")")")"
fi
if [ ! -f "$JAVA_HOME/include/jni.h" ]; then
  echo "native/emu/build.sh: error: $JAVA_HOME/include/jni.h not found (JAVA_HOME must be a JDK)" >&2
  exit 1
fi

# IEEE semantics as on the GPU: no contraction of a*b+c into an fma (the kernels' __fmaf_rn are
# the only fmas), no fast math. -fno-strict-aliasing: the kernels read floats through float4
# pointers, which nvcc allows. No _FORTIFY_SOURCE: a fault in a kernel siglongjmps from a fiber's
# stack back to the scheduler, which longjmp_chk would refuse.
flags=(-std=c++20 -fPIC -fvisibility=hidden -g -pthread
       -ffp-contract=off -fno-fast-math -fno-strict-aliasing -fno-math-errno -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=0
       -Wall -Wextra -Wno-unknown-pragmas -Wno-unused-parameter
       -DVAML4J_EMULATE -I"$here/include" -I"$native/src" -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux")
if [ "${VAML4J_EMU_DEBUG:-0}" = 1 ]; then
  flags+=(-O0)
else
  flags+=(-O2)
  # the fmas of the products in one instruction where the CPU has it (same bits as a libm fmaf)
  if grep -qw fma /proc/cpuinfo 2>/dev/null && grep -qw avx2 /proc/cpuinfo 2>/dev/null; then flags+=(-march=x86-64-v3); fi
fi

mkdir -p "$objects"
sources=("$native"/src/*.cu "$here/runtime_emu.cpp")
jobs="$(nproc 2>/dev/null || echo 2)"
running=0 failed=0
objs=()
for src in "${sources[@]}"; do
  name="$(basename "$src")"
  obj="$objects/${name%.*}.o"
  objs+=("$obj")
  lang=c++
  ( "$cxx" "${flags[@]}" -x "$lang" -c "$src" -o "$obj.tmp" && mv -f "$obj.tmp" "$obj" ) &
  running=$((running + 1))
  if (( running >= jobs )); then wait -n || failed=1; running=$((running - 1)); fi
done
while (( running > 0 )); do wait -n || failed=1; running=$((running - 1)); done
if (( failed )); then
  echo "native/emu/build.sh: error: compilation failed (see above)" >&2
  exit 1
fi
"$cxx" -shared -pthread -o "$lib.tmp" "${objs[@]}" -ldl
mv -f "$lib.tmp" "$lib"
echo "native/emu/build.sh: built $lib" >&2

if [ "${VAML4J_EMU_SELFTEST:-1}" != 0 ]; then
  "$cxx" "${flags[@]}" -o "$out/emu_selftest" "$here/selftest.cpp" "$objects/runtime_emu.o" -ldl
  "$out/emu_selftest" 2>/dev/null
  # the other fiber switch and thread orders must give the same answers
  for mode in VAML4J_EMU_SWITCH=ucontext VAML4J_EMU_ORDER=reverse VAML4J_EMU_ORDER=shuffle:7; do
    if ! env "$mode" "$out/emu_selftest" >"$out/emu_selftest.log" 2>&1; then
      cat "$out/emu_selftest.log"
      echo "native/emu/build.sh: error: the self-test failed with $mode" >&2
      exit 1
    fi
    echo "self-test passed with $mode"
  done
  if ! VAML4J_EMU_RACECHECK=1 "$out/emu_selftest" race >"$out/emu_selftest.log" 2>&1; then
    cat "$out/emu_selftest.log"
    echo "native/emu/build.sh: error: the race self-test failed" >&2
    exit 1
  fi
  echo "race self-test passed (VAML4J_EMU_RACECHECK=1)"
fi
