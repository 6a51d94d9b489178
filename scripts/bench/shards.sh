#!/usr/bin/env bash
# Benchmark: an archive in N shards served by xapian-tcpsrv on loopback, against
# the same archive in one database: build time and size per shard, and the
# latency of the bench queries through saywho-search --serve.
# Usage: scripts/bench/shards.sh [--rounds R] [--shards N] [--single DB] CORPUS
#   CORPUS: an archive directory (such as $SYNTH_DIR/1000000 of growth.sh).
#   --shards N (default 4): each shard built with saywho-index --shard K/N, one
#   after the other, under $WORK_DIR (default: a temporary directory).
#   --single DB: the one database of CORPUS to compare with (default: built here).
#   R rounds (default 3) of the queries of peers-queries.txt, interleaved: one
#   database, N local shards, N shards through xapian-tcpsrv; without facets, then
#   with them.
# Needs: build/ (saywho-index, saywho-search), xapian-tcpsrv (xapian-tools), python3, script.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
rounds=3 shards=4 single="" corpus=""
while (($#)); do
    case $1 in
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --shards) shards=${2:?--shards needs a number}; shift 2 ;;
        --single) single=${2:?--single needs a database}; shift 2 ;;
        -*) echo "usage: $0 [--rounds R] [--shards N] [--single DB] CORPUS" >&2; exit 2 ;;
        *) corpus=$1; shift ;;
    esac
done
[[ -d $corpus ]] || { echo "usage: $0 [--rounds R] [--shards N] [--single DB] CORPUS" >&2; exit 2; }
build=${BUILD_DIR:-build}
[[ -x $build/saywho-index && -x $build/saywho-search ]] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }
command -v xapian-tcpsrv >/dev/null || { echo "bench: xapian-tcpsrv missing: apt-get install xapian-tools" >&2; exit 2; }
work=${WORK_DIR:-$(mktemp -d)}
mkdir -p "$work"
servers=()
cleanup() {
    ((${#servers[@]})) && kill "${servers[@]}" 2>/dev/null
    [[ -n ${WORK_DIR:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
helper=scripts/bench/peers-helper.py
queries=$work/queries
grep -v -e '^#' -e '^$' scripts/bench/peers-queries.txt >"$queries"

build_db() {  # DB [saywho-index options]: "seconds rss_kb size" on stdout
    local db=$1; shift
    rm -rf "$db"
    /usr/bin/time -f '%e %M' -o "$work/time" "$build/saywho-index" --no-progress --db "$db" "$@" "$corpus" >/dev/null
    echo "$(cat "$work/time") $(du -sb "$db" | cut -f1)"
}
if [[ -z $single ]]; then
    single=$work/single.db
    read -r s r z < <(build_db "$single")
    echo "one database: $s s, peak RSS $((r / 1024)) MiB, $((z / 1048576)) MiB" >&2
fi
: >"$work/shards.build"
for ((k = 1; k <= shards; k++)); do
    read -r s r z < <(build_db "$work/shard$k.db" --shard "$k/$shards")
    echo "$s $r $z" >>"$work/shards.build"
    echo "shard $k/$shards: $s s, peak RSS $((r / 1024)) MiB, $((z / 1048576)) MiB" >&2
done

# Local shards in a stub file; remote ones each served by xapian-tcpsrv.
: >"$work/local.stub"
: >"$work/remote.stub"
for ((k = 1; k <= shards; k++)); do
    echo "auto $work/shard$k.db" >>"$work/local.stub"
    port=$((34000 + RANDOM % 20000))
    xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$work/shard$k.db" &
    servers+=($!)
    echo "remote 127.0.0.1:$port" >>"$work/remote.stub"
done
for url in $(sed 's/^remote /tcp:\/\//' "$work/remote.stub"); do  # wait until each answers
    for ((t = 0; t < 100; t++)); do
        status=0
        "$build/saywho-search" --db "$url" -n 0 x >/dev/null 2>&1 || status=$?
        ((status <= 1)) && break
        sleep 0.1
    done
done

layouts=(single local remote)
db_of() { case $1 in single) echo "$single" ;; local) echo "$work/local.stub" ;; remote) echo "$work/remote.stub" ;; esac; }
for ((i = 0; i < rounds; i++)); do
    for mode in serve-query serve-query-facets; do
        for ((k = 0; k < ${#layouts[@]}; k++)); do
            l=${layouts[(k + i) % ${#layouts[@]}]}
            python3 "$helper" "$mode" "$build/saywho-search" "$(db_of "$l")" <"$queries" >"$work/$l.$mode.$i"
            read -r p50 p95 < <(python3 "$helper" percentiles <"$work/$l.$mode.$i")
            echo "$p50" >>"$work/$l.$mode.p50"; echo "$p95" >>"$work/$l.$mode.p95"
            echo "round $((i + 1)) $l $mode: p50 $p50 ms, p95 $p95 ms" >&2
        done
    done
done

nq=$(grep -c . "$queries")
echo "$(find "$corpus" -name '*.txt' | wc -l) articles in $shards shards; median of $rounds interleaved rounds; $(date -u +%F); $(git rev-parse --short HEAD)"
echo
echo "| shard | build seconds | peak RSS | database |"
echo "|---|---|---|---|"
k=0
while read -r s r z; do
    k=$((k + 1))
    awk -v k="$k" -v n="$shards" -v s="$s" -v r="$r" -v z="$z" 'BEGIN {printf "| %d/%d | %.1f | %.0f MiB | %.0f MiB |\n", k, n, s, r / 1024, z / 1048576}'
done <"$work/shards.build"
echo
echo "| $nq queries, top 10, --serve | p50 ms | p95 ms | p50 with facets | p95 with facets |"
echo "|---|---|---|---|---|"
for l in "${layouts[@]}"; do
    label=$l
    case $l in single) label="one database" ;; local) label="$shards local shards (stub file)" ;; remote) label="$shards shards through xapian-tcpsrv" ;; esac
    echo "| $label | $(median <"$work/$l.serve-query.p50") | $(median <"$work/$l.serve-query.p95") |" \
        "$(median <"$work/$l.serve-query-facets.p50") | $(median <"$work/$l.serve-query-facets.p95") |"
done
