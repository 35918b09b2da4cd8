#!/usr/bin/env bash
# Front-end benchmarks: parse throughput (warm, in one JVM) and `xs check` over 2,000 typical
# files (whole process through the ./xs launcher, JVM start included). Usage: bench/frontend/run.sh [parse|check]...
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f target/xs.jar ] || mvn -q -DskipTests package
out=target/bench-frontend
mkdir -p "$out/classes"
javac -d "$out/classes" -cp target/xs.jar bench/frontend/*.java
cp="$out/classes:target/xs.jar"

benchmarks=("$@")
[ ${#benchmarks[@]} -eq 0 ] && benchmarks=(parse check)
for b in "${benchmarks[@]}"; do
  case "$b" in
    parse)
      java -cp "$cp" Generate big "$out/big.xs" 5
      for gc in -XX:+UseG1GC -XX:+UseParallelGC; do
        echo "-- $gc"
        java "$gc" -cp "$cp" ParseBench "$out/big.xs" 20 15
      done
      ;;
    check)
      rm -rf "$out/project"
      java -cp "$cp" Generate many "$out/project" 2000
      echo "xs check over 2,000 files, 5 runs (wall seconds, JVM start included):"
      for i in 1 2 3 4 5; do
        /usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" ./xs check "$out/project" >/dev/null
      done
      ;;
    *) echo "unknown benchmark $b" >&2; exit 2 ;;
  esac
done
