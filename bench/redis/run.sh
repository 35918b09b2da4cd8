#!/usr/bin/env bash
# Cluster benchmark: cross-node delivery latency (p50/p99) and throughput against a single node,
# in one run. Starts its own redis-server (loopback, no persistence), one `xs serve` without a
# broker (S) and two with --broker (A, B), then the load generator (ClusterLoad.java, its own JVM).
#
#   bench/redis/run.sh                       # defaults: 1,000 msg/s latency runs, 40,000-message throughput runs, 3 rounds
#   ROUNDS=3 RATE=2000 bench/redis/run.sh    # more rounds, another rate
#   XS_JAR=../other-checkout/target/xs.jar bench/redis/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${XS_JAR:-$root/target/xs.jar}"
secret="bench-secret"
work="$(mktemp -d)"
pids=()
cleanup() {
  # Nodes first, Redis last, so that the nodes leave the cluster cleanly.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

command -v redis-server >/dev/null || { echo "bench: redis-server is not on PATH (apt-get install redis-server)" >&2; exit 2; }
if [ -z "${XS_JAR:-}" ] && { [ ! -f "$jar" ] ||
    [ -n "$(find "$root/pom.xml" "$root/grammar" "$root/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; }; then
  echo "bench: building target/xs.jar ..." >&2
  (cd "$root" && mvn -q -Dmaven.test.skip=true package) >&2
fi

# A free loopback port: nothing answers on it.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# Starts `xs serve` in the background (in this shell, so that the exit trap stops it) and sets
# `port` once it is ready.
serve() {
  local name="$1"; shift
  java -jar "$jar" serve "$here/app" --port 0 --auth-secret "$secret" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 300); do
    if grep -q "xs serving" "$work/$name.out" 2>/dev/null; then
      port="$(sed -n 's/^xs serving http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$work/$name.out")"
      return
    fi
    sleep 0.1
  done
  echo "bench: $name did not start" >&2; cat "$work/$name.err" >&2; exit 2
}
serve single; single="$port"
serve a --broker "redis://127.0.0.1:$redis_port"; a="$port"
serve b --broker "redis://127.0.0.1:$redis_port"; b="$port"
token="$(java -jar "$jar" token --user 1 --secret "$secret")"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g "$here/ClusterLoad.java" --single "$single" --a "$a" --b "$b" --token "$token" \
  --rate "${RATE:-1000}" --seconds "${SECONDS_PER_RUN:-8}" --subs "${SUBS:-10}" --messages "${MESSAGES:-40000}" \
  --publishers "${PUBLISHERS:-4}" --rounds "${ROUNDS:-3}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
