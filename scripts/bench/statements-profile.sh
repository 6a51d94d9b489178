#!/usr/bin/env bash
# Benchmark: what statements cost, counted in instructions instead of seconds.
# Indexes the first ARTICLES articles of Reuters-21578 under valgrind's
# callgrind, with statements and with --no-statements (one writer, one
# worker), and prints the instructions of each part of the work and the
# ratio without / with. Instruction counts do not move with the load of a
# shared machine, so two builds can be compared on a change too small for
# wall-clock medians (statements-cost.sh) to see.
# Usage: scripts/bench/statements-profile.sh [ARTICLES [SAYWHO_INDEX...]]
#   ARTICLES defaults to 1500; each SAYWHO_INDEX is a saywho-index binary to
#   profile (default: $BUILD_DIR/saywho-index, BUILD_DIR defaulting to build).
# Needs valgrind; about 3 minutes per binary on this machine (two runs at once).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
articles=${1:-1500}
shift || true
build=${BUILD_DIR:-build}
binaries=("$@")
((${#binaries[@]})) || binaries=("$build/saywho-index")
command -v valgrind >/dev/null || { echo "bench: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
for binary in "${binaries[@]}"; do
    [[ -x $binary ]] || { echo "bench: $binary is not an executable (build first: scripts/setup.sh)" >&2; exit 2; }
done
reuters_corpus "$build"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
find "$corpus" -name '*.txt' | sort >"$work/all"
head -n "$articles" "$work/all" | xargs cp -t "$work/corpus"

# One callgrind run: $1 label, $2 binary, then saywho-index options.
profile() {
    local label=$1 binary=$2
    shift 2
    valgrind --tool=callgrind --callgrind-out-file="$work/$label.out" "$binary" --no-progress --writers 1 --jobs 1 \
        --db "$work/$label.db" "$@" "$work/corpus" >/dev/null 2>"$work/$label.err" ||
        { echo "bench: $label failed:" >&2; cat "$work/$label.err" >&2; exit 2; }
    callgrind_annotate --inclusive=yes "$work/$label.out" >"$work/$label.inclusive" 2>/dev/null
    callgrind_annotate --inclusive=no "$work/$label.out" >"$work/$label.self" 2>/dev/null
}

for i in "${!binaries[@]}"; do
    profile "with-$i" "${binaries[$i]}" &
    with_run=$!
    profile "without-$i" "${binaries[$i]}" --no-statements
    wait "$with_run"  # its status: a failed run stops the script
done

python3 - "$work" "$articles" "${binaries[@]}" <<'EOF'
import re, sys
work, articles, binaries = sys.argv[1], sys.argv[2], sys.argv[3:]
# Inclusive counts of the parts, matched by their demangled names.
PARTS = [
    ("analyze_article", r"saywho::analyze_article\("),
    # Once a run, inside the first analyze_article: weighs more in a short run.
    ("of which lexicon load", r"saywho::Lexicon::Tables::Tables\(\)"),
    ("build_article", r"DocumentBuilder::build_article"),
    ("build_statement", r"DocumentBuilder::build_statement"),
    ("Xapian add_document", r"WritableDatabase::add_document\("),
    ("Xapian replace_document", r"WritableDatabase::replace_document\("),
    ("Xapian commit", r"WritableDatabase::commit\(\)"),
    ("zlib deflate", r"\?\?\?:deflate "),
]
def count(line):
    return int(line.split()[0].replace(",", ""))
def read(label):
    inclusive = open(f"{work}/{label}.inclusive").read().splitlines()
    self_lines = open(f"{work}/{label}.self").read().splitlines()
    out = {"total": next(count(l) for l in inclusive if "PROGRAM TOTALS" in l)}
    for name, pattern in PARTS:
        out[name] = max((count(l) for l in inclusive if re.search(pattern, l) and l.strip()[0].isdigit()), default=0)
    # valgrind counts every byte a `rep stos` memset clears as an instruction,
    # and zlib clears its 128 KiB hash table before each of Xapian's
    # compressions: shown apart, and left out of the ratio.
    out["memset"] = sum(count(l) for l in self_lines if "memset" in l and l.strip()[0].isdigit())
    return out
print(f"first {articles} articles of Reuters-21578, one writer, one worker; instructions in millions")
for i, binary in enumerate(binaries):
    w, o = read(f"with-{i}"), read(f"without-{i}")
    print(f"\n{binary}")
    print("| part | --no-statements | with statements | difference |\n|---|---|---|---|")
    for name in ["total", "memset"] + [p for p, _ in PARTS]:
        print(f"| {name} | {o[name] / 1e6:,.0f} | {w[name] / 1e6:,.0f} | {(w[name] - o[name]) / 1e6:+,.0f} |")
    without, with_ = o["total"] - o["memset"], w["total"] - w["memset"]
    print(f"instructions without / with, memset left out: {without / with_:.3f}; "
          f"and the lexicon load too (a long run's ratio): {without / (with_ - w['of which lexicon load']):.3f}")
EOF
