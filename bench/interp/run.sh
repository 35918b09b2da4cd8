#!/usr/bin/env bash
# Interpreter benchmark: orders.xs "summarize" against the same logic in hand-written Java, in
# one JVM. Usage: bench/interp/run.sh [ROUNDS] [CALLS_PER_ROUND]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f target/xs.jar ] || mvn -q -DskipTests package
out=target/bench-interp
mkdir -p "$out"
javac -d "$out" -cp target/xs.jar bench/interp/InterpBench.java
java -XX:+UseParallelGC -cp "$out:target/xs.jar" InterpBench "${1:-15}" "${2:-300}"
