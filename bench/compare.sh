#!/usr/bin/env bash
# Runs the PyTorch anchor (tuned variant) and vaml4j's engine benchmark on the same workloads in
# the same time window, interleaved per thread count, and prints time ratios ours/torch.
#
#   bench/compare.sh [--threads 1,2] [--only A,B] [--rounds N]
#
# Torch: anchors/torch/bench.py with the tuned environment of anchors/torch/run.sh
# (OpenMP OpenBLAS; OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset; glibc malloc kept from returning
# big buffers; ATEN_CPU_CAPABILITY=avx512 when the CPU has avx512f, else avx2: torch 1.13 dies
# with "Illegal instruction" when asked for avx512 on a CPU without it). Installs the
# anchor with anchors/torch/setup.sh (needs root) when no python3 can import torch.
# Output: both raw CSVs (in $OUT_DIR, default /tmp/vaml4j-compare), then one line per
# (threads, workload): median ms of each side and the ratio ours/torch (< 1: we are faster).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anchors="${ANCHORS:-$root/../shared/anchors/torch}"
threads=1,2; only=SAC_UPDATE,GEMM_256x200x200,GEMM_1024x1024x1024,BMM_7x256x200x200; rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "compare.sh: unknown option $1 (options: --threads, --only, --rounds)" >&2; exit 2 ;;
  esac
done
out="${OUT_DIR:-/tmp/vaml4j-compare}"; mkdir -p "$out"

py=""
for cand in ${PYTHON:-} /usr/bin/python3 $(type -ap python3 || true); do
  if "$cand" -c "import torch" 2>/dev/null; then py="$cand"; break; fi
done
if [ -z "$py" ]; then
  echo "compare.sh: installing the torch anchor ($anchors/setup.sh)" >&2
  bash "$anchors/setup.sh" >&2
  py=/usr/bin/python3
fi

keep_malloc="glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295"
aten=avx2; grep -q -m1 avx512f /proc/cpuinfo && aten=avx512
: > "$out/torch.csv"; : > "$out/ours.csv"
for r in $(seq "$rounds"); do
  for t in ${threads//,/ }; do
    (cd "$anchors" && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE GLIBC_TUNABLES="$keep_malloc" \
      ATEN_CPU_CAPABILITY=$aten BENCH_LABEL=torch-tuned "$py" bench.py --threads "$t" --only "$only") \
      | tee -a "$out/torch.csv" | grep -v '^#' >&2 || true
    "$root/bin/vaml4j" bench --threads "$t" --only "$only" --label vaml4j \
      | tee -a "$out/ours.csv" | grep -v '^#' >&2
  done
done

# ratio of medians per (threads, workload); with several rounds, the median over rounds of each side
awk -F, '
  $1 == "label" || /^#/ { next }
  FILENAME ~ /torch/ { t[$2 "," $3] = t[$2 "," $3] " " $4; next }
  { o[$2 "," $3] = o[$2 "," $3] " " $4 }
  function med(s,   a, n, i, j, x) { n = split(s, a, " "); for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    printf "%-8s %-22s %12s %12s %8s\n", "threads", "workload", "ours_ms", "torch_ms", "ratio"
    for (k in o) if (k in t) { split(k, kk, ","); a = med(o[k]); b = med(t[k]); printf "%-8s %-22s %12.3f %12.3f %8.2f\n", kk[1], kk[2], a, b, a / b }
  }' "$out/torch.csv" "$out/ours.csv" | sort
