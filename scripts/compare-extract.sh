#!/usr/bin/env bash
# Compares what two builds' `saywho-index extract` print, byte for byte, so a
# change that should only reshape extraction can show it changed nothing.
#
# Usage: scripts/compare-extract.sh OLD_SAYWHO_INDEX NEW_SAYWHO_INDEX
#   e.g. scripts/compare-extract.sh /work/baseline-bin/saywho-index build/saywho-index
#
# Sets compared, each run through both binaries:
#   corpus            the repository's corpus/
#   seed              ../shared/seed
#   polnear-train     ../shared/eval/polnear/train/articles
#   polnear-dev       ../shared/eval/polnear/dev/articles
#   reuters21578      all of Reuters-21578, unpacked once from
#                     ../shared/corpus/reuters21578/reuters21578.tar.zst into
#                     $SAYWHO_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/saywho),
#                     outside the repository, by reuters_corpus (scripts/bench/lib.sh)
# For each set it prints one line: the articles read (input files), the
# statements (output lines) of the old and new build, and "identical" or the
# first differing line of stdout (or "stderr differs" / "exit status differs").
# Sets under ../shared are skipped with a message when ../shared is absent.
# Exit status: 0 when every set compared is identical, 1 on any difference,
# 2 on a usage error.
set -euo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: $0 OLD_SAYWHO_INDEX NEW_SAYWHO_INDEX" >&2
    exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
for binary in "$old" "$new"; do
    [[ -x $binary ]] || { echo "compare-extract: $binary is not an executable" >&2; exit 2; }
done
cd "$(dirname "$0")/.."
source scripts/bench/lib.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# Runs both binaries over directory $2 and prints the comparison line for set $1.
compare_set() {
    local name=$1 dir=$2
    local articles old_rc=0 new_rc=0
    articles=$(find -L "$dir" -name '*.txt' | wc -l)
    "$old" extract "$dir" >"$work/old.out" 2>"$work/old.err" || old_rc=$?
    "$new" extract "$dir" >"$work/new.out" 2>"$work/new.err" || new_rc=$?
    local old_n new_n verdict
    old_n=$(wc -l <"$work/old.out")
    new_n=$(wc -l <"$work/new.out")
    if ! cmp -s "$work/old.out" "$work/new.out"; then
        local line report old_line new_line column
        report=$({ cmp "$work/old.out" "$work/new.out" 2>&1 || true; } | head -1)
        line=$(sed -n 's/.* line \([0-9]*\).*/\1/p' <<<"$report")
        # "cmp: EOF on FILE after byte N, line L": the shorter output ended
        # after line L, so line L + 1 is the first that differs.
        [[ $report == *EOF* ]] && line=$((line + 1))
        old_line=$(sed -n "${line}p" "$work/old.out")
        new_line=$(sed -n "${line}p" "$work/new.out")
        # Show each line from a little before the first differing character.
        column=$(OLD_LINE=$old_line NEW_LINE=$new_line awk 'BEGIN {
            a = ENVIRON["OLD_LINE"]; b = ENVIRON["NEW_LINE"]
            for (i = 1; i <= length(a) && substr(a, i, 1) == substr(b, i, 1); i++) {}
            print i }')
        column=$((column > 80 ? column - 80 : 1))
        verdict="DIFFERENT at line $line, from column $column:"
        verdict+=$'\n'"    old: $(cut -c"$column"-"$((column + 240))" <<<"$old_line")"
        verdict+=$'\n'"    new: $(cut -c"$column"-"$((column + 240))" <<<"$new_line")"
    elif ! cmp -s "$work/old.err" "$work/new.err"; then
        verdict="DIFFERENT: stderr differs (first line: $({ diff "$work/old.err" "$work/new.err" || true; } | sed -n 2p | cut -c1-200))"
    elif [[ $old_rc -ne $new_rc ]]; then
        verdict="DIFFERENT: exit status $old_rc vs $new_rc"
    else
        verdict="identical"
    fi
    [[ $verdict == identical ]] || status=1
    printf '%-14s articles %6d  statements old %6d new %6d  %s\n' "$name" "$articles" "$old_n" "$new_n" "$verdict"
}

compare_set corpus corpus
if [[ ! -d ../shared ]]; then
    echo "compare-extract: ../shared is absent: skipped seed, polnear-train, polnear-dev and reuters21578" >&2
    exit $status
fi
for set in seed:../shared/seed polnear-train:../shared/eval/polnear/train/articles \
    polnear-dev:../shared/eval/polnear/dev/articles; do
    if [[ -d ${set#*:} ]]; then
        compare_set "${set%%:*}" "${set#*:}"
    else
        echo "compare-extract: ${set#*:} is absent: skipped ${set%%:*}" >&2
    fi
done
if [[ -f ../shared/corpus/reuters21578/reuters21578.tar.zst ]]; then
    reuters_corpus "${SAYWHO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/saywho}"
    compare_set reuters21578 "$corpus"
else
    echo "compare-extract: ../shared/corpus/reuters21578/reuters21578.tar.zst is absent: skipped reuters21578" >&2
fi
exit $status
