#!/usr/bin/env bash
# Checks every repository folder of real Xano exports under FOLDER, one repository at a time
# (a repository is one program), and reports files, errors and warnings by code.
#
#   bench/exports/sweep.sh FOLDER            # FOLDER/OWNER+REPO/**.xs, fetched locally, never committed
#   bench/exports/sweep.sh FOLDER --errors   # also print every error
#
# Exit status: 0 when no repository has an error, 1 otherwise. Needs jq.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
folder="${1:?usage: sweep.sh FOLDER [--errors]}"
show_errors="${2:-}"
command -v jq >/dev/null || { echo "sweep.sh: needs jq" >&2; exit 2; }
"$here/xs" --version >/dev/null  # builds target/xs.jar when it is stale

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
repos=0
printf '%-48s %6s %6s %8s  %s\n' repository files errors warnings "codes (e = error, w = warning)"
for repo in "$folder"/*/; do
  repo="${repo%/}"
  if ! find "$repo" -name '*.xs' -print -quit | grep -q .; then
    continue
  fi
  repos=$((repos + 1))
  java -XX:TieredStopAtLevel=1 -jar "$here/target/xs.jar" check --format json "$repo" >"$report" 2>/dev/null || true
  files=$(jq '.files' "$report")
  errors=$(jq '.errors' "$report")
  warnings=$(jq '.warnings' "$report")
  codes=$(jq -r '[.diagnostics[] | select(.severity != "note") | (.severity[0:1]) + ":" + .code]
    | group_by(.) | map(.[0] + "=" + (length | tostring)) | join(" ")' "$report")
  printf '%-48s %6s %6s %8s  %s\n' "$(basename "$repo")" "$files" "$errors" "$warnings" "$codes"
  if [ "$show_errors" = "--errors" ]; then
    jq -r '.diagnostics[] | select(.severity == "error") | "    \(.file):\(.line):\(.column): \(.code) \(.message)"' "$report"
  fi
  jq -c '{files, errors, warnings}' "$report" >>"$report.all"
done
if [ "$repos" -eq 0 ]; then
  echo "sweep.sh: no repository folder with .xs files under $folder" >&2
  exit 2
fi
total=$(jq -s '{files: (map(.files) | add), errors: (map(.errors) | add), warnings: (map(.warnings) | add)}' "$report.all")
rm -f "$report.all"
echo "total: $repos repositories, $(jq '.files' <<<"$total") files, $(jq '.errors' <<<"$total") errors, $(jq '.warnings' <<<"$total") warnings"
[ "$(jq '.errors' <<<"$total")" -eq 0 ]
