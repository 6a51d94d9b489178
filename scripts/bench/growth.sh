#!/usr/bin/env bash
# Benchmark: does indexing keep its speed as the archive grows? Builds new
# databases of synthetic articles at each scale, then grows the largest in place.
# Usage: scripts/bench/growth.sh [--rounds R] [--keep DIR] [SCALE...]   (default scales: 10000 100000 1000000)
#   Each SCALE: a new database from SCALE articles of peers-generate.py (kept in
#   $SYNTH_DIR/SCALE, default /tmp/saywho-peers-synthetic, for the next run), R
#   rounds (default 1): seconds, articles/s, the ratio to the scale before, peak
#   RSS, peak disk (database and its pieces, sampled every 2 s) against the final
#   size, and when each stage after writing began.
#   Then growth: 10,000 new articles (another seed) added to a copy of the largest
#   database, against the same 10,000 indexed into an empty one, R interleaved rounds.
#   The databases are built under $WORK_DIR (default: a temporary directory, removed
#   at the end; --keep DIR keeps the largest database as DIR).
# Needs: build/saywho-index, python3, script (util-linux), ../shared (Reuters, as the source of sentences).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
rounds=1 keep="" scales=()
while (($#)); do
    case $1 in
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --keep) keep=${2:?--keep needs a directory}; shift 2 ;;
        [0-9]*) scales+=("$1"); shift ;;
        *) echo "usage: $0 [--rounds R] [--keep DIR] [SCALE...]" >&2; exit 2 ;;
    esac
done
((${#scales[@]})) || scales=(10000 100000 1000000)
build=${BUILD_DIR:-build}
index=$build/saywho-index
[[ -x $index ]] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }
command -v script >/dev/null || { echo "bench: script missing: apt-get install util-linux" >&2; exit 2; }
reuters_corpus "$build"
reuters=$corpus
synth=${SYNTH_DIR:-/tmp/saywho-peers-synthetic}
work=${WORK_DIR:-$(mktemp -d)}
mkdir -p "$work"
cleanup() { [[ -n ${WORK_DIR:-} ]] || rm -rf "$work"; }
trap cleanup EXIT

# The synthetic corpus DIR of N articles from SEED, made once.
corpus_of() {  # N SEED DIR
    if [[ ! -f $3/.complete ]]; then
        rm -rf "$3"
        python3 scripts/bench/peers-generate.py "$reuters" "$3" "$1" "$2"
        touch "$3/.complete"
    fi
}
# One measured run of saywho-index on DB from INPUT; appends "seconds rss_kb
# peak_disk final_size stages" to OUT. Run on a pseudo-terminal, so that the
# stages after writing are announced (with their start, m:ss into the run).
measure() {  # DB INPUT OUT
    local db=$1 input=$2 out=$3 peak=0 size
    (
        set +eo pipefail  # du fails while the build directory is absent
        while :; do
            size=$(du -sb "$db" "$db.saywho-build" 2>/dev/null | awk '{t += $1} END {printf "%.0f\n", t}')
            ((size > peak)) && peak=$size && echo "$peak" >"$db.peak"
            sleep 2
        done
    ) &
    local sampler=$!
    script -qec "/usr/bin/time -f 'TIME %e %M' $index --db $db $input" /dev/null | tr '\r' '\n' >"$db.log" || {
        kill "$sampler" 2>/dev/null; cat "$db.log" >&2; echo "bench: saywho-index failed on $input" >&2; exit 2
    }
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    local stages
    stages=$(sed -n 's/^.*saywho-index: \(.*\) (at \([0-9:]*\))\r\?$/\2 \1/p' "$db.log" | paste -sd ';' | sed 's/;/; /g')
    read -r secs rss < <(grep '^TIME' "$db.log" | tail -n 1 | cut -d' ' -f2-)
    echo "$secs $rss $(cat "$db.peak" 2>/dev/null || echo 0) $(du -sb "$db" | cut -f1) ${stages:--}" >>"$out"
}

for n in "${scales[@]}"; do
    corpus_of "$n" 21578 "$synth/$n"
    for ((r = 0; r < rounds; r++)); do
        rm -rf "$work/db.$n" "$work/db.$n.saywho-build"
        measure "$work/db.$n" "$synth/$n" "$work/build.$n"
        echo "build $n round $((r + 1)): $(tail -n 1 "$work/build.$n")" >&2
    done
done

largest=${scales[-1]}
fresh=$synth/new-10000
corpus_of 10000 4242 "$fresh"
for ((r = 0; r < rounds; r++)); do
    # Interleaved, so that neither always runs on a warmer page cache.
    rm -rf "$work/empty.db"
    measure "$work/empty.db" "$fresh" "$work/into-empty"
    rm -rf "$work/grown.db"
    cp -a "$work/db.$largest" "$work/grown.db"
    measure "$work/grown.db" "$fresh" "$work/into-$largest"
    echo "growth round $((r + 1)): empty $(tail -n 1 "$work/into-empty" | cut -d' ' -f1) s," \
        "into $largest $(tail -n 1 "$work/into-$largest" | cut -d' ' -f1) s" >&2
done

# The median line of FILE by its first field.
median_line() { sort -g "$1" | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}'; }
echo "saywho-index, synthetic articles (peers-generate.py); median of $rounds; $(date -u +%F); $(git rev-parse --short HEAD)"
echo
echo "| articles | seconds | articles/s | vs the scale before | peak RSS | peak disk | database | peak disk / database | stages after writing (m:ss) |"
echo "|---|---|---|---|---|---|---|---|---|"
before=""
for n in "${scales[@]}"; do
    read -r secs rss peak size stages < <(median_line "$work/build.$n")
    rate=$(awk -v n="$n" -v s="$secs" 'BEGIN {print n / s}')
    base=${before:-$rate} before=$rate
    awk -v n="$n" -v s="$secs" -v r="$rate" -v b="$base" -v m="$rss" -v p="$peak" -v z="$size" -v st="$stages" 'BEGIN {
        printf "| %d | %.1f | %.0f | %.2f | %.0f MiB | %.0f MiB | %.0f MiB | %.2f | %s |\n",
            n, s, r, r / b, m / 1024, p / 1048576, z / 1048576, p / z, st }'
done
echo
empty=$(median_line "$work/into-empty" | cut -d' ' -f1)
grown=$(median_line "$work/into-$largest" | cut -d' ' -f1)
awk -v e="$empty" -v g="$grown" -v n="$largest" -v st="$(median_line "$work/into-$largest" | cut -d' ' -f5-)" 'BEGIN {
    printf "| 10,000 new articles | seconds | vs into an empty database |\n|---|---|---|\n"
    printf "| into an empty database | %.1f | 1.00 |\n| into the %d database | %.1f | %.2f |\n\n", e, n, g, g / e
    printf "stages of the growth run (m:ss): %s\n", st }'
if [[ -n $keep ]]; then
    rm -rf "$keep"
    mv "$work/db.$largest" "$keep"
fi
