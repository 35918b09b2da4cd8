#!/usr/bin/env bash
# Benchmarks of the embedded database (xs.db). Compiles bench/db against target/classes and
# runs each benchmark in its own JVM with a 1 GiB heap. Usage: bench/db/run.sh [lookup|memory|durable]...
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

# XS_CLASSES points at another compiled copy of xs.db (e.g. while the main build is broken).
classes="${XS_CLASSES:-target/classes}"
if [ -z "${XS_CLASSES:-}" ] && { [ ! -f "$classes/xs/db/Database.class" ] ||
    [ -n "$(find src/main/java/xs/db -newer "$classes/xs/db/Database.class" -name '*.java' | head -1)" ]; }; then
  mvn -q -o compile || mvn -q compile
fi

m2="${M2_REPO:-$HOME/.m2/repository}"
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
jackson="$(version jackson.version)"
jar() { ls "$m2/com/fasterxml/jackson/core/$1/$2"/*.jar 2>/dev/null | grep -v sources | head -1; }
annotations_version="$(ls "$m2/com/fasterxml/jackson/core/jackson-annotations" | grep "^${jackson%.*}" | sort -V | tail -1)"
cp="$classes:$(jar jackson-databind "$jackson"):$(jar jackson-core "$jackson"):$(jar jackson-annotations "$annotations_version")"

out="target/bench-db"
mkdir -p "$out"
javac -d "$out" -cp "$cp" bench/db/*.java

benchmarks=("$@")
[ ${#benchmarks[@]} -eq 0 ] && benchmarks=(lookup memory durable)
for b in "${benchmarks[@]}"; do
  echo "== $b"
  java -Xmx1g -Xms1g -cp "$out:$cp" DbBench "$b"
done
