#!/usr/bin/env bash
# Memory per idle joined connection, with its breakdown: for each server, N WebSockets are opened,
# then joined (N/100 channels of 100) and left idle SETTLE seconds (25), and the server is read
# after a full GC before, with the sockets open, and with them joined: resident set, live heap by
# class (jcmd GC.class_histogram), native memory by NMT category (jcmd VM.native_memory summary),
# the resident bytes of the Java heap's address range, and the direct buffer pool (JMX).
# "xs" runs through the launcher (./xs serve, its JVM flags) with NMT and XS_BENCH_JAVA_OPTS added;
# "xs:JAR" runs another build with plain `java -jar` (the launcher's flags before this change: none).
#
#   bench/realtime/memory.sh                          # xs and Node, 5,000 connections
#   N=10000 SERVERS="xs node" bench/realtime/memory.sh
#   SERVERS="xs:/path/to/other/xs.jar xs node" bench/realtime/memory.sh   # two builds of xs in one run
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${N:-5000}"
servers="${SERVERS:-xs node}"
secret="bench-secret"
out="${OUT:-$here/build/results}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ ! -f "$root/target/xs.jar" ] || [ -n "$(find "$root/pom.xml" "$root/grammar" "$root/src/main" -newer "$root/target/xs.jar" -print -quit 2>/dev/null)" ]; then
  (cd "$root" && mvn -q -B -ntp -Dmaven.test.skip=true package) >&2
fi
mkdir -p "$here/build/classes" "$out"
javac -d "$here/build/classes" "$here"/loadgen/rtload/*.java
if [ ! -d "$here/baseline/node_modules/ws" ]; then
  (cd "$here/baseline" && npm ci --no-audit --no-fund --silent) >&2
fi
token="$(java -jar "$root/target/xs.jar" token --user 1 --secret "$secret")"
# The launcher ends in exec, so the background job's pid is the JVM's.
exec_launcher() { exec "$@"; }
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; true' EXIT
echo "date $(date -u +%Y-%m-%dT%H:%M:%SZ) load $(cut -d' ' -f1-3 /proc/loadavg) connections $n"
for server in $servers; do
  log="$out/memory-server.out"
  : >"$log"
  case "$server" in
    node) node --expose-gc "$here/baseline/server.js" --port 0 --secret "$secret" >"$log" 2>&1 & kind=node ;;
    xs) XS_JAVA_OPTS="${XS_BENCH_JAVA_OPTS:-} -XX:NativeMemoryTracking=summary" exec_launcher "$root/xs" serve \
          "$here/app" --port 0 --auth-secret "$secret" >"$log" 2>&1 & kind=xs ;;
    xs:*) java ${XS_BENCH_JAVA_OPTS:-} -XX:NativeMemoryTracking=summary -jar "${server#xs:}" serve "$here/app" --port 0 \
          --auth-secret "$secret" >"$log" 2>&1 & kind=xs ;;
  esac
  pid=$!
  port=""
  for _ in $(seq 1 600); do
    port="$(grep -oE '(127\.0\.0\.1:|listening on )[0-9]+' "$log" | grep -oE '[0-9]+$' | head -1 || true)"
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$log" >&2; exit 2; }
  echo "== $server"
  java -Xms256m -Xmx1g -cp "$here/build/classes" rtload.LoadGen --url "ws://127.0.0.1:$port/rt/bench" \
    --token "$token" --server-pid "$pid" --server-kind "$kind" --stats-url "http://127.0.0.1:$port/stats" \
    --scenario heap --channels $((n / 100)) --subs 100 --settle "${SETTLE:-25}" 2>&1 | grep -E '^(RESULT|rtload)'
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
done
echo "load-at-end $(cut -d' ' -f1-3 /proc/loadavg)"
