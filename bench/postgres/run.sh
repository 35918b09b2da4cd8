#!/usr/bin/env bash
# The xs layer over plain JDBC on PostgreSQL (see PgBench.java). Starts a throwaway cluster in a
# temporary folder on a free port unless XS_BENCH_DB names one (postgresql://USER@HOST:PORT/DB).
# Usage: bench/postgres/run.sh [rounds] [ops]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -o compile || mvn -q compile
cp_file="target/bench-postgres.classpath"
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="target/classes:$(cat "$cp_file")"
out="target/bench-postgres"
mkdir -p "$out"
javac -d "$out" -cp "$cp" bench/postgres/PgBench.java

url="${XS_BENCH_DB:-}"
if [ -z "$url" ]; then
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
  dir="$(mktemp -d)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U xs -E UTF8 --locale=C >/dev/null
  "${as[@]}" "$bin/pg_ctl" start -w -D "$dir/data" -l "$dir/log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" >/dev/null
  trap '"${as[@]}" "$bin/pg_ctl" stop -m fast -D "$dir/data" >/dev/null; rm -rf "$dir"' EXIT
  url="postgresql://xs@127.0.0.1:$port/postgres"
fi
echo "load before: $(uptime)"
java -Xmx512m -cp "$out:$cp" PgBench "$url" "$@"
echo "load after: $(uptime)"
