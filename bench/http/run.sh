#!/usr/bin/env bash
# Mass disconnect: how long a live WebSocket waits for a pong, and a fresh GET /health for its
# answer, while N other connections (WebSockets or keep-alive HTTP) are reset at once.
#
#   bench/http/run.sh                 # 15,000 WebSockets, then 15,000 keep-alive connections
#   N=5000 KINDS=ws bench/http/run.sh
#   JAR=/path/to/other/xs.jar SERVE_OPTS= bench/http/run.sh   # another build (one without --keep-alive-timeout)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${JAR:-$root/target/xs.jar}"
n="${N:-15000}"
kinds="${KINDS:-ws http}"
port="${PORT:-18480}"
ulimit -n 20000 2>/dev/null || true
if [ -z "${JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" -newer "$jar" -print -quit)" ]; }; then
  (cd "$root" && mvn -q -Dmaven.test.skip=true package) >&2
fi
for kind in $kinds; do
  java -jar "$jar" serve "$root/bench/realtime/app" --port "$port" ${SERVE_OPTS---keep-alive-timeout 3600} >/dev/null 2>&1 &
  server=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.2; done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  java "$here/MassClose.java" "$port" "$kind" "$n" || true
  kill "$server"
  wait "$server" 2>/dev/null || true
done
