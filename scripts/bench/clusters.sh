#!/usr/bin/env bash
# Benchmark: what statement clusters cost (issue 18). Side by side, rounds
# interleaved: indexing Reuters-21578 from scratch with a build without
# clusters (BEFORE, e.g. one of commit d425f96) and with this one (build/),
# then saywho-search --serve over scripts/bench/peers-queries.txt (top 10, no
# facets) with each build on its own database: before, and now with copies
# collapsed (the default) and with --all-copies' "collapse": false.
# Usage: scripts/bench/clusters.sh BEFORE_BUILD_DIR [ROUNDS]   (default 3; needs ../shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
before=${1:?usage: scripts/bench/clusters.sh BEFORE_BUILD_DIR [ROUNDS]}
rounds=${2:-3}
build=${BUILD_DIR:-build}
for b in "$before" "$build"; do
    [[ -x $b/saywho-index && -x $b/saywho-search ]] || { echo "bench: no saywho-index and saywho-search in $b" >&2; exit 2; }
done
reuters_corpus "$build"
articles=$(find "$corpus" -name '*.txt' | wc -l)
queries=scripts/bench/peers-queries.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --serve: microseconds per query on stdout, one a line; $3 is "collapse": true or false.
cat >"$work/serve.py" <<'PY'
import json, subprocess, sys, time
search, db, collapse = sys.argv[1], sys.argv[2], sys.argv[3] == "true"
proc = subprocess.Popen([search, "--db", db, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
for q in (line.strip() for line in sys.stdin):
    if not q:
        continue
    request = {"q": q, "limit": 10, "facets": False}
    if not collapse:
        request["collapse"] = False
    start = time.perf_counter()
    proc.stdin.write(json.dumps(request) + "\n")
    proc.stdin.flush()
    answer = json.loads(proc.stdout.readline())
    print(round((time.perf_counter() - start) * 1e6))
    if answer.get("type") == "error":
        sys.exit(f"bench: {q}: {answer}")
proc.stdin.close()
proc.wait()
PY
serve() { python3 "$work/serve.py" "$1" "$2" "$3" <"$queries"; }  # SEARCH DB COLLAPSE
p50() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)] / 1000}'; }

for ((i = 1; i <= rounds; i++)); do
    for side in before now; do
        bin=$before; [[ $side == now ]] && bin=$build
        rm -rf "$work/$side.db"
        /usr/bin/time -f '%e' -o "$work/t" "$bin/saywho-index" --no-progress --db "$work/$side.db" "$corpus" >"$work/$side.out"
        cat "$work/t" >>"$work/$side.index"
        echo "round $i index $side: $(cat "$work/t")s" >&2
    done
    serve "$before/saywho-search" "$work/before.db" true | p50 >>"$work/before.p50"
    serve "$build/saywho-search" "$work/now.db" true | p50 >>"$work/now.p50"
    serve "$build/saywho-search" "$work/now.db" false | p50 >>"$work/all.p50"
    echo "round $i serve p50: before $(tail -n 1 "$work/before.p50") ms, collapsed $(tail -n 1 "$work/now.p50") ms," \
         "every copy $(tail -n 1 "$work/all.p50") ms" >&2
done
b=$(median <"$work/before.index"); n=$(median <"$work/now.index")
bp=$(median <"$work/before.p50"); np=$(median <"$work/now.p50"); ap=$(median <"$work/all.p50")
awk -v a="$articles" -v r="$rounds" -v b="$b" -v n="$n" -v bp="$bp" -v np="$np" -v ap="$ap" 'BEGIN {
    printf "reuters21578, %d articles, median of %d interleaved rounds\n", a, r
    printf "| | before | with clusters | ratio |\n|---|---|---|---|\n"
    printf "| indexing, articles/s | %.0f | %.0f | %.2f (goal >= 0.9) |\n", a / b, a / n, b / n
    printf "| --serve p50, ms (copies collapsed) | %.2f | %.2f | %.2f (goal <= 1.2) |\n", bp, np, np / bp
    printf "| --serve p50, ms (every copy) | %.2f | %.2f | %.2f |\n", bp, ap, ap / bp
}'
grep -o '[0-9]* copies of another statement[^,]*' "$work/now.out" || true
