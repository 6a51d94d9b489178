#!/usr/bin/env bash
# Sets up (packages, build with warnings as errors) and runs every test; non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
ctest --test-dir build --output-on-failure -j"$(nproc)"
