#!/usr/bin/env bash
# Lambda benchmark: api.lambda calls with the Deno worker pool warm against a fresh Deno process
# per call, in one JVM run. Deno as xs finds it (XS_DENO, deno on PATH, or target/deno: run
# ./xs once on a script using api.lambda, or .ci/run, to install it there).
# Usage: bench/lambda/run.sh [TIMED_CALLS] [FRESH_CALLS] [CALLERS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f target/xs.jar ] || mvn -q -DskipTests package
out=target/bench-lambda
mkdir -p "$out"
javac -d "$out" -cp target/xs.jar bench/lambda/LambdaBench.java
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -XX:+UseParallelGC -cp "$out:target/xs.jar" LambdaBench "${1:-5000}" "${2:-30}" "${3:-2}"
