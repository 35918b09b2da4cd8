#!/usr/bin/env bash
# Interpreter benchmark: orders.xs "summarize" against the same logic in hand-written Java, in
# one JVM, repeated in FORKS fresh JVMs (default 3): the JIT compiles the hand-written side
# differently from one JVM to the next, so one fork alone gives a misleading ratio.
# Usage: [FORKS=N] bench/interp/run.sh [ROUNDS] [CALLS_PER_ROUND]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f target/xs.jar ] || mvn -q -DskipTests package
out=target/bench-interp
mkdir -p "$out"
javac -d "$out" -cp target/xs.jar bench/interp/InterpBench.java
for fork in $(seq 1 "${FORKS:-3}"); do
  echo "-- fork $fork"
  java -XX:+UseParallelGC -cp "$out:target/xs.jar" InterpBench "${1:-21}" "${2:-500}"
done
