#!/usr/bin/env bash
# Benchmark: indexing throughput and memory of saywho-index settings side by
# side (writers, --jobs workers, --batch-size, --flush-threshold). Indexes
# Reuters-21578 from scratch once per setting per round, the settings
# interleaved, and prints each setting's medians.
# Usage: scripts/bench/index-tuning.sh [ROUNDS [SETTING...]]
#   ROUNDS defaults to 3; each SETTING is one quoted string of saywho-index
#   options (default: the set below). BUILD_DIR names the build (default build/).
# Example: scripts/bench/index-tuning.sh 5 "--jobs 1" "--jobs 2"
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
rounds=${1:-3}
shift || true
settings=("$@")
if ((${#settings[@]} == 0)); then
    settings=(
        "--writers 1 --jobs 1"
        "--writers 1 --jobs 2"
        "--writers 2 --jobs 2"
        "--writers 2 --jobs 2 --batch-size 500"
        "--writers 2 --jobs 2 --batch-size 8000"
        "--writers 2 --jobs 2 --batch-size 8000 --flush-threshold 40000"
    )
fi
build=${BUILD_DIR:-build}
[[ -x $build/saywho-index ]] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }
reuters_corpus "$build"
articles=$(find "$corpus" -name '*.txt' | wc -l)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for ((i = 1; i <= rounds; i++)); do
    for s in "${!settings[@]}"; do
        read -r -a options <<<"${settings[$s]}"
        rm -rf "$work/db"
        /usr/bin/time -f '%e %M' -o "$work/t" "$build/saywho-index" --no-progress "${options[@]}" --db "$work/db" "$corpus" >/dev/null
        read -r secs rss <"$work/t"
        echo "$secs" >>"$work/$s.secs"; echo "$rss" >>"$work/$s.rss"
        echo "round $i, ${settings[$s]}: ${secs}s, peak RSS $((rss / 1024)) MiB" >&2
    done
done
echo "reuters21578, $articles articles, with statements, median of $rounds interleaved rounds, $(nproc) cores"
echo "| saywho-index options | seconds | articles/s | peak RSS |"
echo "|---|---|---|---|"
for s in "${!settings[@]}"; do
    secs=$(median <"$work/$s.secs"); rss=$(median <"$work/$s.rss")
    awk -v o="${settings[$s]}" -v a="$articles" -v t="$secs" -v r="$rss" \
        'BEGIN { printf "| %s | %.2f | %.0f | %d MiB |\n", o, t, a / t, r / 1024 }'
done
