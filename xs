#!/usr/bin/env bash
# xs launcher: builds target/xs.jar when it is missing or older than the sources, then runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/xs.jar"
archive="$here/target/xs.jsa"

# Short commands start faster with the quick JIT tier and use the throughput collector; `xs serve` runs
# long, so it keeps the full JIT.
opts=()
case "${1:-}" in
  serve) ;;
  *) opts+=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC) ;;
esac

if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here/grammar" "$here/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "xs: building target/xs.jar ..." >&2
  # Maven's output is shown only when the build fails (its console library writes stray colour
  # codes even when quiet).
  log="$(mktemp)"
  if ! (cd "$here" && mvn -q -B -ntp -Dmaven.test.skip=true package) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "xs: the build failed" >&2
    exit 2
  fi
  rm -f "$log"
  # A class-data-sharing archive of xs's classes cuts start-up time; made once per build.
  rm -f "$archive"
  java -XX:ArchiveClassesAtExit="$archive" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC \
    -jar "$jar" check "$here/samples" >/dev/null 2>&1 || rm -f "$archive"
fi
if [ -f "$archive" ]; then
  opts+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
exec java "${opts[@]}" ${XS_JAVA_OPTS:-} -jar "$jar" "$@"
