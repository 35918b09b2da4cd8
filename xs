#!/usr/bin/env bash
# xs launcher: builds target/xs.jar when it is missing or older than the sources, then runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/xs.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here/grammar" "$here/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "xs: building target/xs.jar ..." >&2
  (cd "$here" && mvn -q -DskipTests package) >&2
fi
exec java ${XS_JAVA_OPTS:-} -jar "$jar" "$@"
