#!/usr/bin/env bash
# Benchmark: saywho against its peers (Xapian's scriptindex and a minimal Xapian program, SQLite FTS5), indexing and search, as Markdown tables.
# Usage: scripts/bench/peers.sh [ROUNDS] [--scale N]
#        scripts/bench/peers.sh --growth [growth.sh options]   (saywho's growth table: growth.sh)
#   ROUNDS (default 3) interleaved rounds; each builds every peer's database from
#   scratch, then times the queries of scripts/bench/peers-queries.txt on each.
#   Without --scale the corpus is Reuters-21578 (../shared, unpacked into build/corpus
#   when missing); --scale N uses N synthetic articles from peers-generate.py instead,
#   kept in $SYNTH_DIR/N (default /tmp/saywho-peers-synthetic/N) for the next run.
# Needs: build/ (saywho-index, saywho-search), scriptindex (xapian-omega), libxapian-dev, g++, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=3 scale=0
while (($#)); do
    case $1 in
        --scale) scale=${2:?--scale needs a number}; shift 2 ;;
        --growth) shift; exec scripts/bench/growth.sh "$@" ;;
        [0-9]*) rounds=$1; shift ;;
        *) echo "usage: $0 [ROUNDS] [--scale N] | --growth [SCALE...]" >&2; exit 2 ;;
    esac
done
build=${BUILD_DIR:-build}
bench=scripts/bench
helper=$bench/peers-helper.py
archive=../shared/corpus/reuters21578/reuters21578.tar.zst
[[ -f $archive ]] || { echo "bench: $archive not found (../shared is needed)" >&2; exit 2; }
[[ -x $build/saywho-index && -x $build/saywho-search ]] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }
command -v scriptindex >/dev/null || { echo "bench: scriptindex missing: apt-get install xapian-omega" >&2; exit 2; }
reuters=$build/corpus/reuters21578
if [[ ! -d $reuters ]]; then
    mkdir -p "$build/corpus"
    tar --zstd -xf "$archive" -C "$build/corpus"
fi
corpus=$reuters name=reuters21578
if ((scale > 0)); then
    corpus=${SYNTH_DIR:-/tmp/saywho-peers-synthetic}/$scale name="synthetic, $scale articles"
    # The stamp is written last, so an interrupted generation is redone, not reused.
    if [[ ! -f $corpus/.complete ]]; then
        rm -rf "$corpus"
        python3 $bench/peers-generate.py "$reuters" "$corpus" "$scale"
        touch "$corpus/.complete"
    fi
fi
articles=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
queries=$work/queries
grep -v -e '^#' -e '^$' $bench/peers-queries.txt >"$queries"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

g++ -O2 -o "$work/xapian-query" $bench/peers-xapian-query.cc $(pkg-config --cflags --libs xapian-core)
# scriptindex reads field=value records; converting the files is input preparation,
# like saywho's own file reading, but it is done once and not timed.
python3 "$helper" dump "$corpus" >"$work/dump"

