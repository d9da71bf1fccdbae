#!/usr/bin/env bash
# Replays the MuJoCo reference harness's trajectory protocol on vaml4j's simulator for every task
# (random LCG actions and zero actions, 200 env steps from the default state) and prints, per file,
# the max |difference| of qpos/qvel against MuJoCo, the first step where it exceeds 1e-6, the max
# reward difference and the number of rows whose terminated flag differs.
#
# usage: bench/compare-mujoco.sh [--ref DIR | --mujoco BENCH_BINARY [--models DIR]] [--tasks "a b"] [--out DIR]
#   --ref DIR      reference CSVs (default: the copies in src/test/resources/org/vaml4j/sim/trajectories)
#   --mujoco BIN   regenerate the references with the harness binary (anchors/mujoco/build.sh) first
#   --models DIR   the harness's model directory (default: BIN's directory + /models)
#   --out DIR      where our CSVs go (default: a temporary directory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="$root/src/test/resources/org/vaml4j/sim/trajectories"
tasks="swimmer reacher inverted_pendulum inverted_double_pendulum"
out=""; mujoco=""; models=""
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) ref="$2"; shift 2 ;;
    --mujoco) mujoco="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    --tasks) tasks="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || out="$(mktemp -d)"
mkdir -p "$out"
if [ -n "$mujoco" ]; then
  ref="$out/mujoco"; mkdir -p "$ref"
  [ -n "$models" ] || models="$(dirname "$mujoco")/models"
  "$mujoco" -m "$models" -t "$(echo $tasks | tr ' ' ',')" --traj "$ref" --no-bench >/dev/null
fi

compare() { # ours.csv ref.csv
  awk -F, '
    FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; if (NR == FNR) { n = NF; for (i = 1; i <= NF; i++) name[i] = $i }; next }
    NR == FNR { for (i = 1; i <= NF; i++) ours[FNR, i] = $i; rows = FNR; next }
    {
      for (i = 1; i <= n; i++) {
        h = name[i]; j = col[FILENAME, h]
        if (j == "") continue
        d = ours[FNR, i] - $j; if (d < 0) d = -d
        if (h ~ /^q(pos|vel)/) { if (d > smax) smax = d; if (d > 1e-6 && first == "") first = FNR - 2 }
        if (h == "reward" && d > rmax) rmax = d
        if (h == "terminated" && d != 0) tdiff++
      }
    }
    END { printf "%-10.3g %-12s %-10.3g %d\n", smax, (first == "" ? "never" : first), rmax, tdiff + 0 }
  ' "$1" "$2"
}

printf "%-34s %-10s %-12s %-10s %s\n" "file" "max|dq|" ">1e-6 from" "max|dr|" "terminated-diff"
for t in $tasks; do
  for suffix in "" "_passive"; do
    flag=""; [ -n "$suffix" ] && flag="--passive"
    "$root/bin/vaml4j" sim rollout --task "$t" --steps 200 --seed 12345 $flag --out "$out/$t$suffix.csv" >/dev/null
    printf "%-34s %s\n" "$t$suffix" "$(compare "$out/$t$suffix.csv" "$ref/$t$suffix.csv")"
  done
done
echo "(ours: $out; reference: $ref)"
