#!/usr/bin/env bash
# xs launcher: builds target/xs.jar when it is missing or older than the sources, then runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/xs.jar"
archive="$here/target/xs.jsa"

# Short commands start faster with the quick JIT tier and use the throughput collector; `xs serve` runs
# long, so it keeps the full JIT. A server holds the heap it once needed: after a collection G1 keeps
# up to 70 % of the heap free by default, which for a realtime hub of idle sockets is about twice
# their live bytes again in resident memory. So `serve` keeps at most 30 % free, and an idle server
# runs a collection each minute, which gives the rest back (BENCHMARKS.md, realtime memory).
opts=()
case "${1:-}" in
  serve) opts+=(-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=60000) ;;
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
# api.lambda runs on Deno. When the scripts named on the command line use it and no Deno is at
# hand (XS_DENO, deno on PATH), the pinned one from src/main/deno is installed into target/deno
# with npm ci, once (and again when the pin changes).
install_deno() {
  local pin="$here/src/main/deno" dest="$here/target/deno"
  if [ -n "${XS_DENO:-}" ] || command -v deno >/dev/null 2>&1; then return; fi
  if [ -f "$dest/installed" ] && cmp -s "$pin/package-lock.json" "$dest/installed"; then return; fi
  local paths=() arg
  for arg in "$@"; do [ -e "$arg" ] && paths+=("$arg"); done
  [ ${#paths[@]} -gt 0 ] || return 0
  grep -rqs --include='*.xs' -e 'api\.lambda' -- "${paths[@]}" || return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "xs: these scripts use api.lambda, which runs on Deno: install Node's npm (xs then fetches Deno itself)," \
      "or install Deno, or set XS_DENO" >&2
    return
  fi
  echo "xs: installing Deno for api.lambda into target/deno (npm ci) ..." >&2
  mkdir -p "$dest"
  cp "$pin/package.json" "$pin/package-lock.json" "$dest/"
  if (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error) >&2; then
    cp "$pin/package-lock.json" "$dest/installed"
  else
    echo "xs: installing Deno failed; api.lambda will say how to install it" >&2
  fi
}
case "${1:-}" in
  run|test|serve|repl) install_deno "${@:2}" ;;
esac

if [ -f "$archive" ]; then
  opts+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
exec java "${opts[@]}" ${XS_JAVA_OPTS:-} -jar "$jar" "$@"
