#!/usr/bin/env bash
# Sets up (packages, build with warnings as errors), runs every test and
# scripts/check-style.sh, then runs the tests again in a build with
# AddressSanitizer and UndefinedBehaviorSanitizer; non-zero on any failure. Usage: scripts/test.sh [--no-sanitize]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
ctest --test-dir build --output-on-failure -j"$(nproc)"
# Formatting, file and function sizes (clang-format, clang-tidy).
scripts/check-style.sh build

[[ "${1:-}" == "--no-sanitize" ]] && exit 0
# The sanitizer build: every target compiled with -fsanitize=address,undefined
# (CMake option SAYWHO_SANITIZE), in build-asan/. Leaks inside libxapian on
# query-parser errors are suppressed (tests/sanitizer/lsan.supp); any other
# report makes the test that caused it fail.
# Warnings were made errors in the first build; not here, where GCC 12 warns
# falsely (-Wmaybe-uninitialized inside std::regex under ASan).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAYWHO_BUILD_TESTS=ON -DSAYWHO_WERROR=OFF \
      -DSAYWHO_SANITIZE=ON -DSAYWHO_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp"
export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" --timeout 900
