#!/usr/bin/env bash
# Change-to-serving time of `xs serve --watch` on a generated workspace (WatchBench). Runs against
# target/xs.jar (built when missing). Usage: bench/watch/run.sh [FILES] [RUNS]   (default 300 15)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f target/xs.jar ] || mvn -q -o package -DskipTests || mvn -q package -DskipTests
out="target/bench-watch"
mkdir -p "$out"
javac -d "$out" bench/watch/WatchBench.java
echo "uptime: $(uptime)"
java -cp "$out" WatchBench target/xs.jar "${1:-300}" "${2:-15}"
echo "uptime: $(uptime)"
