#!/usr/bin/env bash
# Statistical comparison of the contact tasks with MuJoCo under the reference harness's random-action
# protocol: completed episodes, mean episode length, mean reward per env step, mean contacts, deepest
# penetration, for hopper, walker2d, half_cheetah, ant; and the env step at which the passive Hopper
# terminates. Prints both sides (see bench/src/org/vaml4j/bench/ContactStats.java).
#
# usage: bench/contact-stats.sh [--mujoco BENCH_BINARY [--models DIR]] [--tasks a,b] [--steps N] [--seeds S]
#   --seeds S: both sides run seeds 1..S (N steps each); "+-se" = standard error of the mean episode
#   length across seeds. Ant episodes are heavy-tailed (some reach the 1000-step limit): one seed of
#   50,000 steps varies by +-10 % between seeds on either side, so compare Ant with several seeds.
#   BENCH_BINARY: anchors/mujoco built elsewhere (cp -r anchors/mujoco /tmp/mjh && make -C /tmp/mjh;
#   needs apt-get install libmujoco-dev). Without it only our side is printed.
# Soak: bench/contact-stats.sh --steps 1000000 (no NaN; "deepest m" = deepest penetration seen).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/bin/vaml4j" info >/dev/null  # builds the jar when stale
jar="$(ls "$root"/target/vaml4j-*.jar | grep -v -E 'original|sources|javadoc' | head -n 1)"
java_bin=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && java_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
exec "$java_bin" --add-modules jdk.incubator.vector -cp "$jar" org.vaml4j.bench.ContactStats "$@" \
  2> >(grep -v --line-buffered '^WARNING: Using incubator modules' >&2)
