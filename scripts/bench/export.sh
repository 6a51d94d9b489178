#!/usr/bin/env bash
# Benchmark: export every statement of Reuters-21578 (../shared/corpus/reuters21578)
# as CSV with `saywho-search --format csv type:statement`; prints the rows,
# rows/s and peak RSS, the median of ROUNDS runs (docs/export.md).
# Usage: scripts/bench/export.sh [ROUNDS [FORMAT]]   (ROUNDS defaults to 3,
#   FORMAT to csv; BUILD_DIR names the build, default build/; DB names an
#   already indexed Reuters database to reuse instead of indexing it here)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
rounds=${1:-3}
format=${2:-csv}
build=${BUILD_DIR:-build}
for bin in saywho-index saywho-search; do
    [[ -x $build/$bin ]] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=${DB:-}
if [[ -z $db ]]; then
    reuters_corpus "$build"
    db=$work/db
    echo "indexing $corpus ..." >&2
    "$build/saywho-index" --no-progress --db "$db" "$corpus" >/dev/null
fi

: >"$work/secs"; : >"$work/rss"
for ((i = 1; i <= rounds; i++)); do
    # The rows go to a file, as an export would, not to a pipe a reader slows.
    /usr/bin/time -v -o "$work/t" "$build/saywho-search" --db "$db" --format "$format" type:statement >"$work/out"
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s}' "$work/t")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/t")
    echo "$secs" >>"$work/secs"; echo "$rss" >>"$work/rss"
    rows=$(wc -l <"$work/out")
    [[ $format == csv ]] && rows=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))) - 1)' "$work/out")
    echo "round $i: $rows rows in ${secs}s, peak RSS $((rss / 1024)) MiB" >&2
done
secs=$(median <"$work/secs"); rss=$(median <"$work/rss")
bytes=$(stat -c %s "$work/out")
awk -v r="$rows" -v s="$secs" -v m="$rss" -v b="$bytes" -v n="$rounds" -v f="$format" 'BEGIN {
    printf "reuters21578 export, --format %s type:statement; median of %d runs\n", f, n
    printf "| rows | seconds | rows/s | MB/s | peak RSS |\n|---|---|---|---|---|\n"
    printf "| %d | %.2f | %.0f | %.1f | %d MiB |\n", r, s, (s > 0 ? r / s : 0), (s > 0 ? b / 1e6 / s : 0), m / 1024
}'
