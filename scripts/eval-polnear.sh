#!/usr/bin/env bash
# Measures statement extraction on a PolNeAR split with the shared scorer.
# Usage: scripts/eval-polnear.sh [dev|train] [--full]   (default dev; --full prints the whole report)
# Needs ../shared/eval/polnear and a build (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
polnear=../shared/eval/polnear
[[ -d $polnear/$split ]] || { echo "eval: $polnear/$split not found" >&2; exit 2; }
[[ -x build/saywho-index ]] || { echo "eval: build first: scripts/setup.sh" >&2; exit 2; }
pred=build/polnear-$split.jsonl
build/saywho-index extract "$polnear/$split/articles" >"$pred"
if [[ "${2:-}" == "--full" ]]; then
    python3 "$polnear/score.py" "$polnear/$split/gold.jsonl" "$pred" --byte-offsets
else
    python3 "$polnear/score.py" "$polnear/$split/gold.jsonl" "$pred" --byte-offsets | tail -n 25
fi
