#!/usr/bin/env bash
# Builds libvaml4j_cuda.so from every native/src/*.cu: each file compiled to an object (in
# parallel, one job per core, only the files that changed), then one nvcc link with the CUDA
# runtime linked statically. Usage:
#   native/build.sh [OUTPUT_DIR]   (default: target/classes/org/vaml4j/native/linux-x86_64)
# Does nothing when the library is newer than every source, header and this script. Without nvcc
# it prints one warning and exits 0 (the jar then carries no library; Cuda.status() says so),
# unless VAML4J_REQUIRE_NATIVE=1. NVCC and JAVA_HOME override the tools found on the PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
script="$here/build.sh"
out="${1:-$root/target/classes/org/vaml4j/native/linux-x86_64}"
lib="$out/libvaml4j_cuda.so"
objects="$root/target/native"   # object files and the list of sources they came from

nvcc="${NVCC:-$(command -v nvcc || true)}"
if [ -z "$nvcc" ] && [ -x /usr/local/cuda/bin/nvcc ]; then nvcc=/usr/local/cuda/bin/nvcc; fi
if [ -n "$nvcc" ] && [ ! -x "$nvcc" ]; then
  echo "native/build.sh: error: NVCC=$nvcc is not an executable" >&2
  exit 1
fi
if [ -z "$nvcc" ]; then
  if [ "${VAML4J_REQUIRE_NATIVE:-0}" = "1" ]; then
    echo "native/build.sh: error: nvcc not found and VAML4J_REQUIRE_NATIVE=1" >&2
    exit 1
  fi
  echo "native/build.sh: warning: nvcc not found; the jar carries no CUDA library (run.kernels=cuda will say so)" >&2
  exit 0
fi

shopt -s nullglob
sources=("$here"/src/*.cu)
headers=("$here"/src/*.cuh "$here"/src/*.h)
if [ ${#sources[@]} -eq 0 ]; then
  echo "native/build.sh: error: no .cu files in $here/src" >&2
  exit 1
fi
list="$(printf '%s\n' "${sources[@]##*/}")"
# newer TARGET FILE...: is any FILE newer than TARGET?
newer() { local t="$1"; shift; [ -n "$(find "$@" -newer "$t" -print -quit)" ]; }
if [ -f "$lib" ] && ! newer "$lib" "${sources[@]}" "${headers[@]}" "$script" \
    && [ "$list" = "$(cat "$objects/sources.list" 2>/dev/null)" ]; then
  exit 0   # up to date
fi

if [ -z "${JAVA_HOME:-}" ]; then
  javac="$(command -v javac || true)"
  if [ -z "$javac" ]; then
    echo "native/build.sh: error: neither JAVA_HOME nor javac found (the JNI headers are needed)" >&2
    exit 1
  fi
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$javac")")")"
fi
if [ ! -f "$JAVA_HOME/include/jni.h" ]; then
  echo "native/build.sh: error: $JAVA_HOME/include/jni.h not found (JAVA_HOME must be a JDK)" >&2
  exit 1
fi

flags=(-O3 -std=c++17 -Xcompiler -fPIC,-fvisibility=hidden
       -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90
       -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" -I"$here/src")
mkdir -p "$objects" "$out"
jobs="$(nproc 2>/dev/null || echo 2)"
running=0 failed=0
for src in "${sources[@]}"; do
  target="$objects/$(basename "$src" .cu).o"
  if [ -f "$target" ] && ! newer "$target" "$src" "${headers[@]}" "$script"; then continue; fi
  if (( running >= jobs )); then wait -n || failed=1; running=$((running - 1)); fi
  "$nvcc" "${flags[@]}" -c "$src" -o "$target.tmp" && mv -f "$target.tmp" "$target" &
  running=$((running + 1))
done
while (( running > 0 )); do wait -n || failed=1; running=$((running - 1)); done
if (( failed )); then
  echo "native/build.sh: error: CUDA compilation failed (see above)" >&2
  exit 1
fi

objs=()
for src in "${sources[@]}"; do objs+=("$objects/$(basename "$src" .cu).o"); done
"$nvcc" -shared -cudart static -o "$lib.tmp" "${objs[@]}"
mv -f "$lib.tmp" "$lib"
printf '%s\n' "$list" > "$objects/sources.list"
echo "native/build.sh: built $lib from ${#sources[@]} source file(s)" >&2
