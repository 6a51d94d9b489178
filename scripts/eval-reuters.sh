#!/usr/bin/env bash
# Measures statement extraction on the annotated Reuters wire stories with the
# shared scorer and --full-names (the speaker must hold every word of the
# gold name: what a user sees in the speaker facet).
# Usage: scripts/eval-reuters.sh [--full]   (--full prints the whole report)
# Needs ../shared/eval/reuters and a build (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
reuters=../shared/eval/reuters/dev
scorer=../shared/eval/polnear/score.py
[[ -d $reuters ]] || { echo "eval: $reuters not found" >&2; exit 2; }
[[ -x build/saywho-index ]] || { echo "eval: build first: scripts/setup.sh" >&2; exit 2; }
pred=build/reuters-dev.jsonl
build/saywho-index extract "$reuters/articles" >"$pred"
if [[ "${1:-}" == "--full" ]]; then
    python3 "$scorer" --full-names --byte-offsets "$reuters/gold.jsonl" "$pred"
else
    python3 "$scorer" --full-names --byte-offsets "$reuters/gold.jsonl" "$pred" | tail -n 12
fi
