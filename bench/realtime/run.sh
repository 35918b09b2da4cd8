#!/usr/bin/env bash
# The realtime benchmark: every scenario against `xs serve` and against a minimal Node `ws` hub
# (baseline/), one after the other in the same run, with the same load generator (loadgen/, its own
# JVM). Prints one RESULT line per measurement as it goes, then a table.
#
#   bench/realtime/run.sh                      # every scenario once (about 3 minutes)
#   REPEAT=3 bench/realtime/run.sh             # every scenario three times, xs and Node alternating
#   SCENARIOS="fanout-1x1000 heap-10000" bench/realtime/run.sh
#   XS_BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=target/xs.jfr" bench/realtime/run.sh
#   XS_JAR=/path/to/other/xs.jar bench/realtime/run.sh   # another build of xs
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${XS_JAR:-$root/target/xs.jar}"
out="${OUT:-$here/build/results}"
secret="bench-secret"
repeat="${REPEAT:-1}"

# name | load generator arguments
# Throughput: 3 s of warm-up, 4 s measured; latency: 4 s of warm-up (both JITs), 4 s measured.
all_scenarios=(
  "fanout-1x1000|--scenario throughput --channels 1 --subs 1000 --warmup 3 --measure 4"
  "fanout-100x100|--scenario throughput --channels 100 --subs 100 --warmup 3 --measure 4"
  "latency-1x1000|--scenario latency --channels 1 --subs 1000 --rate 50000 --warmup 4 --measure 4"
  "latency-10x100|--scenario latency --channels 10 --subs 100 --rate 50000 --warmup 4 --measure 4"
  "latency-1x100|--scenario latency --channels 1 --subs 100 --rate 50000 --warmup 4 --measure 4"
  "latency-100x10|--scenario latency --channels 100 --subs 10 --rate 50000 --warmup 4 --measure 4"
  "heap-10000|--scenario heap --channels 100 --subs 100"
)

# 10,000 client sockets in the load generator, as many in the server.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# ---- build what is missing ----
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/grammar" "$root/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "bench: building target/xs.jar ..." >&2
  (cd "$root" && mvn -q -Dmaven.test.skip=true package) >&2
fi
mkdir -p "$here/build/classes" "$out"
javac -d "$here/build/classes" "$here"/loadgen/rtload/*.java
if [ ! -d "$here/baseline/node_modules/ws" ]; then
  (cd "$here/baseline" && npm ci --no-audit --no-fund --silent) >&2
fi
token="$(java -jar "$jar" token --user 1 --secret "$secret")"
loadgen=(java -Xms512m -Xmx2g -cp "$here/build/classes" rtload.LoadGen)

server_pid=""
server_port=""

# Starts a server in the background; sets server_pid and server_port.
start_server() {
  local kind="$1" log="$out/$1.server"
  : >"$log.out"
  if [ "$kind" = xs ]; then
    # shellcheck disable=SC2086
    java ${XS_BENCH_JAVA_OPTS:-} -jar "$jar" serve "$here/app" --port 0 --auth-secret "$secret" \
      >"$log.out" 2>"$log.err" &
  else
    node --expose-gc "$here/baseline/server.js" --port 0 --secret "$secret" >"$log.out" 2>"$log.err" &
  fi
  server_pid=$!
  for _ in $(seq 1 200); do
    server_port="$(grep -oE '(127\.0\.0\.1:|listening on )[0-9]+' "$log.out" | grep -oE '[0-9]+$' | head -1 || true)"
    [ -n "$server_port" ] && return 0
    sleep 0.05
  done
  echo "bench: $kind did not start:" >&2
  cat "$log.err" >&2
  exit 2
}

stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
trap 'stop_server' EXIT

selected="${SCENARIOS:-}"
results="$out/results.txt"
: >"$results"
{
  echo "date $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
  echo "java $(java -version 2>&1 | head -1)"
  echo "node $(node --version), ws $(node -p 'require(process.argv[1]).version' "$here/baseline/node_modules/ws/package.json")"
  echo "load-at-start $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$results"

for round in $(seq 1 "$repeat"); do
  for entry in "${all_scenarios[@]}"; do
    name="${entry%%|*}"
    args="${entry#*|}"
    if [ -n "$selected" ] && [[ " $selected " != *" $name "* ]]; then
      continue
    fi
    # Alternate which server goes first, so neither always gets the quieter half.
    servers=(xs node)
    if [ $((round % 2)) -eq 0 ]; then servers=(node xs); fi
    for kind in "${servers[@]}"; do
      start_server "$kind"
      # shellcheck disable=SC2086
      line="$("${loadgen[@]}" --url "ws://127.0.0.1:$server_port/rt/bench" --token "$token" \
        --server-pid "$server_pid" --server-kind "$kind" --stats-url "http://127.0.0.1:$server_port/stats" \
        $args 2>>"$out/loadgen.err" | grep '^RESULT' || echo "RESULT failed=1 server=$kind")"
      stop_server
      echo "$line name=$name round=$round" | tee -a "$results"
    done
  done
done
echo "load-at-end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
echo
java -cp "$here/build/classes" rtload.Table "$results"
