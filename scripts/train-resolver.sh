#!/usr/bin/env bash
# Trains the pronoun resolver's weights, common/data/pronoun_resolver.tsv,
# on PolNeAR train (../shared/eval/polnear/train, read in place), with
# liblinear (Debian: liblinear-tools). Deterministic: the same sources and
# data give the same file. See docs/extraction.md, "The pronoun resolver".
#
# Usage: scripts/train-resolver.sh [BUILD_DIR]   (default: build; configured if needed)
#
# Extraction's earlier decisions are part of each pronoun's features (who
# spoke last), so the candidates are dumped with the weights being learnt:
# round 1 with all weights 0 (the latest mentioned person wins), each later
# round with the weights trained on the round before. Kept: the weights
# whose own decisions on train were right most often (the first of equals).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
train=../shared/eval/polnear/train
rounds=5
c=1            # liblinear's C: rounds trained with 1 decided better on train than with 0.1

command -v liblinear-train >/dev/null ||
    { echo "train-resolver: liblinear-train not found: apt-get install liblinear-tools" >&2; exit 2; }
[[ -d $train/articles && -f $train/gold.jsonl ]] ||
    { echo "train-resolver: $train/articles and $train/gold.jsonl not found" >&2; exit 2; }
[[ -f $build/CMakeCache.txt ]] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target saywho-resolver-features >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { python3 scripts/resolver/train_resolver.py "$@"; }

# Round 0's weights: every feature 0 (the tool's first line names them).
"$build/saywho-resolver-features" "$train/articles" >"$work/candidates0.jsonl"
step zero "$work/candidates0.jsonl" "$work/weights0.tsv"
for ((r = 1; r <= rounds; r++)); do
    "$build/saywho-resolver-features" --weights "$work/weights$((r - 1)).tsv" "$train/articles" >"$work/candidates$r.jsonl"
    step label "$work/candidates$r.jsonl" "$train/gold.jsonl" "$train/articles" "$work/round$r"
    step train "$work/round$r" "$c" "$work/weights$r.tsv" >/dev/null
done
# Round r's decisions are those of the weights of round r - 1.
best_round=$(for ((r = 2; r <= rounds; r++)); do echo "$(cat "$work/round$r.chosen_right") $((r - 1))"; done |
    sort -k1,1nr -k2,2n | head -n 1 | cut -d' ' -f2)
echo "train-resolver: the weights of round $best_round decided best" >&2
step cv "$work/round$best_round" "$c" >&2
echo "liblinear-train -v 5 (pairs, C=$c): $(liblinear-train -s 0 -c "$c" -v 5 -q "$work/round$best_round.train")" >&2
step train "$work/round$best_round" "$c" common/data/pronoun_resolver.tsv \
    "Round $best_round of $rounds (scripts/train-resolver.sh); liblinear $(dpkg-query -W -f='${Version}' liblinear-tools 2>/dev/null || echo '?')."
