#!/usr/bin/env bash
# Runs tests many times in a row to show they do not fail by chance:
# each test matching REGEX runs COUNT times (ctest --repeat until-fail),
# with ../shared beside the repository and, in a private mount namespace
# where an empty directory hides it, without.
# Usage: scripts/repeat-tests.sh BUILD_DIR COUNT [REGEX] [--no-shared-only|--shared-only]
#   REGEX defaults to the fault and load tests: e2e.(Reliability|Hostile|HostileHttp).
#   Needs root (or user namespaces) for the run without ../shared.
# Example: scripts/repeat-tests.sh build-asan 20
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:?usage: scripts/repeat-tests.sh BUILD_DIR COUNT [REGEX] [--shared-only|--no-shared-only]}"
count="${2:?COUNT missing}"
regex="${3:-^e2e\.(Reliability|Hostile|HostileHttp)\.}"
which="${4:-both}"
shared="$(cd .. && pwd)/shared"

if [[ "$build_dir" == *asan* ]]; then
    export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp"
    export ASAN_OPTIONS="detect_leaks=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi
run() {
    ctest --test-dir "$build_dir" -R "$regex" --repeat "until-fail:$count" --output-on-failure --timeout 1800 -j2
}

status=0
if [[ "$which" != --no-shared-only ]]; then
    [[ -d "$shared" ]] || echo "repeat-tests: $shared is absent: the first pass is without it too" >&2
    echo "== $count runs of each test matching $regex, with $shared"
    run || status=1
fi
if [[ "$which" != --shared-only ]]; then
    echo "== $count runs of each test matching $regex, without ../shared (hidden in a mount namespace)"
    empty=$(mktemp -d)
    export -f run
    export build_dir regex count
    if [[ -d "$shared" ]]; then
        unshare --mount bash -c "mount --bind '$empty' '$shared' && run" || status=1
    else
        run || status=1
    fi
    rmdir "$empty"
fi
exit "$status"
