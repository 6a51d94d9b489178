#!/usr/bin/env bash
# Benchmark: index Reuters-21578 (../shared/corpus/reuters21578) from scratch,
# then re-index it unchanged; prints the median of ROUNDS runs of each.
# Usage: scripts/bench/index-reuters.sh [ROUNDS [SAYWHO-INDEX OPTIONS...]]
#   (ROUNDS defaults to 3; the options go to every saywho-index run, e.g.
#   --no-statements to time articles only; BUILD_DIR names the build, default build/)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
rounds=${1:-3}
shift || true
options=("$@")
build=${BUILD_DIR:-build}
[[ -x $build/saywho-index ]] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }
reuters_corpus "$build"
articles=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT


: >"$work/full" ; : >"$work/rss" ; : >"$work/again"
for ((i = 1; i <= rounds; i++)); do
    rm -rf "$work/db"
    /usr/bin/time -f '%e %M' -o "$work/t" "$build/saywho-index" --no-progress "${options[@]}" --db "$work/db" "$corpus" >/dev/null
    read -r secs rss <"$work/t"
    echo "$secs" >>"$work/full"; echo "$rss" >>"$work/rss"
    /usr/bin/time -f '%e' -o "$work/t" "$build/saywho-index" --no-progress "${options[@]}" --db "$work/db" "$corpus" >/dev/null
    cat "$work/t" >>"$work/again"
    echo "round $i: index ${secs}s, peak RSS $((rss / 1024)) MiB, re-index $(cat "$work/t")s" >&2
done
full=$(median <"$work/full"); again=$(median <"$work/again"); rss=$(median <"$work/rss")
size=$(du -sm "$work/db" | cut -f1)
awk -v a="$articles" -v b="$bytes" -v f="$full" -v g="$again" -v r="$rss" -v s="$size" -v n="$rounds" -v o="${options[*]:-(none)}" 'BEGIN {
    printf "reuters21578: %d articles, %.1f MB; median of %d rounds; options: %s\n", a, b / 1e6, n, o
    printf "| run | seconds | articles/s | MB/s | peak RSS |\n|---|---|---|---|---|\n"
    printf "| index from scratch | %.2f | %.0f | %.2f | %d MiB |\n", f, a / f, b / 1e6 / f, r / 1024
    printf "| re-index, unchanged | %.2f | %.0f | %.1f | |\n", g, a / g, b / 1e6 / g
    printf "database size: %d MB\n", s
}'
