#!/usr/bin/env bash
# Fuzzing: builds the fuzz targets of tests/fuzz for libFuzzer with clang
# (AddressSanitizer and UndefinedBehaviorSanitizer on) in build-fuzz/, and runs
# each for SECONDS, JOBS targets at a time, starting from the kept inputs of
# tests/fuzz/corpus/TARGET. Prints executions, coverage and what was found.
# Usage: scripts/fuzz.sh [SECONDS [TARGET...]]   (default 900 s, every target)
#   --merge: afterwards, add the inputs that reach new coverage to
#   tests/fuzz/corpus/TARGET (minimized by libFuzzer), to keep and commit.
# A crash, hang (over 10 s), leak or sanitizer report stops that target and
# leaves its input in build-fuzz/findings/TARGET/; fix it, copy the input to
# tests/fuzz/corpus/TARGET/ (every test run replays it: ctest -R fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
merge=0
args=()
for a in "$@"; do
    if [[ $a == --merge ]]; then merge=1; else args+=("$a"); fi
done
seconds=${args[0]:-900}
targets=("${args[@]:1}")
((${#targets[@]})) || targets=(archive_reader extract query request)
jobs=${JOBS:-$(nproc)}

if ! command -v clang++ >/dev/null; then
    echo "fuzz: installing clang (Debian)" >&2
    apt-get update -qq && apt-get install -y -qq --no-install-recommends clang >/dev/null
fi
build=build-fuzz
cmake -S . -B $build -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAYWHO_FUZZ=ON \
    -DSAYWHO_BUILD_BENCH=OFF >/dev/null
cmake --build $build -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

run_one() {  # TARGET
    local t=$1 work=$build/corpus/$1 findings=$build/findings/$1
    mkdir -p "$work" "$findings"
    # Leaks are checked by libFuzzer itself (-detect_leaks); libxapian's
    # query-parser error objects are a known, bounded leak of the library.
    LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp \
        UBSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/ubsan.supp:halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz_$t" "$work" "tests/fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
        >"$build/fuzz-$t.log" 2>&1 || true
    local execs cov
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz-$t.log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$build/fuzz-$t.log" | tail -n 1 | grep -o 'cov: [0-9]* ft: [0-9]*' || echo "cov: ?")
    local found
    found=$(find "$findings" -type f | wc -l)
    echo "$t: $execs executions in ${seconds}s, $cov, corpus $(find "$work" -type f | wc -l) inputs, findings: $found (log: $build/fuzz-$t.log)"
}

pids=()
for t in "${targets[@]}"; do
    run_one "$t" >"$build/fuzz-$t.summary" &
    pids+=($!)
    while (($(jobs -rp | wc -l) >= jobs)); do sleep 1; done
done
wait "${pids[@]}"
for t in "${targets[@]}"; do cat "$build/fuzz-$t.summary"; done

if ((merge)); then
    for t in "${targets[@]}"; do
        "$build/tests/fuzz_$t" -merge=1 "tests/fuzz/corpus/$t" "$build/corpus/$t" >/dev/null 2>&1
        echo "$t: tests/fuzz/corpus/$t now holds $(find "tests/fuzz/corpus/$t" -type f | wc -l) inputs"
    done
fi
