#!/usr/bin/env bash
# What a table trigger adds to a write (TriggerBench). Runs against target/xs.jar (built by ./xs
# when missing). Usage: bench/workspace/run.sh [CALLS_PER_ROUND] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f target/xs.jar ] || mvn -q -o package -DskipTests || mvn -q package -DskipTests
out="target/bench-workspace"
mkdir -p "$out"
javac -d "$out" -cp target/xs.jar bench/workspace/TriggerBench.java
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "$out:target/xs.jar" TriggerBench "$@"
