#!/usr/bin/env bash
# The workspace benchmark: a read endpoint (auth, db.get, a paged db.query with a where, a filter
# chain, a response object) and a write endpoint (auth, db.get, precondition, db.add) served by xs
# from bench/api/app, against the same logic hand-written as Undertow handlers over the same
# in-memory database, in the same run; LoadGen (its own JVM) drives each over keep-alive HTTP.
#
#   bench/api/run.sh            # 16 connections
#   CONNECTIONS=32 bench/api/run.sh
#   ROWS=read bench/api/run.sh  # one endpoint only
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/target/xs.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/grammar" "$root/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "bench: building target/xs.jar ..." >&2
  (cd "$root" && mvn -q -Dmaven.test.skip=true package) >&2
fi
mkdir -p "$here/build/loadgen" "$here/build/bench"
javac -d "$here/build/loadgen" "$here/LoadGen.java"
javac -cp "$jar" -d "$here/build/bench" "$here/WorkspaceBench.java"
java -Xss8m -cp "$jar:$here/build/bench" WorkspaceBench "$here/app" "$here/build/loadgen" "${CONNECTIONS:-16}" "${ROWS:-read,write}"
