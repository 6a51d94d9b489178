#!/usr/bin/env bash
# Quick start: set up, index the sample corpus/ into ./saywho.db, and search it.
# Usage: scripts/demo.sh [QUERY...]   (default query: ceasefire)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/saywho-index --db saywho.db corpus/
if (($# == 0)); then set -- ceasefire; fi
exec build/saywho-search --db saywho.db "$@"
