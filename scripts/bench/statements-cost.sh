#!/usr/bin/env bash
# Benchmark: what statements cost. Indexes Reuters-21578 from scratch with
# statements and with --no-statements, interleaved, ROUNDS times each, and
# prints medians, the throughput ratio, and extraction alone (MB/s, one core).
# Usage: scripts/bench/statements-cost.sh [ROUNDS]   (default 3; needs build/ and ../shared)
# WRITERS=N sets saywho-index --writers (default 0: one per core, at most 4).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
rounds=${1:-3}
writers=${WRITERS:-0}
build=${BUILD_DIR:-build}
[[ -x $build/saywho-index && -x $build/saywho-bench-extract ]] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }
reuters_corpus "$build"
articles=$(find "$corpus" -name '*.txt' | wc -l)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for ((i = 1; i <= rounds; i++)); do
    for mode in with without; do
        flag=(); [[ $mode == without ]] && flag=(--no-statements)
        rm -rf "$work/db"
        /usr/bin/time -f '%e %M' -o "$work/t" "$build/saywho-index" --no-progress --db "$work/db" --writers "$writers" "${flag[@]}" "$corpus" >/dev/null
        read -r secs rss <"$work/t"
        echo "$secs" >>"$work/$mode"; echo "$rss" >>"$work/$mode.rss"
        echo "round $i $mode statements: ${secs}s, peak RSS $((rss / 1024)) MiB" >&2
    done
done
with=$(median <"$work/with"); without=$(median <"$work/without")
with_rss=$(median <"$work/with.rss"); without_rss=$(median <"$work/without.rss")
extract=$("$build/saywho-bench-extract" "$corpus" "$rounds" | tail -n 1)
awk -v wr_n="$writers" -v a="$articles" -v w="$with" -v o="$without" -v wr="$with_rss" -v orss="$without_rss" -v n="$rounds" 'BEGIN {
    printf "reuters21578, %d articles, median of %d interleaved rounds, --writers %s\n", a, n, wr_n
    printf "| indexing | seconds | articles/s | peak RSS |\n|---|---|---|---|\n"
    printf "| --no-statements | %.2f | %.0f | %d MiB |\n", o, a / o, orss / 1024
    printf "| with statements | %.2f | %.0f | %d MiB |\n", w, a / w, wr / 1024
    printf "throughput with statements / without: %.2f\n", o / w
}'
echo "$extract"