index() {  # PEER DB
    case $1 in
        saywho) "$build/saywho-index" --no-progress --db "$2" "$corpus" ;;
        scriptindex) scriptindex "$2" $bench/peers-index.script "$work/dump" ;;
        fts5) python3 "$helper" fts5-index "$2" "$corpus" ;;
    esac
}
search() {  # PEER: per-query microseconds and hits on stdout
    case $1 in
        saywho-process) python3 "$helper" process-query "$build/saywho-search" "$work/db.saywho" ;;
        saywho-serve) python3 "$helper" serve-query "$build/saywho-search" "$work/db.saywho" ;;
        saywho-serve-facets) python3 "$helper" serve-query-facets "$build/saywho-search" "$work/db.saywho" ;;
        xapian) "$work/xapian-query" "$work/db.scriptindex" ;;
        fts5) python3 "$helper" fts5-query "$work/db.fts5" ;;
    esac <"$queries"
}
indexers=(saywho scriptindex fts5)
searchers=(saywho-process saywho-serve saywho-serve-facets xapian fts5)
for ((i = 0; i < rounds; i++)); do
    # Each round starts with a different peer, so none always runs first (or
    # always right after the one that filled the page cache).
    for ((k = 0; k < ${#indexers[@]}; k++)); do
        p=${indexers[(k + i) % ${#indexers[@]}]}
        rm -rf "$work/db.$p"
        status=0
        /usr/bin/time -f '%e %M' -o "$work/t" bash -c "$(declare -f index); build=$build bench=$bench helper=$helper corpus=$corpus work=$work; index $p $work/db.$p" >/dev/null 2>"$work/err" || status=$?
        # saywho-index exits 1 when it skipped an input; that is reported, not fatal.
        if ((status > 1)) || { ((status == 1)) && [[ $p != saywho ]]; }; then
            cat "$work/err" >&2; echo "bench: $p failed ($status)" >&2; exit 2
        fi
        read -r secs rss < <(tail -n 1 "$work/t")
        size=$(du -sb "$work/db.$p" | cut -f1)
        echo "$secs" >>"$work/$p.secs"; echo "$rss" >>"$work/$p.rss"; echo "$size" >>"$work/$p.size"
        echo "round $((i + 1)) index $p: ${secs}s, peak RSS $((rss / 1024)) MiB, $((size / 1048576)) MiB" >&2
    done
    for ((k = 0; k < ${#searchers[@]}; k++)); do
        p=${searchers[(k + i) % ${#searchers[@]}]}
        search "$p" >"$work/$p.q$i"
        read -r p50 p95 < <(python3 "$helper" percentiles <"$work/$p.q$i")
        echo "$p50" >>"$work/$p.p50"; echo "$p95" >>"$work/$p.p95"
        awk '$2 == 0' "$work/$p.q$i" | wc -l >>"$work/$p.empty"
        echo "round $((i + 1)) search $p: p50 ${p50} ms, p95 ${p95} ms" >&2
    done
done

nq=$(grep -c . "$queries")
awk -v n="$name" -v a="$articles" -v b="$bytes" -v r="$rounds" -v d="$(date -u +%F)" \
    'BEGIN { printf "%s: %d articles, %.1f MB of text; median of %d interleaved rounds; %s\n", n, a, b / 1e6, r, d }'
echo
echo "| indexing | seconds | articles/s | MB/s | peak RSS | database | articles/s vs scriptindex |"
echo "|---|---|---|---|---|---|---|"
base=$(median <"$work/scriptindex.secs")
for p in "${indexers[@]}"; do
    awk -v p="$p" -v s="$(median <"$work/$p.secs")" -v r="$(median <"$work/$p.rss")" -v z="$(median <"$work/$p.size")" \
        -v a="$articles" -v b="$bytes" -v base="$base" 'BEGIN {
        label = p == "saywho" ? "saywho (with statements)" : p == "fts5" ? "SQLite FTS5" : p
        printf "| %s | %.2f | %.0f | %.2f | %.0f MiB | %.0f MiB | %.2fx |\n", label, s, a / s, b / s / 1e6, r / 1024, z / 1048576, base / s
    }'
done
echo
echo "| search ($nq queries, top 10) | p50 ms | p95 ms | p50 vs minimal Xapian | p50 vs FTS5 | p95 vs FTS5 | queries with no hit |"
echo "|---|---|---|---|---|---|---|"
x50=$(median <"$work/xapian.p50"); f50=$(median <"$work/fts5.p50"); f95=$(median <"$work/fts5.p95")
for p in "${searchers[@]}"; do
    awk -v p="$p" -v a="$(median <"$work/$p.p50")" -v b="$(median <"$work/$p.p95")" -v e="$(median <"$work/$p.empty")" \
        -v x50="$x50" -v f50="$f50" -v f95="$f95" 'BEGIN {
        label["saywho-process"] = "saywho-search --json (a process per query)"
        label["saywho-serve"] = "saywho-search --serve (in process)"
        label["saywho-serve-facets"] = "saywho-search --serve, with facets"
        label["xapian"] = "minimal Xapian program"; label["fts5"] = "SQLite FTS5 (python3)"
        printf "| %s | %.3f | %.3f | %.2fx | %.2fx | %.2fx | %d |\n", label[p], a, b, a / x50, a / f50, b / f95, e
    }'
done
echo
a50=$(median <"$work/saywho-serve.p50"); a95=$(median <"$work/saywho-serve.p95")
w50=$(median <"$work/saywho-serve-facets.p50"); c50=$(median <"$work/saywho-process.p50")
awk -v a50="$a50" -v a95="$a95" -v w50="$w50" -v c50="$c50" -v x50="$x50" -v f95="$f95" 'BEGIN {
    printf "- --serve p50 <= 2x minimal Xapian: %.2fx, %s\n", a50 / x50, (a50 / x50 <= 2 ? "met" : "not met")
    printf "- --serve p95 <= FTS5: %.2fx, %s\n", a95 / f95, (a95 <= f95 ? "met" : "not met")
    printf "- facets add <= 50%% at p50: +%.0f%%, %s\n", (w50 / a50 - 1) * 100, (w50 <= 1.5 * a50 ? "met" : "not met")
    printf "- a process per query p50 <= 4 ms: %.2f ms, %s\n", c50, (c50 <= 4 ? "met" : "not met")
}'
