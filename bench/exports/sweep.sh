#!/usr/bin/env bash
# Checks every repository folder of real Xano exports under FOLDER, one repository at a time
# (a repository is one program), and reports files, errors and warnings by code.
#
#   bench/exports/sweep.sh FOLDER            # FOLDER/OWNER+REPO/**.xs, fetched locally, never committed
#   bench/exports/sweep.sh FOLDER --errors   # also print every error
#
# Some public "exports" hold files Xano never saved (hand-written drafts, templates): those are
# listed with the evidence in not-saved-by-xano.tsv beside this script, and their errors are
# counted apart. Errors in every other file are errors in files Xano saved, and must be 0.
#
# Exit status: 0 when no file Xano saved has an error, 1 otherwise. Needs jq.
set -euo pipefail
export LC_ALL=C  # one collation for sort, join and comm
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
folder="${1:?usage: sweep.sh FOLDER [--errors]}"
show_errors="${2:-}"
command -v jq >/dev/null || { echo "sweep.sh: needs jq" >&2; exit 2; }
"$here/xs" --version >/dev/null  # builds target/xs.jar when it is stale

report="$(mktemp)"
listed="$(mktemp)"
trap 'rm -f "$report" "$report.all" "$report.files" "$report.errfiles" "$listed"' EXIT
# OWNER/REPO<TAB>file -> OWNER+REPO/file, one a line: the files judged not saved by Xano.
grep -v '^#' "$here/bench/exports/not-saved-by-xano.tsv" | tail -n +2 | awk -F'\t' '{sub("/", "+", $1); print $1 "/" $2}' | sort -u >"$listed"
repos=0
printf '%-48s %6s %6s %8s  %s\n' repository files errors warnings "codes (e = error, w = warning)"
for repo in "$folder"/*/; do
  repo="${repo%/}"
  if ! find -L "$repo" -name '*.xs' -print -quit | grep -q .; then
    continue
  fi
  repos=$((repos + 1))
  real="$(cd "$repo" && pwd -P)"  # a repository folder may be a link; xs reports files under its real path
  java -XX:TieredStopAtLevel=1 -jar "$here/target/xs.jar" check --format json "$real" >"$report" 2>/dev/null || true
  files=$(jq '.files' "$report")
  errors=$(jq '.errors' "$report")
  warnings=$(jq '.warnings' "$report")
  name="$(basename "$repo")"
  # Errors per file, relative to the folder: OWNER+REPO/path<TAB>count.
  jq -r --arg root "$real/" '.diagnostics[] | select(.severity == "error") | .file | ltrimstr($root)' "$report" \
    | sed "s#^#$name/#" | sort | uniq -c | sed -E 's/^ *([0-9]+) (.*)$/\2\t\1/' >"$report.files"
  unlisted=$(join -t $'\t' -v 1 "$report.files" "$listed" | awk -F'\t' '{n += $2} END {print n + 0}')
  codes=$(jq -r '[.diagnostics[] | select(.severity != "note") | (.severity[0:1]) + ":" + .code]
    | group_by(.) | map(.[0] + "=" + (length | tostring)) | join(" ")' "$report")
  printf '%-48s %6s %6s %8s  %s\n' "$(basename "$repo")" "$files" "$errors" "$warnings" "$codes"
  if [ "$show_errors" = "--errors" ]; then
    jq -r '.diagnostics[] | select(.severity == "error") | "    \(.file):\(.line):\(.column): \(.code) \(.message)"' "$report"
  fi
  jq -c --argjson saved "$unlisted" '{files, errors, warnings, saved: $saved}' "$report" >>"$report.all"
  cat "$report.files" >>"$report.errfiles"
done
if [ "$repos" -eq 0 ]; then
  echo "sweep.sh: no repository folder with .xs files under $folder" >&2
  exit 2
fi
total=$(jq -s '{files: (map(.files) | add), errors: (map(.errors) | add), warnings: (map(.warnings) | add),
  saved: (map(.saved) | add)}' "$report.all")
touch "$report.errfiles"
sort -o "$report.errfiles" "$report.errfiles"
saved=$(jq '.saved' <<<"$total")
unsaved=$(($(jq '.errors' <<<"$total") - saved))
unsaved_files=$(join -t $'\t' "$report.errfiles" "$listed" | wc -l)
echo "total: $repos repositories, $(jq '.files' <<<"$total") files, $(jq '.errors' <<<"$total") errors, $(jq '.warnings' <<<"$total") warnings"
echo "errors in files Xano saved: $saved (must be 0)"
echo "errors in files judged not saved by Xano: $unsaved in $unsaved_files files (listed in bench/exports/not-saved-by-xano.tsv)"
if [ "$saved" -gt 0 ]; then
  echo "files Xano saved that have errors:"
  join -t $'\t' -v 1 "$report.errfiles" "$listed" | awk -F'\t' '{print "  " $1 " (" $2 ")"}'
fi
# A listed file that is present and has no error any more should leave the list.
stale=$(comm -23 "$listed" <(cut -f1 "$report.errfiles") | while read -r f; do [ -f "$folder/$f" ] && echo "$f"; done)
if [ -n "$stale" ]; then
  echo "listed as not saved by Xano but without errors now (remove them from the list):"
  sed 's/^/  /' <<<"$stale"
fi
rm -f "$report.files" "$report.errfiles"
[ "$saved" -eq 0 ]
