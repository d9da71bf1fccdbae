#!/usr/bin/env bash
# Everything a GPU machine is needed for, in one call (see native/README.md): unpack the carried
# Java runtime, check and time the gemm tiles, run the gpu-tagged tests, time our device workloads and the PyTorch GPU anchors in
# the same call, time an MBPO Hopper epoch on the GPU, and print one table.
#   usage (on the GPU machine, from the repository root): native/check-device.sh [KIT] [OUT]
# KIT is what native/prepare-device-kit.sh made (default .devicekit); logs go to OUT (default $OUT or /tmp/vaml4j-device).
set -uo pipefail
kit="${1:-.devicekit}"
out="${2:-${OUT:-/tmp/vaml4j-device}}"
mkdir -p "$out"
step() { echo; echo "==== $* ($(date +%T))"; }

step "gpu"
nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,utilization.gpu --format=csv 2>&1 | tee "$out/gpu.txt"
lscpu | grep -E "Model name|^CPU\(s\)|Flags" | sed 's/Flags:.*\(avx512f\).*/Flags: ... avx512f .../' | tee -a "$out/gpu.txt"

step "java runtime"
rm -rf /tmp/jre && tar -xJf "$kit/jre.tar.xz" -C /tmp || exit 1
java=(/tmp/jre/bin/java --add-modules jdk.incubator.vector -Xmx16g)
"${java[@]}" -jar "$kit/vaml4j.jar" info 2>&1 | tee "$out/info.txt"

step "gemm tiles (native/bench/gemm_bench.cu: each tile against a double reference, then GFLOP/s)"
timeout 120 "$kit/gemm_bench" 2>&1 | tee "$out/gemm.txt"
gemm_rc=${PIPESTATUS[0]}

step "gpu tests"
cp="$kit/junit-console.jar:$kit/test-classes:$kit/vaml4j.jar"
timeout "${TEST_TIMEOUT:-300}" "${java[@]}" -cp "$cp" org.junit.platform.console.ConsoleLauncher execute --disable-banner \
  --details=tree --include-tag gpu --scan-classpath "$kit/test-classes" 2>&1 | tee "$out/tests.txt" | tail -80
tests_rc=${PIPESTATUS[0]}
echo "gpu tests exit code: $tests_rc"

step "vaml4j device bench"
timeout "${BENCH_TIMEOUT:-240}" "${java[@]}" -jar "$kit/vaml4j.jar" bench --set run.kernels=cuda --iters 30 --warmup 10 2>&1 | tee "$out/ours.csv"

if [ "${SKIP_TORCH:-0}" != 1 ]; then
step "torch anchors (same call)"
(cd "$kit/torch" && PYTHONUNBUFFERED=1 timeout 200 python3 gpu/graph_bench.py) 2>&1 | tee "$out/torch-graph.txt"
(cd "$kit/torch" && PYTHONUNBUFFERED=1 timeout 200 python3 gpu/bench_gpu.py --only SAC_UPDATE,ENSEMBLE_TRAIN,VALUE_GRAD_7x256,ENSEMBLE_PREDICT_FULL,GEMM_1024x1024x1024,GEMM_4096x4096x4096,GEMM_256x200x200,BMM_7x256x200x200,BMM_7x100000x200x200 \
  || python3 gpu/bench_gpu.py) 2>&1 | tee "$out/torch-eager.csv"
fi

if [ "${SKIP_MBPO:-0}" != 1 ]; then
  step "MBPO Hopper epoch on the GPU"
  timeout "${MBPO_TIMEOUT:-240}" "${java[@]}" -jar "$kit/vaml4j.jar" bench --only MBPO_EPOCH --env hopper --data-epochs 10 \
    --warmup-epochs 1 --epochs 1 --set run.kernels=cuda --set run.threads=16 2>&1 | tee "$out/mbpo.txt"
fi

step "table"
python3 - "$out" <<'PY'
import csv, re, sys, os
out = sys.argv[1]
ours = {}
for line in open(os.path.join(out, "ours.csv")):
    f = line.strip().split(",")
    if len(f) >= 4 and f[0].startswith("vaml4j") and f[1] == "0":
        ours[f[2]] = float(f[3])
graph = {}
for line in (open(os.path.join(out, "torch-graph.txt")) if os.path.exists(os.path.join(out, "torch-graph.txt")) else []):
    m = re.match(r"(SAC_UPDATE|ENSEMBLE_TRAIN) cuda-graph: ([0-9.]+) ms", line)
    if m: graph[m.group(1)] = float(m.group(2))
eager = {}
for line in (open(os.path.join(out, "torch-eager.csv")) if os.path.exists(os.path.join(out, "torch-eager.csv")) else []):
    f = line.strip().split(",")
    if len(f) >= 4:
        try: eager[f[2]] = float(f[3])
        except ValueError: pass
print("%-24s %12s %14s %14s %10s" % ("workload", "ours ms", "torch graph", "torch eager", "ours/best"))
for w in sorted(set(ours) | set(graph) | set(eager)):
    o, g, e = ours.get(w), graph.get(w), eager.get(w)
    best = g if g is not None else e
    ratio = "%.2f" % (o / best) if o is not None and best else ""
    fmt = lambda v: "%.4f" % v if v is not None else "-"
    print("%-24s %12s %14s %14s %10s" % (w, fmt(o), fmt(g), fmt(e), ratio))
PY
echo "gemm check exit code: $gemm_rc, gpu tests exit code: $tests_rc"
[ "$gemm_rc" = 0 ] && exit $tests_rc
exit 1
